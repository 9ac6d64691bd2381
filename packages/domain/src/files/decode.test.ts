import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decodeText, encodeWindows1252 } from "./decode";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe("decodeText", () => {
  it("reads UTF-8 and strips its byte order mark", () => {
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("Beløp;Kommentar")))).toEqual({
      text: "Beløp;Kommentar",
      encoding: "utf-8",
    });
    expect(decodeText(utf8("Beløp"))).toEqual({ text: "Beløp", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    // "Beløp – 5 €" as Norwegian Excel saves "CSV (semikolondelt)".
    const bytes = Uint8Array.of(0x42, 0x65, 0x6c, 0xf8, 0x70, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80);
    expect(decodeText(bytes)).toEqual({ text: "Beløp – 5 €", encoding: "windows-1252" });
  });

  it("maps every byte 0x80–0xFF as Windows-1252 does, not as Latin-1 (nodejs/node#60888)", () => {
    expect(decodeText(Uint8Array.of(0x92)).text).toBe("\u2019");
    expect(decodeText(Uint8Array.of(0x9f)).text).toBe("Ÿ");
    expect(decodeText(Uint8Array.of(0x81)).text).toBe("\u0081");
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const decoded = decodeText(Uint8Array.of(byte));
      expect(decoded.encoding).toBe("windows-1252");
      expect(encodeWindows1252(decoded.text)).toEqual(Uint8Array.of(byte));
    }
  });

  it("reads UTF-16LE with a byte order mark (Excel's Unicode text)", () => {
    const text = "IKT-tjeneste\tBeløp\r\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(bytes)).toEqual({ text: "IKT-tjeneste\tBeløp\n", encoding: "utf-16le" });
  });

  it("normalises CRLF and lone CR line ends to LF", () => {
    expect(decodeText(utf8("a\r\nb\rc\n")).text).toBe("a\nb\nc\n");
  });

  it("reads an empty file as empty UTF-8 text", () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: "", encoding: "utf-8" });
  });

  it("gives back any UTF-8 text, with or without BOM", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.boolean(), (text, bom) => {
        fc.pre(!text.startsWith("\uFEFF"));
        const bytes = utf8(text);
        const decoded = decodeText(bom ? Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes) : bytes);
        expect(decoded).toEqual({ text: text.replace(/\r\n?/g, "\n"), encoding: "utf-8" });
      }),
      { numRuns: 200 },
    );
  });

  it("gives back any Windows-1252 text that is not also valid UTF-8", () => {
    // Every character Windows-1252 has, taken from the decoder itself (bytes 0x00–0x7F are ASCII).
    const windows1252Char = fc
      .integer({ min: 0, max: 0xff })
      .map((byte) => decodeText(Uint8Array.of(0xff, byte)).text.slice(1));
    fc.assert(
      fc.property(fc.array(windows1252Char, { minLength: 1, maxLength: 40 }), (chars) => {
        const text = chars.join("");
        const bytes = encodeWindows1252(text);
        expect(bytes).not.toBeNull();
        fc.pre(bytes !== null && !isValidUtf8(bytes));
        expect(decodeText(bytes ?? new Uint8Array(0))).toEqual({
          text: text.replace(/\r\n?/g, "\n"),
          encoding: "windows-1252",
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("encodeWindows1252", () => {
  it("encodes Norwegian letters and the 0x80–0x9F extras, and refuses what Windows-1252 lacks", () => {
    expect(encodeWindows1252("æøåÆØÅ€–")).toEqual(Uint8Array.of(0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0x80, 0x96));
    expect(encodeWindows1252("\u0080")).toBeNull();
    expect(encodeWindows1252("Čapek")).toBeNull();
    expect(encodeWindows1252("日本")).toBeNull();
  });
});
