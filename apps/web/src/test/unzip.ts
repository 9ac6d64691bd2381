import { inflateRawSync } from "node:zlib";

/**
 * The text of every part of a zip (an XLSX), for tests that look past the first sheet, which is
 * all the app's reader reads. Reads the central directory (PKWARE APPNOTE §4.3); no ZIP64.
 */
export function unzipText(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip");
  const parts = new Map<string, string>();
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    parts.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return parts;
}

/** The sheet names of a workbook, in tab order. */
export function sheetNamesOf(bytes: Uint8Array): string[] {
  const workbook = unzipText(bytes).get("xl/workbook.xml") ?? "";
  return Array.from(workbook.matchAll(/<sheet name="([^"]*)"/g), (match) => match[1] ?? "");
}
