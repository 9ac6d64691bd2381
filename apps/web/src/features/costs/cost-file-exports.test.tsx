import { getCostReport, getMunicipalityByNumber, listCostLines, listSystems } from "@malestokk/db";
import { parseCostFile } from "@malestokk/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { bytesOf, catchDownloads } from "../../test/downloads";
import { renderApp } from "../../test/render";
import { sheetNamesOf, unzipText } from "../../test/unzip";

/** The texts of a sheet written with inline strings, in order. */
function textsOf(sheetXml: string | undefined): string[] {
  return Array.from((sheetXml ?? "").matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g), (match) => match[1] ?? "");
}

describe("the cost report's files", () => {
  it("export as a workbook whose second sheet «Om tallene» says what the report is, and which imports back unchanged, as the CSV does", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "finance.1103@demo.example" });
    const section = (await screen.findByRole("heading", { name: "Last ned eller skriv ut" })).closest("section") as HTMLElement;
    const files = catchDownloads();
    fireEvent.click(within(section).getByRole("button", { name: "Last ned Excel" }));
    fireEvent.click(within(section).getByRole("button", { name: "Last ned CSV" }));
    await waitFor(() => expect(files).toHaveLength(2));
    const [xlsxFile, csvFile] = files;
    expect(xlsxFile?.name).toBe("ikt-kostnader-1103-2024.xlsx");
    const xlsx = await bytesOf(xlsxFile);
    expect(sheetNamesOf(xlsx)).toEqual(["Kostnader 2024", "Om tallene"]);
    expect(textsOf(unzipText(xlsx).get("xl/worksheets/sheet2.xml"))).toEqual(
      expect.arrayContaining([
        "Demodata",
        "Kommune",
        "Stavanger (1103)",
        "År",
        "2024",
        "Status",
        "Godkjent",
        "Kilde",
        "Målestokk",
        "Hentet ut",
      ]),
    );

    const stavanger = getMunicipalityByNumber(db, "1103");
    const report = stavanger && getCostReport(db, stavanger.id, 2024);
    if (!stavanger || !report) throw new Error("no demo report");
    const systems = listSystems(db, stavanger.id).map(({ id, name }) => ({ id, name }));
    const stored = listCostLines(db, report.id).map(({ service, costType, amount, systemId, comment }) => ({
      service,
      costType,
      amount,
      systemId,
      comment,
    }));
    for (const bytes of [xlsx, await bytesOf(csvFile)]) {
      const parsed = parseCostFile({ bytes, fileName: "eksport", systems });
      expect(parsed.ok && parsed.warnings).toEqual([]);
      expect(parsed.ok && parsed.lines.map(({ row: _row, ...line }) => line)).toEqual(stored);
    }
  });
});
