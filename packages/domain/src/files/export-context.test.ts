import { describe, expect, it } from "vitest";

import { getIndicator, K1 } from "../indicators/catalogue";
import { aboutSheet, indicatorSourceTables } from "./export-context";
import { readXlsxFirstSheet } from "./xlsx";
import { writeXlsx } from "./xlsx-writer";

describe("indicatorSourceTables", () => {
  it("names the SSB table behind each component read from SSB", () => {
    expect(indicatorSourceTables(K1)).toEqual(["07459"]);
    const k2 = getIndicator("K2");
    expect(k2 && indicatorSourceTables(k2)).toEqual(["12362"]);
    for (const code of ["K3", "Q1", "S3"]) {
      const indicator = getIndicator(code);
      expect(indicator && indicatorSourceTables(indicator)).toEqual([]);
    }
  });
});

describe("aboutSheet", () => {
  it("reads back as its label and text, one fact a row", () => {
    const facts = [
      ["Indikator", "K1 IKT-kostnad per innbygger"],
      ["Kilde", "Målestokk, SSB 07459"],
      ["Medlemmer", "=Oslo; Bergen, «Trondheim»"],
    ] as const;
    expect(readXlsxFirstSheet(writeXlsx([aboutSheet("Om tallene", facts)]))).toEqual({
      ok: true,
      rows: [
        ["Indikator", "K1 IKT-kostnad per innbygger"],
        ["Kilde", "Målestokk, SSB 07459"],
        ["Medlemmer", "'=Oslo; Bergen, «Trondheim»"],
      ],
    });
  });
});
