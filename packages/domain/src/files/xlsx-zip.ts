import { Inflate, strFromU8 } from "fflate";

/**
 * An XLSX workbook is a zip of XML parts (ECMA-376 Part 2). This file opens the zip within limits
 * set before anything is inflated; `xlsx.ts` reads the sheet from the parts.
 */

/** Cap on the unzipped size of a workbook: a small upload can inflate to gigabytes (a zip bomb). */
export const MAX_XLSX_UNZIPPED_BYTES = 50 * 1024 * 1024;
/** Cap on a workbook's parts: Excel writes a few dozen; each costs a directory entry to list. */
export const MAX_XLSX_ZIP_ENTRIES = 2_000;

/** Why a workbook's zip is refused: not a zip (or a damaged one), or larger than the limits. */
export type ZipRefusal = "NOT_A_ZIP" | "FILE_TOO_LARGE";

export type ZipParts =
  | { readonly ok: true; readonly files: ReadonlyMap<string, Uint8Array> }
  | { readonly ok: false; readonly error: { readonly code: ZipRefusal } };

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly dataStart: number;
}

/**
 * Lists a zip's entries from its central directory (PKWARE APPNOTE §4.3), ZIP64 included, or
 * returns null when the bytes are not a zip. We read it ourselves because fflate's unzipSync
 * inflates an entry to its end whatever size it declares: a lying header costs CPU in proportion
 * to the real size (up to ~1000× the upload), which only an inflater that stops can prevent.
 */
function readZipDirectory(bytes: Uint8Array): ZipEntry[] | "TOO_MANY_ENTRIES" | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => Number(view.getBigUint64(at, true));
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(eocd + 10);
  let at = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const zip64 = u64(eocd - 12);
    if (zip64 + 56 > bytes.length || u32(zip64) !== 0x06064b50) return null;
    count = u64(zip64 + 32);
    at = u64(zip64 + 48);
  }
  if (count > MAX_XLSX_ZIP_ENTRIES) return "TOO_MANY_ENTRIES";
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return null;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    let localHeader = u32(at + 42);
    const extraEnd = at + 46 + nameLength + extraLength;
    if (extraEnd > bytes.length) return null;
    // ZIP64 extended information: 8-byte values for the fields saturated at 0xFFFFFFFF, in order.
    for (let extra = at + 46 + nameLength; extra + 4 <= extraEnd; extra += 4 + u16(extra + 2)) {
      if (u16(extra) !== 0x0001) continue;
      let field = extra + 4;
      const next = (value: number): number => {
        if (value !== 0xffffffff || field + 8 > extraEnd) return value;
        field += 8;
        return u64(field - 8);
      };
      size = next(size);
      compressedSize = next(compressedSize);
      localHeader = next(localHeader);
    }
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), (u16(at + 8) & 0x800) === 0);
    if (localHeader + 30 > bytes.length || u32(localHeader) !== 0x04034b50) return null;
    const dataStart = localHeader + 30 + u16(localHeader + 26) + u16(localHeader + 28);
    if (dataStart + compressedSize > bytes.length) return null;
    entries.push({ name, method: u16(at + 10), compressedSize, size, dataStart });
    at = extraEnd + u16(at + 32);
  }
  return entries;
}

const INFLATE_CHUNK = 16 * 1024;

/** Inflates an entry, stopping as soon as it yields more than it declared; null if it is damaged. */
function extractEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return data.length === entry.size ? data : null;
  if (entry.method !== 8) return null;
  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      overflow = true;
      throw new RangeError("Entry inflates beyond its declared size");
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    // Small input chunks bound the work done before the size check can stop us (~1000× a chunk).
    for (let at = 0; at < data.length || at === 0; at += INFLATE_CHUNK) {
      inflater.push(data.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= data.length);
    }
  } catch {
    return null;
  }
  return overflow || written !== out.length ? null : out;
}

/** The XML parts of a zip (`.xml`, `.rels`) by `partKey`, inflated within the limits above. */
export function unzipXmlParts(bytes: Uint8Array): ZipParts {
  if (bytes.length > MAX_XLSX_UNZIPPED_BYTES) return { ok: false, error: { code: "FILE_TOO_LARGE" } };
  const entries = readZipDirectory(bytes);
  if (entries === null) return { ok: false, error: { code: "NOT_A_ZIP" } };
  if (entries === "TOO_MANY_ENTRIES") return { ok: false, error: { code: "FILE_TOO_LARGE" } };
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > MAX_XLSX_UNZIPPED_BYTES) return { ok: false, error: { code: "FILE_TOO_LARGE" } };
  const files = new Map<string, Uint8Array>();
  // Only XML parts are read; images and other media are never inflated.
  for (const entry of entries.filter((candidate) => /\.(xml|rels)$/i.test(candidate.name))) {
    const data = extractEntry(bytes, entry);
    if (data === null) return { ok: false, error: { code: "NOT_A_ZIP" } };
    files.set(partKey(entry.name), data);
  }
  return { ok: true, files };
}

/** Part names compare case-insensitively (ECMA-376 Part 2 §9.1.1.1); some zips use backslashes. */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

export function readPart(files: ReadonlyMap<string, Uint8Array>, path: string): Uint8Array | undefined {
  return files.get(partKey(path));
}

/**
 * One part of a zip, inflated within `maxBytes`, without inflating any other: the toolbox checks an
 * Office document's `[Content_Types].xml` this way. `null` when the part is missing or larger; the
 * names of every part come with it, so the caller can check that a part the content types name exists.
 */
export function readZipPart(
  bytes: Uint8Array,
  path: string,
  maxBytes: number,
): { readonly ok: true; readonly part: Uint8Array | null; readonly names: ReadonlySet<string> } | { readonly ok: false } {
  const entries = readZipDirectory(bytes);
  if (entries === null || entries === "TOO_MANY_ENTRIES") return { ok: false };
  const entry = entries.find((candidate) => partKey(candidate.name) === partKey(path));
  const names = new Set(entries.map((candidate) => partKey(candidate.name)));
  if (!entry || entry.size > maxBytes) return { ok: true, part: null, names };
  const part = extractEntry(bytes, entry);
  return part === null ? { ok: false } : { ok: true, part, names };
}
