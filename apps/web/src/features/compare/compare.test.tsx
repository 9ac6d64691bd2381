import { findUserByEmail, getMunicipalityByNumber, insertPeerSet, listIndicatorValues, listMunicipalities } from "@malestokk/db";
import { INDICATORS, ratioOfSums } from "@malestokk/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { formatIndicatorValue } from "../../components/indicator-format";
import { renderApp } from "../../test/render";

const headers = (table: HTMLElement) =>
  within(table)
    .getAllByRole("columnheader")
    .map((h) => h.textContent);

describe("head to head", () => {
  it("puts chosen municipalities side by side on chosen indicators, with the choice in the URL", async () => {
    const { router } = renderApp("/sammenlign?kommuner=0301,4601&year=2024", { as: "board@demo.example" });
    const table = await screen.findByTestId("compare-table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Indikator", "Oslo", "Bergen"]);
    const k1 = within(table).getByRole("rowheader", { name: "IKT-kostnad per innbygger" }).closest("tr") as HTMLElement;
    expect(
      within(k1)
        .getAllByRole("cell")
        .every((c) => /kr$/.test(c.textContent ?? "")),
    ).toBe(true);

    fireEvent.change(screen.getByLabelText("Legg til kommune"), { target: { value: "5001" } });
    fireEvent.click(screen.getByRole("button", { name: "Legg til" }));
    await waitFor(() => expect(router.state.location.search).toContain("kommuner=0301%2C4601%2C5001"));
    await waitFor(() => expect(within(screen.getByTestId("compare-table")).getAllByRole("columnheader")).toHaveLength(4));
    fireEvent.click(screen.getByRole("button", { name: "Fjern Oslo" }));
    await waitFor(() =>
      expect(
        within(screen.getByTestId("compare-table"))
          .getAllByRole("columnheader")
          .map((h) => h.textContent),
      ).toEqual(["Indikator", "Bergen", "Trondheim"]),
    );
  });

  it("says what to do when nothing is chosen", async () => {
    renderApp("/sammenlign", { as: "board@demo.example" });
    expect(await screen.findByText("Velg minst én kommune for å sammenligne.")).toBeTruthy();
  });

  it("compares the members of the saved peer set in the address (?peers=set-1) (issue 20)", async () => {
    const { db } = renderApp("/sammenlign?peers=set-1&year=2024", { as: "finance.0301@demo.example" });
    const ids = ["4601", "5001", "1103"].map((n) => getMunicipalityByNumber(db, n)?.id ?? 0);
    insertPeerSet(db, {
      name: "Storbyene",
      ownerUserId: findUserByEmail(db, "finance.0301@demo.example")?.id ?? 0,
      sharedWithOrganisationId: null,
      memberIds: ids,
      now: new Date().toISOString(),
    });
    const table = await screen.findByTestId("compare-table");
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Indikator", "Stavanger", "Bergen", "Trondheim"]);
    expect(screen.getByLabelText<HTMLSelectElement>("Sammenlign med").value).toBe("set-1");
  });
});

describe("head to head, as issue 20 asks (point 14)", () => {
  it("preselects the signed-in user's own municipality, and the address still wins", async () => {
    const { router } = renderApp("/sammenlign?year=2024", { as: "finance.0301@demo.example" });
    await waitFor(() => expect(router.state.location.search).toContain("kommuner=0301"));
    expect(headers(await screen.findByTestId("compare-table"))).toEqual(["Indikator", "Oslo"]);
  });

  it("does not preselect over a choice in the address", async () => {
    renderApp("/sammenlign?kommuner=4601&year=2024", { as: "finance.0301@demo.example" });
    expect(headers(await screen.findByTestId("compare-table"))).toEqual(["Indikator", "Bergen"]);
  });

  it("finds a municipality by name without its letters or by number in a combobox, and picks it with the keyboard", async () => {
    const { router } = renderApp("/sammenlign?kommuner=0301&year=2024", { as: "board@demo.example" });
    await screen.findByTestId("compare-table");
    const input = screen.getByRole("combobox", { name: "Legg til kommune" });
    expect(input.getAttribute("aria-expanded")).toBe("false");
    fireEvent.change(input, { target: { value: "tromso" } });
    const list = screen.getByRole("listbox", { name: "Kommuner som passer" });
    expect(
      within(list)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Tromsø 5501"]);
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(document.getElementById(input.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "1 kommune passer. Bruk piltastene og Enter for å velge.",
    );
    fireEvent.keyDown(input, { key: "ArrowDown" });
    const option = within(list).getByRole("option", { name: "Tromsø 5501" });
    expect(input.getAttribute("aria-activedescendant")).toBe(option.id);
    expect(option.getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(router.state.location.search).toContain("kommuner=0301%2C5501"));
    expect((input as HTMLInputElement).value).toBe("");

    // By number: the matches start with the digits typed; the arrow keys wrap; Escape closes, then clears.
    fireEvent.change(input, { target: { value: "460" } });
    const byNumber = within(screen.getByRole("listbox", { hidden: true })).getAllByRole("option");
    expect(byNumber.every((o) => / 460\d$/.test(o.textContent ?? ""))).toBe(true);
    fireEvent.keyDown(input, { key: "ArrowUp" });
    expect(input.getAttribute("aria-activedescendant")).toBe(byNumber.at(-1)?.id);
    fireEvent.keyDown(input, { key: "Escape" });
    expect(input.getAttribute("aria-expanded")).toBe("false");
    fireEvent.keyDown(input, { key: "Escape" });
    expect((input as HTMLInputElement).value).toBe("");
    // The chosen are not offered again.
    fireEvent.change(input, { target: { value: "Oslo" } });
    expect(screen.queryByRole("option", { name: "Oslo 0301" })).toBeNull();
  });

  it("draws a chart beside the table with the group median and the national figure as labelled reference rows", async () => {
    const { db } = renderApp("/sammenlign?kommuner=0301,4601&year=2024&indikatorer=K1,Q1&compare-chartView=table", {
      as: "board@demo.example",
    });
    expect(await screen.findByRole("heading", { level: 2, name: "IKT-kostnad per innbygger, 2024" })).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>("Indikator i diagrammet").value).toBe("K1");
    const twin = await screen.findByRole("table", { name: "IKT-kostnad per innbygger, 2024" });
    expect(headers(twin)).toEqual(["Kommune", "IKT-kostnad per innbygger", "Merknad"]);
    await waitFor(() => expect(within(twin).getAllByRole("row")).toHaveLength(5));
    const rowNames = within(twin)
      .getAllByRole("rowheader")
      .map((h) => h.textContent);
    expect(rowNames.slice(0, 2)).toEqual(["Oslo", "Bergen"]);
    expect(rowNames[2]).toMatch(/^Median i gruppen \(.+, gruppen til Oslo\)$/);
    expect(rowNames[3]).toBe("Landet");
    // The national figure is the ratio of sums over every municipality's approved figures.
    const municipalities = new Set(listMunicipalities(db).map((m) => m.id));
    const approved = listIndicatorValues(db, "K1", [2024]).filter((r) => municipalities.has(r.organisationId) && r.denominator > 0);
    const national = within(twin).getByRole("rowheader", { name: "Landet" }).closest("tr") as HTMLElement;
    expect(
      within(national)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([formatIndicatorValue("K1", ratioOfSums(approved) ?? 0), `Sum over ${approved.length} kommuner med godkjente tall`]);
    const median = within(twin).getAllByRole("row")[3] as HTMLElement;
    expect(within(median).getAllByRole("cell")[0]?.textContent).toMatch(/kr$/);

    // Another indicator in the chart: the choice is in the address.
    fireEvent.change(screen.getByLabelText("Indikator i diagrammet"), { target: { value: "Q1" } });
    const q1 = INDICATORS.find((i) => i.code === "Q1")?.name.nb ?? "";
    expect(await screen.findByRole("table", { name: `${q1}, 2024` })).toBeTruthy();
  });
});
