import { getMunicipalityByNumber, insertProject } from "@malestokk/db";
import { readXlsxFirstSheetCells, type XlsxCellValue } from "@malestokk/domain";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { bytesOf, catchDownloads } from "../../test/downloads";
import { formatDate } from "../../lib/format";
import { renderApp } from "../../test/render";
import { sheetNamesOf } from "../../test/unzip";

const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");
const number = (s: string | null | undefined) => Number(nbsp(s).replace(/[^\d]/g, ""));

function addProjectWithoutPlan(db: Parameters<typeof insertProject>[0]) {
  return insertProject(db, {
    ownerOrganisationId: getMunicipalityByNumber(db, "5001")?.id ?? 0,
    fields: { name: "Ny saksbehandlingsløsning", description: null, sector: "helseVelferd", phase: "planning" },
    now: new Date().toISOString(),
  });
}

describe("the meeting pack's benefit sections (issue 20, point 18)", () => {
  it("shows the sector's benefit portfolio by status with totals that add up, and the projects without an approved plan with links", async () => {
    const { db } = renderApp("/ideer/motepakke", { as: "board@demo.example" });
    const id = addProjectWithoutPlan(db);
    const portfolio = await screen.findByTestId("pack-portfolio");
    expect(within(portfolio).getByRole("heading", { level: 2, name: "Gevinstporteføljen" })).toBeTruthy();
    const table = within(portfolio).getByTestId("pack-portfolio-table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Sektor", "I rute", "Usikker", "Ikke i rute", "Realisert", "Ingen målinger", "Ventet per år", "Realisert hittil"]);
    const rows = within(table).getAllByRole("row").slice(1);
    const sum = rows.at(-1) as HTMLTableRowElement;
    expect(sum.cells[0]?.textContent).toBe("Sum");
    // Each column's total is the sum of the sectors above it.
    const cells = (row: HTMLTableRowElement) =>
      Array.from(row.cells)
        .slice(1)
        .map((c) => number(c.textContent));
    const sectors = rows.slice(0, -1).map((r) => cells(r as HTMLTableRowElement));
    expect(cells(sum)).toEqual(cells(sum).map((_, i) => sectors.reduce((n, r) => n + (r[i] ?? 0), 0)));
    const counted = cells(sum)
      .slice(0, 5)
      .reduce((n, c) => n + c, 0);
    expect(nbsp(within(portfolio).getByText(/prosjekter, \d+ gevinster og \d+ ulemper/).textContent)).toMatch(
      new RegExp(`^\\d+ prosjekter, (\\d+) gevinster og (\\d+) ulemper`),
    );
    const [, benefits, disBenefits] = /(\d+) gevinster og (\d+) ulemper/.exec(portfolio.textContent ?? "") ?? [];
    expect(Number(benefits) + Number(disBenefits)).toBe(counted);

    const withoutPlan = screen.getByTestId("pack-without-plan");
    expect(within(withoutPlan).getByRole("heading", { level: 2, name: "Prosjekter uten godkjent gevinstplan" })).toBeTruthy();
    const link = await within(withoutPlan).findByRole("link", { name: "Ny saksbehandlingsløsning" });
    expect(link.getAttribute("href")).toBe(`/gevinster/prosjekt/${id}`);
    const row = link.closest("tr") as HTMLElement;
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Trondheim", "Helse og velferd", "Planlegging", "Ingen gevinster registrert"]);
  });

  it("names the projects without a link for a sector council, who may not open other municipalities' plans", async () => {
    const { db } = renderApp("/ideer/motepakke", { as: "council@demo.example" });
    addProjectWithoutPlan(db);
    const withoutPlan = await screen.findByTestId("pack-without-plan");
    await waitFor(() => expect(within(withoutPlan).getByRole("rowheader", { name: "Ny saksbehandlingsløsning" })).toBeTruthy());
    expect(within(withoutPlan).queryByRole("link")).toBeNull();
  });

  it("is left out for a municipal manager, who does not read the whole sector", async () => {
    renderApp("/ideer/motepakke", { as: "manager.0301@demo.example" });
    await screen.findByRole("heading", { level: 1, name: "Møtepakke for programstyret" });
    await screen.findByRole("button", { name: "Last ned møtepakken (Excel)" });
    expect(screen.queryByTestId("pack-portfolio")).toBeNull();
    expect(screen.queryByTestId("pack-without-plan")).toBeNull();
  });
});

/** The meeting pack's workbook as the board (or `as`) downloads it. */
async function downloadPack(as: string): Promise<Uint8Array> {
  renderApp("/ideer/motepakke", { as });
  const button = await screen.findByRole("button", { name: "Last ned møtepakken (Excel)" }, { timeout: 10_000 });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  await screen.findByTestId("sector-solutions");
  const files = catchDownloads();
  fireEvent.click(button);
  await waitFor(() => expect(files).toHaveLength(1));
  return bytesOf(files[0]);
}

/** A sheet read back with the app's own XLSX reader: its header and its rows. */
function sheetOf(bytes: Uint8Array, sheet: string): { header: XlsxCellValue[]; rows: XlsxCellValue[][] } {
  const read = readXlsxFirstSheetCells(bytes, { sheet });
  if (!read.ok) throw new Error(`no sheet ${sheet}: ${read.error.code}`);
  const [header = [], ...rows] = read.rows;
  return { header, rows };
}

/** A table's body cells as the screen shows them, numbers read as numbers. */
function screenRows(table: HTMLElement): (string | number)[][] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      Array.from((row as HTMLTableRowElement).cells, (cell) => {
        const shown = nbsp(cell.textContent).trim();
        return /^−?[\d ]+( kr)?$/.test(shown) ? (shown.startsWith("−") ? -1 : 1) * number(shown) : shown;
      }),
    );
}

describe("the meeting pack's joint-solution sheets (issue 26)", () => {
  it("hold each joint solution as the screen shows it: sums to date, the sector's sum per year and each adopter's status and value", async () => {
    const bytes = await downloadPack("board@demo.example");
    expect(sheetNamesOf(bytes)).toEqual(
      expect.arrayContaining(["Felles løsninger", "Felles løsninger per år", "Kommuner i felles løsninger"]),
    );

    // The first sheet is the pack's own table, column by column, with the names of those who have not adopted.
    const solutions = sheetOf(bytes, "Felles løsninger");
    expect(solutions.header).toEqual([
      "Felles løsning",
      "Eier",
      "Kommuner som har tatt den i bruk",
      "Godkjente lokale planer",
      "Deltar, ikke tatt i bruk",
      "Kontant, realisert hittil",
      "Ikke kontant, realisert hittil",
      "Planlagt i år",
      "Deltar, ikke tatt i bruk (kommuner)",
    ]);
    const onScreen = screenRows(within(screen.getByTestId("sector-solutions")).getByRole("table"));
    expect(onScreen.length).toBeGreaterThan(0);
    expect(solutions.rows.map((r) => [r[0], ...r.slice(2, 8)])).toEqual(onScreen);
    const svarUt = solutions.rows.find((r) => r[0] === "Digital post med SvarUt");
    expect(svarUt?.[1]).toBe("Oslo");
    expect(svarUt?.[4]).toBe(
      String(svarUt?.[8] ?? "")
        .split("), ")
        .filter(Boolean).length,
    );
    const link = within(screen.getByTestId("sector-solutions")).getByRole("link", { name: "Digital post med SvarUt" });
    const href = link.getAttribute("href") ?? "";

    // The other two are the solution's page: its adopters' table, its years' table twin, and who has not adopted.
    cleanup();
    renderApp(href, { as: "board@demo.example" });
    const rollUp = await screen.findByTestId("roll-up", {}, { timeout: 10_000 });
    const adopters = screenRows(within(rollUp).getByTestId("roll-up-adopters"));
    const municipalities = sheetOf(bytes, "Kommuner i felles løsninger");
    expect(municipalities.header).toEqual([
      "Felles løsning",
      "Kommune",
      "Kommunenummer",
      "Status",
      "Tatt i bruk",
      "Planlagt hittil",
      "Realisert hittil",
      "Neste måling",
    ]);
    const ofSvarUt = municipalities.rows.filter((r) => r[0] === "Digital post med SvarUt");
    const adopted = ofSvarUt.filter((r) => r[3] !== "Ikke tatt i bruk");
    expect(adopted.length).toBe(svarUt?.[2]);
    expect(adopted.filter((r) => r[3] !== "Tatt i bruk, ikke godkjent").length).toBe(svarUt?.[3]);
    // Dates are ISO in the workbook, as the screen shows them otherwise: "2026-12-31 (forsinket)" is "31. desember 2026 (forsinket)".
    const shown = (d: XlsxCellValue | undefined) => {
      const [, iso = "", rest = ""] = /^(\d{4}-\d{2}-\d{2})(.*)$/.exec(String(d ?? "")) ?? [];
      return iso === "" ? "–" : `${formatDate(iso)}${rest}`;
    };
    expect(adopted.map((r) => [`${r[1]} (${r[2]})`, shown(r[4]), r[3], r[5], r[6], shown(r[7])])).toEqual(adopters);
    const notAdopted = ofSvarUt.filter((r) => r[3] === "Ikke tatt i bruk").map((r) => `${r[1]} (${r[2]})`);
    expect(notAdopted.length).toBe(svarUt?.[4]);
    expect(nbsp(screen.getByTestId("roll-up-not-adopted").textContent)).toBe(
      notAdopted.length === 0 ? "Alle som deltar i prosjektet, har tatt løsningen i bruk." : notAdopted.join(", "),
    );

    fireEvent.click(within(rollUp).getByRole("radio", { name: "Tabell" }));
    const years = screenRows(within(rollUp).getByRole("table", { name: "Sektorens sum per år" }));
    const perYear = sheetOf(bytes, "Felles løsninger per år");
    expect(perYear.header.slice(1)).toEqual([
      "År",
      "Kommuner som har tatt den i bruk",
      "Kontant, planlagt",
      "Kontant, realisert",
      "Ikke kontant, planlagt",
      "Ikke kontant, realisert",
      "Mangler måling",
    ]);
    expect(perYear.rows.filter((r) => r[0] === "Digital post med SvarUt").map((r) => [String(r[1]), ...r.slice(2, 7), r[7] ?? ""])).toEqual(
      years.map((r) => [String(r[0]), ...r.slice(1, 6), r[6] ?? ""]),
    );
  });

  it("leave out the adopters for a sector council, who may not read the municipalities' plans, but name who has not adopted", async () => {
    const bytes = await downloadPack("council@demo.example");
    const solutions = sheetOf(bytes, "Felles løsninger").rows;
    expect(solutions.map((r) => r[2])).toContain(5);
    expect(sheetOf(bytes, "Felles løsninger per år").rows.length).toBeGreaterThan(0);
    // The council sees how many adopted, not who: the municipalities' sheet names only those who have not.
    const municipalities = sheetOf(bytes, "Kommuner i felles løsninger").rows;
    expect(municipalities.length).toBe(solutions.reduce((n, r) => n + Number(r[4]), 0));
    expect(municipalities.filter((r) => r[3] !== "Ikke tatt i bruk")).toEqual([]);
  });
});
