import { findUserByEmail, getMunicipalityByNumber, insertPeerSet } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

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
