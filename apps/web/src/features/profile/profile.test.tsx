import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { findUserByEmail, getMunicipalityByNumber, insertPeerSet, recomputeIndicatorValues } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("Min kommune (the profile)", () => {
  it("shows every dimension's indicators against the peer group, with year and peer group in the URL", async () => {
    const { router } = renderApp("/kommune/4601", { as: "manager.4601@demo.example" });
    fireEvent.click(await screen.findByRole("link", { name: /^Min kommune: alle indikatorer/ }));
    expect(await screen.findByRole("heading", { level: 1, name: "Min kommune – Bergen" })).toBeTruthy();
    const costs = await screen.findByTestId("profile-cost");
    const k1 = within(costs).getByRole("rowheader", { name: "IKT-kostnad per innbygger" }).closest("tr") as HTMLElement;
    const cells = within(k1)
      .getAllByRole("cell")
      .map((c) => c.textContent ?? "");
    expect(cells[0]).toMatch(/kr$/);
    expect(cells[4]).toMatch(/^\d+ av \d+$/);
    expect(within(screen.getByTestId("profile-quality")).getByRole("rowheader", { name: "IKT-modenhet" })).toBeTruthy();
    expect(within(screen.getByTestId("profile-scope")).getByRole("rowheader", { name: "Digital post (SvarUt)" })).toBeTruthy();
    expect(screen.getByTestId("stand-out").textContent).toMatch(/Det som skiller seg ut/);

    fireEvent.change(screen.getByLabelText("År"), { target: { value: "2022" } });
    fireEvent.change(screen.getByLabelText("Sammenlign med"), { target: { value: "county" } });
    await waitFor(() => expect(router.state.location.search).toContain("year=2022"));
    expect(router.state.location.search).toContain("peers=county");
    // Before 2021 the demo has no quality reports: missing, never 0.
    fireEvent.change(screen.getByLabelText("År"), { target: { value: "2019" } });
    await waitFor(() => {
      const q1 = within(screen.getByTestId("profile-quality"))
        .getByRole("rowheader", { name: "IKT-modenhet" })
        .closest("tr") as HTMLElement;
      expect(within(q1).getAllByRole("cell")[0]?.textContent).toBe("Mangler");
    });
  });

  it("marks a figure whose report is being corrected as under correction to others, and as a draft to its own users (issue 20)", async () => {
    for (const [as, mark] of [
      ["board@demo.example", "(under retting)"],
      ["finance.0301@demo.example", "(utkast)"],
    ] as const) {
      const { db, sqlite } = renderApp("/kommune/0301/profil?year=2024", { as });
      // Oslo's approved 2024 report is returned for correction.
      const oslo = getMunicipalityByNumber(db, "0301");
      if (!oslo) throw new Error("no Oslo");
      sqlite.prepare("UPDATE cost_reports SET status = 'returned' WHERE organisation_id = ? AND year = 2024").run(oslo.id);
      recomputeIndicatorValues(db, { scope: { organisationId: oslo.id, year: 2024 }, now: new Date().toISOString() });
      const costs = await screen.findByTestId("profile-cost");
      const k1 = within(costs).getByRole("rowheader", { name: "IKT-kostnad per innbygger" }).closest("tr") as HTMLElement;
      expect(within(k1).getAllByRole("cell")[0]?.textContent).toMatch(new RegExp(`kr ${mark.replace(/[()]/g, "\\$&")}$`));
      cleanup();
    }
  });

  it("says that the ten largest stand in for Oslo's one-member KOSTRA group, and shows the statistics (issue 20)", async () => {
    renderApp("/kommune/0301/profil?year=2024&peers=kostra", { as: "board@demo.example" });
    expect((await screen.findByTestId("peer-stand-in")).textContent).toBe(
      "Den valgte gruppen (Samme KOSTRA-gruppe) har færre enn tre kommuner. Tallene sammenlignes derfor med en tilnærmet gruppe: ASSS-nettverket (de ti største).",
    );
    const k1 = within(screen.getByTestId("profile-cost"))
      .getByRole("rowheader", { name: "IKT-kostnad per innbygger" })
      .closest("tr") as HTMLElement;
    expect(within(k1).getAllByRole("cell")[1]?.textContent).not.toMatch(/skjult/);
  });

  it("compares with the saved peer set in the address (?peers=set-1), as the municipality page does (issue 20)", async () => {
    const { db, router } = renderApp("/kommune/0301/profil?year=2024&peers=set-1", { as: "finance.0301@demo.example" });
    const ids = ["4601", "5001", "1103"].map((n) => getMunicipalityByNumber(db, n)?.id ?? 0);
    insertPeerSet(db, {
      name: "Storbyene",
      ownerUserId: findUserByEmail(db, "finance.0301@demo.example")?.id ?? 0,
      sharedWithOrganisationId: null,
      memberIds: ids,
      now: new Date().toISOString(),
    });
    expect(await screen.findByText("Sammenlignet med 3 kommuner i gruppen.")).toBeTruthy();
    const select = screen.getByLabelText<HTMLSelectElement>("Sammenlign med");
    expect(await within(select).findByRole("option", { name: "Storbyene" })).toBeTruthy();
    expect(select.value).toBe("set-1");
    expect(router.state.location.search).toContain("peers=set-1");
  });
});
