import { findUserByEmail, getMunicipalityByNumber, insertPeerSet, recomputeIndicatorValues } from "@malestokk/db";
import { parseCsv, readXlsxFirstSheet } from "@malestokk/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { bytesOf, catchDownloads } from "../../test/downloads";
import { renderApp } from "../../test/render";
import { sheetNamesOf, unzipText } from "../../test/unzip";

describe("the indicator page", () => {
  it("defines the indicator, shows the named distribution with the own unit marked, the series and a scatter", async () => {
    // The link from the profile is followed in the e2e spec; here the page opens on its address.
    const { router } = renderApp("/kommune/0301/indikator/K1?peers=asss&year=2024&distributionView=table&seriesView=table", {
      as: "board@demo.example",
    });
    expect(await screen.findByRole("heading", { level: 1, name: "IKT-kostnad per innbygger – Oslo" })).toBeTruthy();
    expect((await screen.findByTestId("indicator-formula")).textContent).toBe(
      "Formel: samlede IKT-kostnader delt på folketall 1. januar (SSB 07459). Enhet: kroner. Vurderes mot båndet i gruppen, ikke som «lavere er bedre».",
    );
    expect(screen.getByTestId("indicator-freshness").textContent).toMatch(/^Kommunens tall: godkjent, sist regnet ut .*Demodata\.$/);
    const distribution = await screen.findByRole("table", { name: "Kommunene i gruppen sortert etter verdi, 2024" });
    expect(within(distribution).getAllByRole("row").length).toBeGreaterThanOrEqual(9);
    expect(within(distribution).getByText("Oslo (dere)")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Sammenlign med indikator (punktdiagram)"), { target: { value: "Q1" } });
    await waitFor(() => expect(router.state.location.search).toContain("mot=Q1"));
    expect(await screen.findByRole("heading", { name: "IKT-kostnad per innbygger mot IKT-modenhet" })).toBeTruthy();
  });
});

describe("survey indicators on the indicator page", () => {
  it("says a service cost's formula in words, not by the stored component's code", async () => {
    renderApp("/kommune/0301/indikator/K4.userSupport?year=2024", { as: "board@demo.example" });
    expect((await screen.findByTestId("indicator-formula")).textContent).toBe(
      "Formel: kostnaden til IKT-tjenesten «Brukerstøtte» delt på antall IKT-brukerkontoer. Enhet: kroner. Lavere er bedre ved lik kvalitet.",
    );
  });

  it("mark a mean from fewer than 10 respondents as uncertain", async () => {
    renderApp("/kommune/1151/indikator/Q2?year=2024&peers=sizeClass&seriesView=table", { as: "board@demo.example" });
    const table = await screen.findByRole("table", { name: "Utvikling over tid" });
    const row = within(table).getByRole("rowheader", { name: "2024" }).closest("tr") as HTMLElement;
    expect(within(row).getAllByRole("cell")[0]?.textContent).toMatch(/ \(usikkert, \d svar\)$/);
  });
});

describe("the indicator page's exports", () => {
  it("say what the figures are, in the CSV's first lines and on the first sheet «Om tallene», and the table reads back unchanged", async () => {
    renderApp("/kommune/0301/indikator/K1?peers=asss&year=2024&distributionView=table", { as: "board@demo.example" });
    const table = await screen.findByRole("table", { name: "Kommunene i gruppen sortert etter verdi, 2024" });
    const section = table.closest("section") as HTMLElement;
    const files = catchDownloads();
    fireEvent.click(within(section).getByRole("button", { name: "Last ned CSV" }));
    fireEvent.click(within(section).getByRole("button", { name: "Last ned Excel" }));
    await waitFor(() => expect(files).toHaveLength(2));
    const [csvFile, xlsxFile] = files;
    expect(csvFile?.name).toBe("K1-fordeling-2024.csv");
    expect(xlsxFile?.name).toBe("K1-fordeling-2024.xlsx");

    const csvBytes = await bytesOf(csvFile);
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(new TextDecoder().decode(csvBytes));
    if (!csv.ok) throw new Error("not CSV");
    expect(csv.delimiter).toBe(";");
    const blank = csv.rows.findIndex((row) => row.every((cell) => cell === ""));
    const facts: Record<string, string> = Object.fromEntries(csv.rows.slice(0, blank).map(([label = "", text = ""]) => [label, text]));
    expect(facts).toMatchObject({
      Demodata: "Tallene er demodata: oppdiktet for å vise hvordan Målestokk virker, ikke virkelige tall.",
      Tittel: "Fordeling i gruppen 2024",
      Indikator: "K1 IKT-kostnad per innbygger",
      Definisjon: "Samlede IKT-kostnader i kroner delt på folketallet 1. januar.",
      Enhet: "kroner",
      År: "2024",
      Sammenligningsgruppe: "ASSS-nettverket (de ti største)",
      Kilde: "Målestokk, SSB 07459",
    });
    expect(facts.Medlemmer).toMatch(/^10 kommuner: Bergen, Bærum, .*Trondheim$/);
    expect(facts["Hentet ut"]).toMatch(/\d{4}/);
    expect(facts.Lisens).toContain("CC BY 4.0");
    // Below the facts, the table as it always was: header and one row per unit with a value.
    const rows = csv.rows.slice(blank + 1);
    expect(rows[0]).toEqual(["Plass", "Kommune", "IKT-kostnad per innbygger"]);
    const shown = within(table).getAllByRole("row").slice(1);
    expect(rows.slice(1).map((row) => row[1])).toEqual(
      shown.map((row) => row.querySelectorAll("th, td")[1]?.textContent?.replace(" (dere)", "")),
    );
    expect(rows.slice(1).every((row) => /^\d+(,\d+)?$/.test(row[2] ?? ""))).toBe(true);

    const xlsx = await bytesOf(xlsxFile);
    expect(sheetNamesOf(xlsx)).toEqual(["Om tallene", "Fordeling i gruppen 2024"]);
    const about = readXlsxFirstSheet(xlsx);
    expect(about.ok && about.rows).toEqual(Object.entries(facts));
    // The table sheet read back is the CSV's table, with the numbers as numbers.
    expect(unzipText(xlsx).get("xl/worksheets/sheet2.xml")).toMatch(/<c r="C2"[^>]*><v>\d+(\.\d+)?<\/v><\/c>/);
  });
});

describe("a saved peer set on the indicator page", () => {
  it("shows the distribution over the set's members from the address (?peers=set-1) (issue 20)", async () => {
    const { db } = renderApp("/kommune/0301/indikator/K1?peers=set-1&year=2024&distributionView=table", {
      as: "finance.0301@demo.example",
    });
    const ids = ["4601", "5001", "1103"].map((n) => getMunicipalityByNumber(db, n)?.id ?? 0);
    insertPeerSet(db, {
      name: "Storbyene",
      ownerUserId: findUserByEmail(db, "finance.0301@demo.example")?.id ?? 0,
      sharedWithOrganisationId: null,
      memberIds: ids,
      now: new Date().toISOString(),
    });
    const distribution = await screen.findByRole("table", { name: "Kommunene i gruppen sortert etter verdi, 2024" });
    const names = within(distribution)
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell")[0]?.textContent)
      .sort();
    expect(names).toEqual(["Bergen", "Oslo (dere)", "Stavanger", "Trondheim"].sort());
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>("Sammenlign med").value).toBe("set-1"));
  });
});

describe("a figure under correction on the indicator page", () => {
  it("marks the distribution's entry whose approved report is being corrected as under correction (issue 20)", async () => {
    const { db, sqlite } = renderApp("/kommune/0301/indikator/K1?peers=asss&year=2024&distributionView=table", {
      as: "board@demo.example",
    });
    const bergen = getMunicipalityByNumber(db, "4601")?.id ?? 0;
    sqlite.prepare("UPDATE cost_reports SET status = 'returned' WHERE organisation_id = ? AND year = 2024").run(bergen);
    recomputeIndicatorValues(db, { scope: { organisationId: bergen, year: 2024 }, now: new Date().toISOString() });
    const distribution = await screen.findByRole("table", { name: "Kommunene i gruppen sortert etter verdi, 2024" });
    const row = within(distribution).getByRole("cell", { name: "Bergen (under retting)" }).closest("tr") as HTMLElement;
    expect(within(row).getAllByRole("cell")[1]?.textContent).toMatch(/kr$/);
    expect(within(distribution).getByRole("cell", { name: "Oslo (dere)" })).toBeTruthy();
  });
});
