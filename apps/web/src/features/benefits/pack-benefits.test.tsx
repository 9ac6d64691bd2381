import { getMunicipalityByNumber, insertProject } from "@malestokk/db";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

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
