import { describe, expect, it } from "vitest";

import { encodeWindows1252 } from "../files/decode";
import { parseCostFile } from "./cost-file";
import { SYSTEMS, utf8 } from "./cost-file.test-helpers";

describe("parseCostFile on files in more than one encoding (issue 18)", () => {
  const windows1252 = (text: string): Uint8Array => encodeWindows1252(text) ?? new Uint8Array(0);
  const join = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));
  const read = (bytes: Uint8Array) => parseCostFile({ bytes, fileName: "kostnader.csv", systems: SYSTEMS });

  it("refuses Windows-1252 rows with a UTF-8 row among them, naming the line instead of storing «blÃ¥bÃ¦r»", () => {
    const bytes = join(
      windows1252("IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar\r\n"),
      windows1252("Brukerstøtte;Egne ansatte;1 250 000;;Servicetorget på rådhuset\r\n"),
      utf8("Utvikling;Eksterne tjenester;300 000;;Innkjøp av blåbær-appen\r\n"),
      windows1252("IKT-ledelse og administrasjon;Egne ansatte;600 000;;Økonomisjefen\r\n"),
    );
    expect(read(bytes)).toEqual({
      ok: false,
      format: "csv",
      fileError: { code: "MIXED_ENCODING", params: { line: 3, sample: "Utvikling;Eksterne tjenester;300 000;;Innkjøp av blåbær-app…" } },
      issues: [],
      warnings: [],
    });
  });

  it("says the encoding is the problem when only the header is UTF-8, not that a column is missing", () => {
    const bytes = join(utf8("IKT-tjeneste;Kostnadstype;Beløp (kr)\n"), windows1252("Brukerstøtte;Egne ansatte;1 250 000\n"));
    expect(read(bytes)).toMatchObject({
      ok: false,
      fileError: { code: "MIXED_ENCODING", params: { line: 2, sample: "Brukerstøtte;Egne ansatte;1 250 000" } },
    });
  });

  it("says the encoding is the problem when the header cannot be read in any encoding we know (an old DOS export)", () => {
    // Code page 865, as Norwegian DOS and some old ERP systems write it: ø is 0x9B, read here as "›".
    const header = Uint8Array.from(
      [..."IKT-tjeneste;Kostnadstype;Bel"]
        .map((c) => c.charCodeAt(0))
        .concat(
          [0x9b],
          [..."p (kr)\n"].map((c) => c.charCodeAt(0)),
        ),
    );
    expect(read(join(header, utf8("Drift og forvaltning;Annet;5\n")))).toMatchObject({
      ok: false,
      fileError: { code: "HEADER_ENCODING", params: { row: 1, sample: "Bel›p (kr)" } },
    });
    // UTF-8 read twice over ("BelÃ¸p"), as a file converted once too often has it.
    expect(read(utf8("Tjeneste;Kostnadstype;BelÃ¸p\nDrift;Annet;5\n"))).toMatchObject({
      ok: false,
      fileError: { code: "HEADER_ENCODING", params: { row: 1, sample: "BelÃ¸p" } },
    });
    // A header that is simply something else is still a missing column.
    expect(read(utf8("Tjeneste;Kostnadstype;Sum\nDrift;Annet;5\n"))).toMatchObject({
      fileError: { code: "MISSING_COLUMN", params: { column: "amount" } },
    });
  });

  it("reads a UTF-16 file without byte order mark instead of calling it binary", () => {
    const text = "IKT-tjeneste\tKostnadstype\tBeløp (kr)\r\nBrukerstøtte\tEgne ansatte\t1 250 000\r\n";
    const bytes = Uint8Array.from([...text].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]));
    expect(read(bytes)).toMatchObject({
      ok: true,
      encoding: "utf-16le",
      delimiter: "\t",
      lines: [{ service: "userSupport", amount: 1_250_000 }],
    });
  });
});
