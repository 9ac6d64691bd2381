import { getMunicipalityByNumber, saveCooperative, saveCostReport, type Db } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { nbsp } from "../../test/cost-report";
import { renderApp } from "../../test/render";

describe("an IT cooperative's report", () => {
  it("divides its costs by fixed shares that must reach 100 %, and the member sees its share", async () => {
    const { db } = renderApp("/samarbeid/912345678/kostnader/2024", { as: "admin@demo.example" });
    const ids = ["5025", "5026"].map((n) => getMunicipalityByNumber(db, n)?.id ?? 0);
    saveCooperative(db, { organisationNumber: "912345678", name: "IKT Demo-samarbeid", memberIds: ids, countyNumber: "50" });
    expect(await screen.findByRole("heading", { level: 1, name: "IKT-kostnader 2024 – IKT Demo-samarbeid" })).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "Legg til linje" }));
    fireEvent.change(screen.getByLabelText("Beløp (kr), linje 1"), { target: { value: "1 000 000" } });
    fireEvent.change(screen.getByLabelText("Fordelingsnøkkel"), { target: { value: "fixedShares" } });
    const [first, second] = [screen.getByLabelText(/^Andel for Røros/), screen.getByLabelText(/^Andel for Holtålen/)];
    fireEvent.change(first, { target: { value: "60" } });
    fireEvent.change(second, { target: { value: "30" } });
    expect(screen.getByTestId("shares-total").textContent).toMatch(/^Sum: 90\s?%/);
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    expect((await screen.findByTestId("report-errors")).textContent).toContain(
      "De faste andelene må bli 100\u00a0% til sammen (nå 90\u00a0%).",
    );

    fireEvent.change(second, { target: { value: "40" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await screen.findByText("Lagret.");
    const table = await screen.findByTestId("allocation-members");
    await waitFor(() => expect(nbsp(table.textContent)).toMatch(/Røros \(5025\).*600 000 kr.*Holtålen \(5026\).*400 000 kr/));
  });
});

describe("an IT cooperative's allocation, from a member's side", () => {
  /** Oslo and Trondheim's cooperative with a draft report of one line of `amount`. */
  function draftCooperative(db: Db, key: "perInhabitant" | "perItUser", amount: number) {
    const ids = ["0301", "5001"].map((n) => getMunicipalityByNumber(db, n)?.id ?? 0);
    const coop = saveCooperative(db, { organisationNumber: "923456789", name: "IKT Oslo–Trondheim", memberIds: ids, countyNumber: "50" });
    saveCostReport(db, {
      organisationId: coop,
      year: 2024,
      expectedVersion: null,
      content: {
        lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount, comment: null }],
        itUserAccounts: null,
        employeesFte: null,
        populationOverride: null,
        grossOperatingExpenditureOverride: null,
        warningComments: {},
        allocation: { key, shares: null },
      },
      source: "entered",
      now: new Date().toISOString(),
    });
  }

  it("says the cooperative's report is not approved yet, without its figures", async () => {
    const { db } = renderApp("/kommune/5001/kostnader/2024", { as: "finance.5001@demo.example" });
    draftCooperative(db, "perInhabitant", 31_337);
    const from = await screen.findByTestId("allocated-from");
    expect(from.textContent).toContain(
      "IKT Oslo–Trondheim: samarbeidets rapport er utkast og ikke godkjent ennå; andelen vises når den er godkjent.",
    );
    expect(nbsp(from.textContent)).not.toMatch(/31 ?337/);
  });

  it("names the basis of each member in the cooperative's table", async () => {
    const { db } = renderApp("/samarbeid/923456789/kostnader/2024", { as: "admin@demo.example" });
    draftCooperative(db, "perItUser", 1_000_000);
    const table = await screen.findByTestId("allocation-members");
    expect(within(table).getByRole("columnheader", { name: "Grunnlag" })).toBeTruthy();
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell")[1]?.textContent);
    expect(rows).toEqual(["godkjent rapport", "godkjent rapport"]);
  });
});
