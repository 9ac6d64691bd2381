export type TextEncodingName = "utf-8" | "utf-16le" | "windows-1252";

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/**
 * What Windows-1252 puts at 0x80–0x9F (WHATWG Encoding Standard, index-windows-1252); every other
 * byte is the Latin-1 code point of the same number. Kept here rather than asking
 * `TextDecoder("windows-1252")`, which Node 20.18.3+ decodes as Latin-1, turning "–", "’" and "€"
 * into control characters (nodejs/node#60888, #56542).
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
] as const;

const CHUNK = 8192;

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Array<number>(CHUNK);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const byte = bytes[i] ?? 0;
      codes[i - start] = byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Reads a text file the way spreadsheet programs write it: UTF-8 with or without BOM (Excel's
 * "CSV UTF-8"), UTF-16LE with BOM (Excel's "Unicode text"), else Windows-1252 (Excel's plain "CSV"
 * on Norwegian Windows). Invalid UTF-8 means Windows-1252; that guess can only go wrong for
 * Windows-1252 text that happens to be valid UTF-8, such as "Ã¸". Line ends become "\n".
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: TextEncodingName;
  if (startsWith(bytes, [0xff, 0xfe])) {
    text = new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2));
    encoding = "utf-16le";
  } else {
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
      encoding = "utf-8";
    } catch {
      text = decodeWindows1252(body);
      encoding = "windows-1252";
    }
  }
  return { text: text.replace(/\r\n?/g, "\n"), encoding };
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
