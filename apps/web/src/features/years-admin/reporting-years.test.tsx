import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("admin: reporting years", () => {
  it("shows how far the year has come, closes it after confirming, and reopens it only with a reason", async () => {
    renderApp("/admin/aar", { as: "admin@demo.example" });
    const table = await screen.findByTestId("years-table");
    const row = within(table).getByRole("rowheader", { name: "2024" }).closest("tr") as HTMLElement;
    expect(within(row).getByText("Åpent")).toBeTruthy();

    fireEvent.click(within(row).getByRole("button", { name: "Steng 2024" }));
    const dialog = await screen.findByRole("dialog", { name: "Stenge 2024?" });
    expect(dialog.textContent).toMatch(/kommuner har ikke levert/);
    fireEvent.click(within(dialog).getByRole("button", { name: "Steng året" }));
    expect((await screen.findByTestId("years-message")).textContent).toBe("2024 er stengt.");
    await waitFor(() => expect(within(row).getByText("Stengt")).toBeTruthy());

    fireEvent.click(within(row).getByRole("button", { name: "Åpne 2024 igjen" }));
    const reopen = await screen.findByRole("dialog", { name: "Åpne 2024 igjen?" });
    fireEvent.click(within(reopen).getByRole("button", { name: "Åpne året" }));
    expect(await within(reopen).findByText("Skriv en begrunnelse på minst 3 tegn.")).toBeTruthy();
    fireEvent.change(within(reopen).getByLabelText("Begrunnelse"), { target: { value: "Bergen retter lisensene" } });
    fireEvent.click(within(reopen).getByRole("button", { name: "Åpne året" }));
    expect((await screen.findByTestId("years-message")).textContent).toBe("2024 er åpnet igjen.");
  });

  it("tells a non-administrator that the page is for administrators", async () => {
    renderApp("/admin/aar", { as: "board@demo.example" });
    expect((await screen.findByTestId("years-admin-only")).textContent).toBe("Bare administratorer kan stenge og åpne rapporteringsår.");
  });
});
