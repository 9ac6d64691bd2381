import { describe, expect, it } from "vitest";

import { toCsv } from "../files/csv";
import { writeXlsx } from "../files/xlsx";
import { IT_SERVICE_NAMES, IT_SERVICES } from "./catalogue";
import { parseCostFile } from "./cost-file";
import { costFileRows, costFileTemplate } from "./cost-file-template";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("costFileTemplate", () => {
  it.each(["nb", "en"] as const)("has a header and one example per IT service (%s)", (language) => {
    const template = costFileTemplate(language);
    expect(template).toHaveLength(IT_SERVICES.length + 1);
    expect(template.slice(1).map((row) => row[0])).toEqual(
      IT_SERVICES.map((service) => IT_SERVICE_NAMES[service][language]),
    );
  });

  it.each(["nb", "en"] as const)("parses back into valid lines through CSV and XLSX (%s)", (language) => {
    const template = costFileTemplate(language);
    const viaCsv = parseCostFile({ bytes: utf8(toCsv(template)), fileName: "mal.csv", systems: [] });
    const viaXlsx = parseCostFile({
      bytes: writeXlsx([{ name: "Mal", rows: template }]),
      fileName: "mal.xlsx",
      systems: [],
    });
    for (const result of [viaCsv, viaXlsx]) {
      expect(result.ok).toBe(true);
      expect(result.ok && result.lines.map((line) => line.service)).toEqual([...IT_SERVICES]);
      expect(result.ok && result.warnings).toEqual([]);
    }
  });
});

describe("costFileRows (export)", () => {
  it("writes lines that import back unchanged, as CSV and as XLSX", () => {
    const systems = [{ id: 4, name: "=Sak; arkiv \"Pro\"" }];
    const lines = [
      { service: "operations" as const, costType: "licences" as const, amount: 1_234_567, systemId: 4, comment: "-rabatt; 10 %" },
      { service: "management" as const, costType: "ownStaff" as const, amount: 0, systemId: null, comment: null },
    ];
    for (const language of ["nb", "en"] as const) {
      const rows = costFileRows(lines, systems, language);
      const csv = new TextEncoder().encode(toCsv(rows));
      const xlsx = writeXlsx([{ name: "Kostnader", rows }]);
      for (const bytes of [csv, xlsx]) {
        const parsed = parseCostFile({ bytes, fileName: "eksport", systems });
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.lines.map(({ row: _row, ...l }) => l)).toEqual(lines);
      }
    }
  });
});
