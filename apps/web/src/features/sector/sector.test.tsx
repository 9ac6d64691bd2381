import type { RouterOutputs } from "@malestokk/api";
import { getMunicipalityByNumber } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

type Dashboard = RouterOutputs["sector"]["dashboard"];

/** Opens a folded section of the sector page by its summary, and waits for its content. */
async function openFold(testId: string) {
  // What follows the headline tiles is drawn just after the first screen.
  const fold = await screen.findByTestId(testId);
  fireEvent.click(fold.querySelector("summary") as HTMLElement);
  await waitFor(() => expect(fold.querySelector("table")).not.toBeNull());
}

describe("the sector pages", () => {
  it("shows the board coverage, the three dimensions and the group distribution, with year and indicator in the URL", async () => {
    const { router } = renderApp("/", { as: "board@demo.example" });
    fireEvent.click(await screen.findByRole("link", { name: "Sektoren" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Sektoren 2025" })).toBeTruthy();
    expect((await screen.findByTestId("coverage-summary")).textContent).toMatch(/av 357 kommuner har godkjent kostnadsrapport for 2025/);
    await openFold("coverage-tables");
    await openFold("success-tables");
    const county = screen.getByTestId("coverage-county");
    const sums = within(county)
      .getAllByRole("row")
      .slice(1)
      .map((r) => Number(within(r).getAllByRole("cell")[0]?.textContent));
    expect(sums.reduce((a, b) => a + b, 0)).toBe(357);
    expect(within(screen.getByTestId("success-cost")).getByRole("rowheader", { name: /K1/ })).toBeTruthy();
    expect(within(screen.getByTestId("success-scope")).getByRole("rowheader", { name: /S3/ })).toBeTruthy();
    // Every K4/K5 code reads as users know it ("K4 …" with the service's name), never as an internal key.
    const shown = [...document.querySelectorAll("th, td, option, caption")].map((e) => e.textContent ?? "");
    expect(shown.filter((text) => /\bK[45]\.\w/.test(text))).toEqual([]);
    expect(shown.some((text) => text.startsWith("K4 "))).toBe(true);
    // A share's change from last year is in percentage points, never "−0 %"; a percent sign follows a no-break space.
    const scope = within(screen.getByTestId("success-scope"))
      .getAllByRole("cell")
      .map((c) => c.textContent ?? "");
    expect(scope.some((text) => /prosentpoeng$/.test(text))).toBe(true);
    expect(scope.filter((text) => /−0(?![,\d])| %/.test(text))).toEqual([]);
    fireEvent.change(screen.getByLabelText("År"), { target: { value: "2023" } });
    expect(await screen.findByRole("heading", { level: 1, name: "Sektoren 2023" })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Indikator"), { target: { value: "S3" } });
    await waitFor(() => expect(router.state.location.search).toContain("indikator=S3"));
    expect(router.state.location.search).toContain("year=2023");
    // The distribution's table twin.
    const groups = within(screen.getByRole("region", { name: "Fordeling per KOSTRA-gruppe" }));
    fireEvent.click(groups.getByRole("radio", { name: "Tabell" }));
    expect((await groups.findByRole("table")).querySelector("caption")?.textContent).toMatch(/^S3 .* per KOSTRA-gruppe, 2023$/);
  });

  it("opens on the year at a glance: headline tiles with value, change and coverage, who is missing, the full tables folded (issue 20)", async () => {
    const { queryClient } = renderApp("/sektor?year=2024", { as: "board@demo.example" });
    const tiles = await screen.findByTestId("headline-tiles");
    const d = queryClient.getQueriesData<Dashboard>({ queryKey: [["sector", "dashboard"]] })[0]?.[1];
    if (!d) throw new Error("no dashboard data");
    expect(
      within(tiles)
        .getAllByRole("listitem")
        .map((t) => t.dataset.testid),
    ).toEqual(["tile-K1", "tile-K2", "tile-Q1", "tile-S1", "tile-S3"]);
    const k1 = d.indicators.find((i) => i.code === "K1");
    const tile = within(screen.getByTestId("tile-K1"));
    expect(tile.getByRole("link", { name: /^K1 / }).getAttribute("href")).toBe("/sektor?year=2024&indikator=K1#groups-heading");
    expect(tile.getByTestId("tile-value").textContent).toMatch(/^[\d\s]+\skr$/);
    expect(tile.getByTestId("tile-change").textContent).toMatch(/^[+−][\d\s]+\skr \([+−]?[\d,]+\s%\) fra 2023$/);
    expect(tile.getByTestId("tile-coverage").textContent).toBe(`${k1?.coverage.approved} av 357 kommuner`);
    // A share moves in percentage points; the trend line is for the eye, its figures are in text.
    expect(within(screen.getByTestId("tile-S3")).getByTestId("tile-change").textContent).toMatch(/prosentpoeng fra 2023$/);
    expect(screen.getByTestId("tile-S3").querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
    expect(screen.getByTestId("tile-S3").textContent).toMatch(/Landstallet over tid: .*2024: [\d,]+\s%/);
    // Who is missing: counted, folded, each linking to the municipality.
    const missing = await screen.findByTestId("missing");
    expect(missing.querySelector("summary")?.textContent).toBe(`Mangler godkjent rapport (${d.coverage.missing.length})`);
    const first = d.coverage.missing[0];
    if (first)
      expect((await within(missing).findByRole("link", { name: `${first.name} (${first.number})` })).getAttribute("href")).toBe(
        `/kommune/${first.number}`,
      );
    // The full tables are not drawn until opened.
    expect(screen.queryByTestId("success-cost")).toBeNull();
    expect(screen.queryByTestId("coverage-county")).toBeNull();
    await openFold("success-tables");
    expect(within(screen.getByTestId("success-cost")).getByRole("rowheader", { name: /K1/ })).toBeTruthy();
  });

  it("says a KOSTRA group with fewer than three municipalities with figures is hidden, in the chart and its table", async () => {
    const { db, sqlite } = renderApp("/sektor?year=2024", { as: "board@demo.example" });
    const group = getMunicipalityByNumber(db, "4601")?.kostraGroup;
    sqlite
      .prepare(
        `DELETE FROM indicator_values WHERE indicator_code = 'K1' AND year = 2024
           AND organisation_id IN (SELECT id FROM organisations WHERE kostra_group = ?)
           AND organisation_id NOT IN (SELECT id FROM organisations WHERE kostra_group = ? ORDER BY id LIMIT 2)`,
      )
      .run(group, group);
    const chart = await screen.findByTestId("groups-chart");
    expect(within(chart).getByText("Skjult: 2 kommuner med tall (færre enn 3)")).toBeTruthy();
    const region = within(screen.getByRole("region", { name: "Fordeling per KOSTRA-gruppe" }));
    expect(region.getByText(/\d+ grupper? har færre enn 3 kommuner med tall og er skjult\./)).toBeTruthy();
    fireEvent.click(region.getByRole("radio", { name: "Tabell" }));
    expect(within(await region.findByRole("table")).getByRole("cell", { name: "Skjult: 2 kommuner med tall (færre enn 3)" })).toBeTruthy();
  });

  it("draws the digital mail trend only when its fold is opened", async () => {
    renderApp("/sektor?year=2024", { as: "board@demo.example" });
    const fold = await screen.findByTestId("mail-trend-folded");
    expect(within(fold).queryByRole("heading")).toBeNull();
    fireEvent.click(fold.querySelector("summary") as HTMLElement);
    expect(await within(fold).findByRole("heading", { level: 2, name: "Digital post: andel sendt digitalt over tid" })).toBeTruthy();
  });

  it("says there are no figures last year in the first year", async () => {
    renderApp("/sektor?year=2015", { as: "board@demo.example" });
    const tile = within(await screen.findByTestId("tile-K1"));
    expect(tile.getByTestId("tile-change").textContent).toBe("Ingen tall i fjor");
  });

  it("counts a report under correction as having its approved figures, marked under correction, not as missing (issue 20)", async () => {
    const { db, sqlite } = renderApp("/sektor?year=2024", { as: "board@demo.example" });
    sqlite
      .prepare("UPDATE cost_reports SET status = 'returned' WHERE organisation_id = ? AND year = 2024")
      .run(getMunicipalityByNumber(db, "0301")?.id);
    expect((await screen.findByTestId("under-correction")).textContent).toBe(
      "Under retting, de sist godkjente tallene vises: Oslo (0301).",
    );
    await openFold("coverage-tables");
    const oslo = within(screen.getByTestId("coverage-county")).getByRole("rowheader", { name: "Oslo" }).closest("tr") as HTMLElement;
    expect(
      within(oslo)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["1", "1", "1 (1 under retting)"]);
    // The list is drawn just after the first screen: once it is there, Oslo is not in it.
    await within(screen.getByTestId("missing")).findByRole("table");
    expect(within(screen.getByTestId("missing")).queryByRole("link", { name: /Oslo/ })).toBeNull();
  });

  it("shows the benefit portfolio across municipalities with the joint projects", async () => {
    renderApp("/sektor/gevinster", { as: "secretariat@demo.example" });
    expect(await screen.findByRole("heading", { level: 1, name: "Gevinstporteføljen i sektoren" })).toBeTruthy();
    expect(
      within(screen.getByTestId("sector-portfolio"))
        .getAllByRole("rowheader")
        .map((r) => r.textContent),
    ).toEqual(["Felles/tverrgående", "Helse og velferd"]);
    expect(within(screen.getByTestId("joint-projects")).getByRole("link", { name: "Felles innbyggerportal" })).toBeTruthy();
  });

  it("counts benefits and dis-benefits so the summary adds up to the status table, and heads its columns apart", async () => {
    renderApp("/sektor/gevinster?portfolio-over-timeView=table", { as: "secretariat@demo.example" });
    const table = await screen.findByTestId("sector-portfolio");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(new Set(headers).size).toBe(headers.length);
    const statusColumns = headers.length - 3;
    const counted = within(table)
      .getAllByRole("row")
      .slice(1)
      .flatMap((row) =>
        within(row)
          .getAllByRole("cell")
          .slice(0, statusColumns)
          .map((c) => Number(c.textContent)),
      )
      .reduce((a, b) => a + b, 0);
    const summary = screen.getByText(/prosjekter ·/).textContent ?? "";
    const said = [...summary.matchAll(/(\d+) (gevinst|ulempe)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(said).toBe(counted);
  });

  it("keeps a municipality's manager out, saying whose view it is", async () => {
    renderApp("/sektor", { as: "manager.0301@demo.example" });
    expect(await screen.findByText("Sektorvisningen er for programstyret, sekretariatet, KPR og administratorer.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Sektoren" })).toBeNull();
  });
});
