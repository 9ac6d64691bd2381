import { createTestDb } from "@malestokk/db/testing";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

// Issue 26: the demo's SvarUt project is a joint solution; Bergen's manager adopts it and approves the local plan.

/** The seed is deterministic: Oslo's SvarUt project has the same id in every copy of the test database. */
function svarUtId(): number {
  const { sqlite } = createTestDb({ seed: true });
  const row = sqlite
    .prepare(
      "select p.id from projects p join organisations o on o.id = p.owner_organisation_id where o.number = '0301' and p.name = 'Digital post med SvarUt'",
    )
    .get() as { id: number };
  sqlite.close();
  return row.id;
}

describe("joint solutions", () => {
  it("shows the board the template and each adopter's status and value on the project's page", async () => {
    renderApp(`/gevinster/prosjekt/${svarUtId()}`, { as: "board@demo.example" });
    const rollUp = await screen.findByTestId("roll-up", {}, { timeout: 10_000 });
    const adopters = within(rollUp).getByTestId("roll-up-adopters");
    expect(within(adopters).getAllByRole("row")).toHaveLength(6);
    expect(within(adopters).getByRole("link", { name: "Bærum (3201)" })).toBeTruthy();
    expect(within(screen.getByTestId("template-section")).getByText(/Publisert versjon 2/)).toBeTruthy();
  });

  it("lets Bergen's manager adopt the solution, then approve the local plan, with the computation shown", async () => {
    renderApp(`/kommune/4601/felles/${svarUtId()}`, { as: "manager.4601@demo.example" });
    const form = await screen.findByTestId("local-plan-form", {}, { timeout: 10_000 });
    expect(within(form).getAllByText(/Utgangspunkt fra kommunens godkjente tall/)).toHaveLength(2);
    for (const field of within(form).getAllByRole("combobox"))
      fireEvent.change(field, { target: { value: (field as HTMLSelectElement).options[1]?.value } });
    fireEvent.click(within(form).getByRole("button", { name: "Ta i bruk" }));
    const dialog = await screen.findByTestId("confirm-dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Ta i bruk" }));
    expect(await screen.findByText("Tatt i bruk, ikke godkjent", {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getAllByText(/ × .* = /).length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole("button", { name: "Godkjenn planen" }));
    fireEvent.click(within(await screen.findByTestId("confirm-dialog")).getByRole("button", { name: "Godkjenn planen" }));
    expect(await screen.findByText("Planen er godkjent.")).toBeTruthy();
    await waitFor(() => expect(within(screen.getByTestId("local-plan-status")).getByText("Godkjent")).toBeTruthy());
  });
});
