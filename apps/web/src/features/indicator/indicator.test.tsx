import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("the indicator page", () => {
  it("defines the indicator, shows the named distribution with the own unit marked, the series and a scatter", async () => {
    // The link from the profile is followed in the e2e spec; here the page opens on its address.
    const { router } = renderApp("/kommune/0301/indikator/K1?peers=asss&year=2024&distributionView=table&seriesView=table", { as: "board@demo.example" });
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
  it("mark a mean from fewer than 10 respondents as uncertain", async () => {
    renderApp("/kommune/1151/indikator/Q2?year=2024&peers=sizeClass&seriesView=table", { as: "board@demo.example" });
    const table = await screen.findByRole("table", { name: "Utvikling over tid" });
    const row = within(table).getByRole("rowheader", { name: "2024" }).closest("tr") as HTMLElement;
    expect(within(row).getAllByRole("cell")[0]?.textContent).toMatch(/ \(usikkert, \d svar\)$/);
  });
});
