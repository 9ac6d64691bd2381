import { strFromU8 } from "fflate";
import { z } from "zod";

import { readZipPart } from "../files/xlsx-zip";
import { XLSX_MIME_TYPE } from "../files/xlsx-writer";
import { textSchema } from "../text/schemas";

/**
 * A joint project's toolbox (issue 26, docs/toolbox.md): titled links and small documents the programme
 * hands to every municipality that takes the solution up. A document's type is read from its content,
 * never from its name or the browser's claim, and it is only ever served as an attachment.
 */

/** The largest document the toolbox keeps: 5 MB, enough for a requirements specification or a template. */
export const MAX_TOOLBOX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export const TOOLBOX_DOCUMENT_TYPES = ["pdf", "docx", "xlsx"] as const;
export type ToolboxDocumentType = (typeof TOOLBOX_DOCUMENT_TYPES)[number];

export const TOOLBOX_MEDIA_TYPES: Record<ToolboxDocumentType, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: XLSX_MIME_TYPE,
};

/** The content type of each Office document's main part (ECMA-376 Part 1, §11.3.10 and §12.3.23). */
const MAIN_PART_TYPES: Record<Exclude<ToolboxDocumentType, "pdf">, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
};

/** `[Content_Types].xml` is a few kilobytes; more is not an Office document we take. */
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;

export const TOOLBOX_TITLE_MAX = 200;
export const TOOLBOX_URL_MAX = 2000;
export const TOOLBOX_FILE_NAME_MAX = 120;

/** Why a document is refused: each has its own sentence in the user's language. */
export type ToolboxFileRefusal = "FILE_EMPTY" | "FILE_TOO_LARGE" | "FILE_WRONG_TYPE";

export type ToolboxFileCheck =
  | { readonly ok: true; readonly type: ToolboxDocumentType }
  | { readonly ok: false; readonly code: ToolboxFileRefusal; readonly params: Record<string, number> };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, at) => bytes[at] === byte);
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4", a local file header

/** The `<Override PartName=… ContentType=…/>` pairs of `[Content_Types].xml`, attributes in any order. */
function overrides(xml: string): { partName: string; contentType: string }[] {
  const found: { partName: string; contentType: string }[] = [];
  for (const element of xml.match(/<(?:\w+:)?Override\b[^>]*>/g) ?? []) {
    const partName = /\bPartName\s*=\s*["']([^"']*)["']/.exec(element)?.[1];
    const contentType = /\bContentType\s*=\s*["']([^"']*)["']/.exec(element)?.[1];
    if (partName && contentType) found.push({ partName, contentType: contentType.trim().toLowerCase() });
  }
  return found;
}

/** Which Office document a zip is, by the content type of a main part that is really in it; null for none. */
function officeTypeOf(bytes: Uint8Array): Exclude<ToolboxDocumentType, "pdf"> | null {
  const zip = readZipPart(bytes, "[Content_Types].xml", MAX_CONTENT_TYPES_BYTES);
  if (!zip.ok || zip.part === null) return null;
  const pairs = overrides(strFromU8(zip.part));
  for (const type of ["docx", "xlsx"] as const) {
    const main = pairs.find((pair) => pair.contentType === MAIN_PART_TYPES[type]);
    if (main && zip.names.has(main.partName.replace(/^\/+/, "").toLowerCase())) return type;
  }
  return null;
}

/** The document type a file's content shows, or null: `%PDF-`, or a zip whose content types name a Word or Excel main part. */
export function sniffToolboxDocument(bytes: Uint8Array): ToolboxDocumentType | null {
  if (startsWith(bytes, PDF_MAGIC)) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) return officeTypeOf(bytes);
  return null;
}

/** The lower-case ending of a file name ("rapport.PDF" → "pdf"), or "". */
export function fileExtensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Whether a document may enter the toolbox: not empty, within the size limit, and PDF, DOCX or XLSX by
 * its content, with a name that ends as its content is (an HTML page named .pdf, or a DOCX named .xlsx, is refused).
 */
export function checkToolboxDocument(fileName: string, bytes: Uint8Array): ToolboxFileCheck {
  if (bytes.length === 0) return { ok: false, code: "FILE_EMPTY", params: {} };
  if (bytes.length > MAX_TOOLBOX_DOCUMENT_BYTES) {
    return { ok: false, code: "FILE_TOO_LARGE", params: { maxMb: MAX_TOOLBOX_DOCUMENT_BYTES / (1024 * 1024), size: bytes.length } };
  }
  const type = sniffToolboxDocument(bytes);
  if (type === null || fileExtensionOf(fileName) !== type) return { ok: false, code: "FILE_WRONG_TYPE", params: {} };
  return { ok: true, type };
}

/**
 * A stored file name: the last path segment, without control characters or characters a file system
 * or a header treats specially, at most TOOLBOX_FILE_NAME_MAX characters, ending in the document's type.
 */
export function cleanToolboxFileName(fileName: string, type: ToolboxDocumentType): string {
  const base = fileName.split(/[/\\]/).at(-1) ?? "";
  const plain = base
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|;]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const stem =
    plain
      .replace(/\.[^.]*$/, "")
      .replace(/^\.+/, "")
      .trim() || "dokument";
  return `${stem.slice(0, TOOLBOX_FILE_NAME_MAX - type.length - 1)}.${type}`;
}

const ASCII_LETTERS: Record<string, string> = { æ: "ae", Æ: "AE", ø: "o", Ø: "O", ß: "ss", đ: "d", Đ: "D", ŋ: "n", Ŋ: "N", ŧ: "t", Ŧ: "T" };

/** The file name in plain ASCII for clients that do not read `filename*`: "Kravspesifikasjon for SvarUt – Bodø.pdf" → "Kravspesifikasjon for SvarUt _ Bodo.pdf". */
export function asciiFileName(fileName: string): string {
  return fileName
    .replace(/[æÆøØßđĐŋŊŧŦ]/g, (letter) => ASCII_LETTERS[letter] ?? "_")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ._()-]/g, "_");
}

/** RFC 5987 value-chars: what `encodeURIComponent` leaves alone except ' ( ) *, which are not attr-chars. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition` for a download (RFC 6266): always an attachment, with an ASCII `filename` and,
 * when the name is not plain ASCII, the UTF-8 name as `filename*` (RFC 5987), which browsers prefer.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = asciiFileName(fileName);
  return ascii === fileName
    ? `attachment; filename="${ascii}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** A web address the toolbox links to: http or https only, with a host and no user name or password in it. */
export function isToolboxUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && url.username === "" && url.password === "";
}

export const ToolboxTitleSchema = textSchema(TOOLBOX_TITLE_MAX, { min: 1 });

export const ToolboxLinkInputSchema = z.object({
  title: ToolboxTitleSchema,
  url: z
    .string()
    .trim()
    .max(TOOLBOX_URL_MAX)
    .refine(isToolboxUrl, { message: "must be an http or https address", params: { code: "URL_NOT_WEB" } }),
});
export type ToolboxLinkInput = z.infer<typeof ToolboxLinkInputSchema>;

/** What accompanies a document's bytes: its title and the name it had on the uploader's machine. */
export const ToolboxDocumentInputSchema = z.object({
  title: ToolboxTitleSchema,
  fileName: z.string().min(1).max(255),
});
export type ToolboxDocumentInput = z.infer<typeof ToolboxDocumentInputSchema>;
