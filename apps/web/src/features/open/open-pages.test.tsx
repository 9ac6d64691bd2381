import { getMunicipalityByNumber } from "@malestokk/db";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

// The demo publishes 2015–2024, each on 15 June of the year after; 2025 is still being reported.
const nbsp = (text: string | null) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("open pages (issue 23, point 4)", () => {
  it("shows a municipality's published figures without signing in, with publication dates, a revision mark, licence and demo marking", async () => {
    const { db, sqlite } = renderApp("/apne-data/kommune/0301");
    const oslo = getMunicipalityByNumber(db, "0301")?.id ?? 0;
    const k1 = sqlite
      .prepare("select numerator, denominator from indicator_values where indicator_code = 'K1' and organisation_id = ? and year = 2024")
      .get(oslo) as { numerator: number; denominator: number };
    sqlite
      .prepare(
        "insert into indicator_value_revisions (indicator_code, year, organisation_id, numerator, denominator, is_demo, revised_on, revised_at) values ('K1', 2024, ?, ?, ?, 1, '2026-05-12', '2026-05-12T10:00:00Z')",
      )
      .run(oslo, k1.numerator + 1000, k1.denominator);

    const table = await screen.findByTestId("open-municipality-table");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Oslo: publiserte tall");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toContain("2024");
    expect(headers).not.toContain("2025");
    expect(screen.getByTestId("open-published").textContent).toContain("2024 (publisert 15.06.2025)");
    const k1Row = within(table).getByRole("link", { name: /^K1 / }).closest("tr");
    expect(nbsp(k1Row?.textContent ?? "")).toContain("(revidert 12.05.2026)");
    expect(screen.getByTestId("open-licence").textContent).toContain("NLOD 2.0");
    expect(screen.getByTestId("open-demo")).toBeTruthy();
    // No workflow: nothing to save, submit or approve.
    expect(screen.queryByRole("button", { name: /Send inn|Godkjenn|Lagre/ })).toBeNull();
  });

  it("shows an indicator's statistics with a table twin and every municipality's value, with no unpublished year to choose", async () => {
    renderApp("/apne-data/indikator/K1?open-statisticsView=table");
    const values = await screen.findByTestId("open-indicator-table");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("K1 IKT-kostnad per innbygger: publiserte tall");
    expect(within(values).getByRole("link", { name: "Oslo" }).getAttribute("href")).toBe("/apne-data/kommune/0301");
    const years = within(screen.getByLabelText("Velg år"))
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(years).toContain("2024");
    expect(years).not.toContain("2025");
    await waitFor(() => expect(screen.getByRole("table", { name: "Statistikk for kommunene per publisert år" })).toBeTruthy());
    const stats = screen.getByRole("table", { name: "Statistikk for kommunene per publisert år" });
    const row2024 = within(stats).getByRole("rowheader", { name: "2024" }).closest("tr");
    expect(nbsp(row2024?.textContent ?? "")).toContain("Publisert 15.06.2025");
  });

  it("links the sign-in page to the published figures", async () => {
    renderApp("/");
    const link = await screen.findByRole("link", { name: "Se publiserte tall uten å logge inn" });
    expect(link.getAttribute("href")).toBe("/apne-data");
  });
});
