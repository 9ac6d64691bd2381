import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { findUserByEmail, getMunicipalityByNumber, insertPeerSet, recomputeIndicatorValues } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";
import { BAND_CHART_COLOURS } from "../../components/chart-palette";
import { BandChart } from "./band-chart";

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
    // The tables follow the controls and the notice as a transition (issue 21).
    const k1 = within(await screen.findByTestId("profile-cost"))
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

describe("the profile's band charts (issue 20, point 20)", () => {
  const shown = { status: "shown", n: 12, q1: 100, median: 120, q3: 150, ratioOfSums: 125 } as const;
  const numberOf = (element: Element | null | undefined, attribute: string) => Number(element?.getAttribute(attribute));

  it("puts a value above the median of a lower-is-better indicator right of the median tick, in the colour of the bad side", () => {
    const { container } = render(<BandChart value={140} peers={shown} direction="lower" />);
    const svg = container.querySelector("svg");
    expect(svg?.getAttribute("aria-hidden")).toBe("true");
    const band = container.querySelector(".band-chart__band");
    const median = container.querySelector(".band-chart__median");
    const dot = container.querySelector(".band-chart__dot");
    expect(dot?.getAttribute("class")).toContain("band-chart__dot--bad");
    expect(dot?.getAttribute("fill")).toBe(BAND_CHART_COLOURS.bad);
    expect(numberOf(dot, "cx")).toBeGreaterThan(numberOf(median, "x1"));
    // Inside the band: between its left and right edges.
    expect(numberOf(dot, "cx")).toBeGreaterThan(numberOf(band, "x"));
    expect(numberOf(dot, "cx")).toBeLessThan(numberOf(band, "x") + numberOf(band, "width"));
  });

  it("colours the good side and an indicator without direction, and draws no band for a hidden group", () => {
    const good = render(<BandChart value={110} peers={shown} direction="lower" />);
    expect(good.container.querySelector(".band-chart__dot--good")).toBeTruthy();
    cleanup();
    const neutral = render(<BandChart value={160} peers={shown} direction="neutral" />);
    expect(neutral.container.querySelector(".band-chart__dot--neutral")).toBeTruthy();
    cleanup();
    const hidden = render(<BandChart value={160} peers={{ status: "hidden", n: 2, reason: "TOO_FEW_MEMBERS" }} direction="lower" />);
    expect(hidden.container.querySelector("svg")).toBeNull();
    expect(hidden.container.querySelector(".band-chart__band")).toBeNull();
  });

  it("draws one chart in each row whose group is shown, and none where it is hidden", async () => {
    renderApp("/kommune/4601/profil?year=2024", { as: "manager.4601@demo.example" });
    const costs = await screen.findByTestId("profile-cost");
    for (const row of within(costs).getAllByRole("row").slice(1)) {
      const hidden = /skjult/.test(row.textContent ?? "");
      expect(row.querySelectorAll("[data-testid=band-chart]").length, row.textContent ?? "").toBe(hidden ? 0 : 1);
    }
    expect(within(costs).getAllByTestId("band-chart").length).toBeGreaterThan(0);
  });
});

describe("what the figures mean, in words, on the profile (issue 24)", () => {
  it("says for each headline indicator how many in the group lie on the counted side, and the group's median", async () => {
    renderApp("/kommune/5001/profil?year=2024&peers=county", { as: "manager.5001@demo.example" });
    const words = await screen.findByTestId("in-words");
    expect(within(words).getByRole("heading", { name: "Hva tallet betyr" })).toBeTruthy();
    const items = within(words)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(items).toHaveLength(5);
    expect(items[0]).toMatch(
      /^Trondheim bruker [\d\s]+\skr \(IKT-kostnad per innbygger\); \d+ av \d+ andre kommuner i gruppen bruker mindre\. Medianen i gruppen er [\d\s]+\skr\.$/,
    );
  });

  it("says why no comparison is made when the group has too few others with a value", async () => {
    const { db } = renderApp("/kommune/0301/profil?year=2024&peers=set-1", { as: "manager.0301@demo.example" });
    insertPeerSet(db, {
      name: "Bare Bergen",
      ownerUserId: findUserByEmail(db, "manager.0301@demo.example")?.id ?? 0,
      sharedWithOrganisationId: null,
      memberIds: [getMunicipalityByNumber(db, "4601")?.id ?? 0],
      now: new Date().toISOString(),
    });
    const words = await screen.findByTestId("in-words");
    await waitFor(() =>
      expect(within(words).getAllByRole("listitem")[0]?.textContent).toBe(
        "Ingen sammenligning i ord: gruppen har bare 1 annen kommune med verdi, og det trengs minst 3.",
      ),
    );
  });
});
