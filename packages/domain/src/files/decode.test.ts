import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decodeText, encodeWindows1252 } from "./decode";
import { cutText } from "../text/cut";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Every character Windows-1252 has, taken from the decoder itself (bytes 0x00–0x7F are ASCII). */
// From 1: text with NUL characters is read as UTF-16 without a byte order mark (or refused as binary).
const windows1252Char = fc.integer({ min: 1, max: 0xff }).map((byte) => {
  const decoded = decodeText(Uint8Array.of(0xff, byte));
  return decoded.ok ? decoded.text.slice(1) : "";
});

/** The bytes between line feeds. */
function linesOf(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, at));
    start = at + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

function isUtf8BeyondAscii(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80) && isValidUtf8(bytes);
}

describe("decodeText", () => {
  it("reads UTF-8 and strips its byte order mark", () => {
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8("Beløp;Kommentar")))).toEqual({
      ok: true,
      text: "Beløp;Kommentar",
      encoding: "utf-8",
    });
    expect(decodeText(utf8("Beløp"))).toEqual({ ok: true, text: "Beløp", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    // "Beløp – 5 €" as Norwegian Excel saves "CSV (semikolondelt)".
    const bytes = Uint8Array.of(0x42, 0x65, 0x6c, 0xf8, 0x70, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80);
    expect(decodeText(bytes)).toEqual({ ok: true, text: "Beløp – 5 €", encoding: "windows-1252" });
  });

  it("maps every byte 0x80–0xFF as Windows-1252 does, not as Latin-1 (nodejs/node#60888)", () => {
    expect(decodeText(Uint8Array.of(0x92))).toMatchObject({ text: "\u2019" });
    expect(decodeText(Uint8Array.of(0x9f))).toMatchObject({ text: "Ÿ" });
    expect(decodeText(Uint8Array.of(0x81))).toMatchObject({ text: "\u0081" });
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const decoded = decodeText(Uint8Array.of(byte));
      expect(decoded).toMatchObject({ ok: true, encoding: "windows-1252" });
      expect(encodeWindows1252(decoded.ok ? decoded.text : "")).toEqual(Uint8Array.of(byte));
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
    expect(decodeText(bytes)).toEqual({ ok: true, text: "IKT-tjeneste\tBeløp\n", encoding: "utf-16le" });
  });

  it("normalises CRLF and lone CR line ends to LF", () => {
    expect(decodeText(utf8("a\r\nb\rc\n"))).toMatchObject({ text: "a\nb\nc\n" });
  });

  it("reads an empty file as empty UTF-8 text", () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ ok: true, text: "", encoding: "utf-8" });
  });

  it("gives back any UTF-8 text, with or without BOM", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.boolean(), (text, bom) => {
        fc.pre(!text.startsWith("\uFEFF"));
        const bytes = utf8(text);
        const decoded = decodeText(bom ? Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes) : bytes);
        // Valid UTF-8 is never taken for a mix of encodings.
        expect(decoded).toEqual({ ok: true, text: text.replace(/\r\n?/g, "\n"), encoding: "utf-8" });
      }),
      { numRuns: 200 },
    );
  });

  it("gives back any Windows-1252 text in which no line is also UTF-8 beyond ASCII", () => {
    fc.assert(
      fc.property(fc.array(windows1252Char, { minLength: 1, maxLength: 40 }), (chars) => {
        const text = chars.join("");
        const bytes = encodeWindows1252(text);
        expect(bytes).not.toBeNull();
        fc.pre(bytes !== null && !isValidUtf8(bytes) && !linesOf(bytes).some(isUtf8BeyondAscii));
        expect(decodeText(bytes ?? new Uint8Array(0))).toEqual({
          ok: true,
          text: text.replace(/\r\n?/g, "\n"),
          encoding: "windows-1252",
        });
      }),
      { numRuns: 200 },
    );
  });

  it("reads UTF-16 big-endian with a byte order mark, and UTF-16 without one when the first characters are ASCII", () => {
    const units = (text: string, bigEndian: boolean) =>
      [...text].flatMap((char) => {
        const code = char.charCodeAt(0);
        return bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8];
      });
    const text = "IKT-tjeneste;Beløp\r\nDrift;1 €\r\n";
    const expected = { ok: true, text: "IKT-tjeneste;Beløp\nDrift;1 €\n" };
    expect(decodeText(Uint8Array.of(0xfe, 0xff, ...units(text, true)))).toEqual({ ...expected, encoding: "utf-16be" });
    expect(decodeText(Uint8Array.from(units(text, false)))).toEqual({ ...expected, encoding: "utf-16le" });
    expect(decodeText(Uint8Array.from(units(text, true)))).toEqual({ ...expected, encoding: "utf-16be" });
  });
});

describe("decodeText on a file that mixes encodings (issue 18)", () => {
  const windows1252 = (text: string): Uint8Array => encodeWindows1252(text) ?? new Uint8Array(0);
  const join = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));

  it("refuses Windows-1252 lines with a UTF-8 line among them, naming that line as its own encoding reads it", () => {
    const bytes = join(
      windows1252("IKT-tjeneste;Kostnadstype;Beløp (kr);Kommentar\r\n"),
      windows1252("Brukerstøtte;Egne ansatte;1 250 000;Servicetorget\r\n"),
      utf8("Utvikling;Eksterne tjenester;300 000;Innkjøp av blåbær-appen\r\n"),
      windows1252("Drift og forvaltning;Lisenser og programvare;800 000;Årlig\r\n"),
    );
    expect(decodeText(bytes)).toEqual({
      ok: false,
      mixed: { line: 3, sample: "Utvikling;Eksterne tjenester;300 000;Innkjøp av blåbær-appen" },
    });
  });

  it("lets the first line beyond ASCII decide, so a UTF-8 header makes the first Windows-1252 line the odd one", () => {
    const bytes = join(utf8("Tjeneste;Kostnadstype;Beløp\n"), utf8("Drift;Annet;5\n"), windows1252("Brukerstøtte;Annet;7\n"));
    expect(decodeText(bytes)).toEqual({ ok: false, mixed: { line: 3, sample: "Brukerstøtte;Annet;7" } });
  });

  it("takes a UTF-8 byte order mark as the file's word, so any Windows-1252 line after it is refused", () => {
    const bytes = join(Uint8Array.of(0xef, 0xbb, 0xbf), utf8("Tjeneste;Beløp\n"), windows1252("Drift;5 – fem\n"));
    expect(decodeText(bytes)).toEqual({ ok: false, mixed: { line: 2, sample: "Drift;5 – fem" } });
  });

  it("cuts the sample to 60 characters and takes controls out of it", () => {
    const long = `Drift;\u001b[31m${"blåbær ".repeat(20)}`;
    const result = decodeText(join(windows1252("Tjeneste;Beløp\n"), utf8(long)));
    expect(result).toEqual({ ok: false, mixed: { line: 2, sample: `${`Drift;[31m${"blåbær ".repeat(20)}`.slice(0, 59)}…` } });
  });

  it("refuses any Windows-1252 text with one UTF-8 line in it, at whichever of the two comes second", () => {
    const latinLine = fc.array(windows1252Char, { maxLength: 12 }).map((chars) => chars.join("").replace(/[\r\n]/g, ""));
    const utf8Line = fc.string({ minLength: 1, maxLength: 12 }).map((text) => `${text.replace(/[\r\n\0]/g, "")}ø`);
    fc.assert(
      fc.property(fc.array(latinLine, { minLength: 1, maxLength: 8 }), utf8Line, fc.nat(), (latinLines, inserted, at) => {
        const kinds = latinLines.map((line): string => {
          const bytes = windows1252(line);
          return isUtf8BeyondAscii(bytes) ? "both" : bytes.some((byte) => byte >= 0x80) ? "windows-1252" : "ascii";
        });
        // Lines that read as either encoding make the expected line ambiguous; real Norwegian text has none.
        fc.pre(!kinds.includes("both") && kinds.includes("windows-1252"));
        const index = at % (latinLines.length + 1);
        const lines = [...latinLines.map(windows1252)];
        lines.splice(index, 0, utf8(inserted));
        kinds.splice(index, 0, "utf-8");
        const bytes = join(...lines.flatMap((line) => [line, Uint8Array.of(0x0a)]));
        const first = kinds.findIndex((kind) => kind !== "ascii");
        const odd = kinds.findIndex((kind, i) => i > first && kind !== "ascii" && kind !== kinds[first]);
        const result = decodeText(bytes);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.mixed.line).toBe(odd + 1);
      }),
      { numRuns: 300 },
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

describe("cutText", () => {
  it("keeps text of up to 60 characters, and cuts longer text to 59 and an ellipsis without splitting a character", () => {
    expect(cutText("x".repeat(60))).toBe("x".repeat(60));
    expect(cutText("x".repeat(61))).toBe(`${"x".repeat(59)}…`);
    // 60 characters in 120 UTF-16 units is not too long.
    expect(cutText("😀".repeat(60))).toBe("😀".repeat(60));
    expect(cutText("😀".repeat(61))).toBe(`${"😀".repeat(59)}…`);
    expect(cutText("abc", 2)).toBe("a…");
  });
});
