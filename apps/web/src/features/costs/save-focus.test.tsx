import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("focus after «Lagre utkast» (issue 20, point 22)", () => {
  it("moves focus to the saved message, announced in a live region, while the button is busy", async () => {
    renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
    fireEvent.change(await screen.findByLabelText("Kommentar til økonomi"), { target: { value: "Lisensene mangler" } });
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Send tilbake" }));
    fireEvent.change(await screen.findByLabelText("Beløp (kr), linje 1"), { target: { value: "120 000" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    const message = await screen.findByTestId("report-message");
    expect(message.textContent).toBe("Lagret.");
    const region = message.closest("[aria-live=polite]");
    expect(region?.getAttribute("role")).toBe("status");
    await waitFor(() => expect(document.activeElement).toBe(region));
  });
});
