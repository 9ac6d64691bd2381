import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("the fagsystem register", () => {
  it("adds, refuses a taken name, edits, keeps a system in use, and deletes an unused one after confirming", async () => {
    renderApp("/kommune/0301/fagsystemer", { as: "finance.0301@demo.example" });
    const table = await screen.findByTestId("systems-table");
    expect(within(table).getByRole("rowheader", { name: "Demo sak/arkiv" })).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Navn"), { target: { value: "demo SAK/arkiv" } });
    fireEvent.click(screen.getByRole("button", { name: "Legg til" }));
    expect(await screen.findByText("Kommunen har allerede et fagsystem med dette navnet.")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Navn"), { target: { value: "Helseplattformen" } });
    fireEvent.change(screen.getByLabelText("Klasse"), { target: { value: "healthCare" } });
    fireEvent.change(screen.getByLabelText("I bruk fra (år)"), { target: { value: "2023" } });
    fireEvent.click(screen.getByRole("button", { name: "Legg til" }));
    expect((await screen.findByTestId("systems-message")).textContent).toBe("Helseplattformen er lagret.");
    await screen.findByRole("rowheader", { name: "Helseplattformen" });

    fireEvent.click(screen.getByRole("button", { name: "Slett Demo sak/arkiv" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Slett" }));
    expect(await within(screen.getByRole("dialog")).findByText(/kostnadslinjer og kan ikke slettes\. Sett «I bruk til» i stedet\./)).toBeTruthy();
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Avbryt" }));

    fireEvent.click(screen.getByRole("button", { name: "Slett Helseplattformen" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Slett" }));
    await waitFor(() => expect(screen.queryByRole("rowheader", { name: "Helseplattformen" })).toBeNull());
  });

  it("is read-only for a manager and closed to other municipalities' finance staff", async () => {
    renderApp("/kommune/0301/fagsystemer", { as: "manager.0301@demo.example" });
    await screen.findByTestId("systems-table");
    expect(screen.queryByRole("button", { name: "Legg til" })).toBeNull();
  });
});
