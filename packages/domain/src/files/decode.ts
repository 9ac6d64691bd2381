import { cutForMessage } from "../text/cut";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** A line in another encoding than the lines before it: UTF-8 among Windows-1252, or the reverse. */
export interface MixedEncoding {
  /** 1-based line of the file (line ends: LF, CR LF or CR). */
  readonly line: number;
  /** The line as its own encoding reads it, on one line, without controls, cut to MESSAGE_VALUE_LENGTH characters. */
  readonly sample: string;
}

export type DecodedText =
  { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName } | { readonly ok: false; readonly mixed: MixedEncoding };

/**
 * What Windows-1252 puts at 0x80–0x9F (WHATWG Encoding Standard, index-windows-1252); every other
 * byte is the Latin-1 code point of the same number. Kept here rather than asking
 * `TextDecoder("windows-1252")`, which Node 20.18.3+ decodes as Latin-1, turning "–", "’" and "€"
 * into control characters (nodejs/node#60888, #56542).
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
] as const;

const CHUNK = 8192;
const codes = new Uint16Array(CHUNK);

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const byte = bytes[i] ?? 0;
      codes[i - start] = byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return parts.join("");
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** What a run of bytes can be: plain ASCII (the same in both), valid UTF-8 beyond ASCII, or neither. */
type LineKind = "ascii" | "utf-8" | "windows-1252";

/** Checks UTF-8 by the rules of RFC 3629 (no overlongs, no surrogates, nothing past U+10FFFF). */
function kindOf(bytes: Uint8Array, start: number, end: number): LineKind {
  let i = start;
  while (i < end && (bytes[i] ?? 0) < 0x80) i++;
  if (i === end) return "ascii";
  while (i < end) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0;
      if (lead === 0xed) max = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90;
      if (lead === 0xf4) max = 0x8f;
    } else return "windows-1252";
    if (i + length > end) return "windows-1252";
    const second = bytes[i + 1] ?? 0;
    if (second < min || second > max) return "windows-1252";
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf) return "windows-1252";
    }
    i += length;
  }
  return "utf-8";
}

const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

type Decoder = typeof UTF8;

/**
 * A text file read line by line, each line decoded on its own, so that a big file is never one
 * string and reading can stop anywhere (`next` is only called for the lines wanted).
 *
 * Files are read the way spreadsheet programs write them: UTF-8 with or without BOM (Excel's
 * "CSV UTF-8"), UTF-16 with BOM (Excel's "Unicode text"; little- or big-endian) or without one when
 * its first characters are ASCII, else Windows-1252 (Excel's plain "CSV" on Norwegian Windows).
 * Which of UTF-8 and Windows-1252 a file is, is decided by its first line beyond ASCII (or a UTF-8
 * BOM); a later line that only the other encoding reads is a MixedEncoding, and reading stops
 * there: decoding such a line in the file's encoding is how "blåbær" becomes "blÃ¥bÃ¦r".
 * A Windows-1252 line that happens to be valid UTF-8 too ("Ã¸") counts as UTF-8; real Norwegian
 * text almost never has one. Line ends (CR LF, LF, CR) are not part of the lines.
 */
export class TextLineReader {
  private readonly bytes: Uint8Array;
  private readonly utf16: Decoder | null = null;
  private at: number;
  /** Lines decoded but not yet returned (a run of bytes holding lone CRs is several lines). */
  private readonly queued: string[] = [];
  /** UTF-16 text decoded but not yet split into lines. */
  private pending = "";
  private decided: "utf-8" | "windows-1252" | null = null;
  private lines = 0;
  private result: TextEncodingName | null = null;
  /** Whether the text ends with a line end (so that "a\n" is not "a"). */
  endsWithLineEnd = false;
  mixed: MixedEncoding | null = null;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
      this.utf16 = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be", { ignoreBOM: true });
      this.result = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
      this.at = 2;
    } else if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) {
      this.utf16 = new TextDecoder("utf-16le");
      this.result = "utf-16le";
      this.at = 0;
    } else if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) {
      this.utf16 = new TextDecoder("utf-16be");
      this.result = "utf-16be";
      this.at = 0;
    } else if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
      this.decided = "utf-8";
      this.at = 3;
    } else {
      this.at = 0;
    }
  }

  /** The encoding read so far; plain ASCII is reported as UTF-8. */
  get encoding(): TextEncodingName {
    return this.result ?? this.decided ?? "utf-8";
  }

  /** The 1-based number of the line `next` returned last. */
  get lineNumber(): number {
    return this.lines;
  }

  /** The next line, or null at the end of the text or at a line in another encoding (then `mixed` says which). */
  next(): string | null {
    if (this.queued.length === 0 && !this.fill()) return null;
    this.lines++;
    return this.queued.shift() ?? null;
  }

  /** Decodes the next run of bytes up to a line feed into `queued`; false at the end or at a mixed line. */
  private fill(): boolean {
    if (this.utf16 !== null) return this.fillUtf16(this.utf16);
    const { bytes } = this;
    if (this.mixed !== null || this.at >= bytes.length) return false;
    const feed = bytes.indexOf(0x0a, this.at);
    const end = feed === -1 ? bytes.length : feed;
    const kind = kindOf(bytes, this.at, end);
    const run = bytes.subarray(this.at, end);
    const text = kind === "windows-1252" ? decodeWindows1252(run) : UTF8.decode(run);
    this.at = end + 1;
    if (kind !== "ascii") {
      this.decided ??= kind;
      if (kind !== this.decided) {
        this.mixed = { line: this.lines + 1, sample: cutForMessage(splitLines(text)[0] ?? "") };
        return false;
      }
    }
    this.endsWithLineEnd = feed !== -1 || text.endsWith("\r");
    this.queued.push(...splitLines(text));
    return true;
  }

  private fillUtf16(decoder: Decoder): boolean {
    const SLICE = 64 * 1024;
    let feed = this.pending.indexOf("\n");
    while (feed === -1 && this.at < this.bytes.length) {
      const end = Math.min(this.at + SLICE, this.bytes.length);
      this.pending += decoder.decode(this.bytes.subarray(this.at, end), { stream: end < this.bytes.length });
      this.at = end;
      feed = this.pending.indexOf("\n");
    }
    if (feed === -1 && this.pending === "") return false;
    const text = feed === -1 ? this.pending : this.pending.slice(0, feed);
    this.pending = feed === -1 ? "" : this.pending.slice(feed + 1);
    this.endsWithLineEnd = feed !== -1 || text.endsWith("\r");
    this.queued.push(...splitLines(text));
    return true;
  }
}

/** The lines of a run of text with no line feed in it, split at lone CRs; a CR at its end ends the last line. */
function splitLines(text: string): string[] {
  const body = text.endsWith("\r") ? text.slice(0, -1) : text;
  return body.includes("\r") ? body.split("\r") : [body];
}

/**
 * Reads a whole text file as `TextLineReader` does, line ends as "\n": refused (not guessed) when
 * its lines are in different encodings.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const reader = new TextLineReader(bytes);
  const lines: string[] = [];
  for (let line = reader.next(); line !== null; line = reader.next()) lines.push(line);
  if (reader.mixed !== null) return { ok: false, mixed: reader.mixed };
  const text = lines.join("\n") + (lines.length > 0 && reader.endsWithLineEnd ? "\n" : "");
  return { ok: true, text, encoding: reader.encoding };
}

let windows1252Bytes: ReadonlyMap<number, number> | undefined;

/**
 * Encodes text as Windows-1252, or returns null when a character has no byte there. For exports to
 * tools that cannot read UTF-8, and for round-trip tests of `decodeText`.
 */
export function encodeWindows1252(text: string): Uint8Array | null {
  windows1252Bytes ??= new Map(WINDOWS_1252_HIGH.map((code, i) => [code, 0x80 + i]));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : windows1252Bytes.get(code);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}
