import { listAudit } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("four eyes per organisation (issue 20, point 16)", () => {
  it("lets an administrator require four eyes for an organisation and switch it off again, audited", async () => {
    const { db } = renderApp("/admin/brukere", { as: "admin@demo.example" });
    const section = await screen.findByTestId("four-eyes-settings");
    expect(within(section).getByText("Ingen organisasjoner krever fire øyne ennå.")).toBeTruthy();
    const field = within(section).getByLabelText("Nummeret til kommunen eller IKT-samarbeidet");

    fireEvent.click(within(section).getByRole("button", { name: "Krev fire øyne" }));
    expect(await within(section).findByText("Skriv inn kommunenummeret eller organisasjonsnummeret.")).toBeTruthy();
    fireEvent.change(field, { target: { value: "9999" } });
    fireEvent.click(within(section).getByRole("button", { name: "Krev fire øyne" }));
    expect(await within(section).findByText("Fant ingen kommune eller IKT-samarbeid med nummer 9999.")).toBeTruthy();

    fireEvent.change(field, { target: { value: "0301" } });
    fireEvent.click(within(section).getByRole("button", { name: "Krev fire øyne" }));
    expect(await within(section).findByText("Fire øyne kreves nå for 0301.")).toBeTruthy();
    const table = await within(section).findByRole("table", { name: "Organisasjoner som krever fire øyne" });
    expect(within(table).getByText("Oslo (0301)")).toBeTruthy();

    fireEvent.click(within(table).getByRole("button", { name: "Slå av fire øyne for Oslo" }));
    expect(await within(section).findByText("Fire øyne kreves ikke lenger for 0301.")).toBeTruthy();
    await waitFor(() => expect(within(section).getByText("Ingen organisasjoner krever fire øyne ennå.")).toBeTruthy());
    expect(listAudit(db, { action: "admin.fourEyesChanged", limit: 10 })).toHaveLength(2);
  });
});
