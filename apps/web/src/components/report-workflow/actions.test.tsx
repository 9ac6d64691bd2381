import { setReportingYearState } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("a workflow step refused because the year was closed meanwhile (issue 19)", () => {
  it("names the year on the cost report, as on a quality report, instead of leaving its placeholder", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
    fireEvent.change(await screen.findByLabelText("Kommentar til økonomi"), { target: { value: "Lisensene mangler" } });
    setReportingYearState(db, 2024, "closed");
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Send tilbake" }));
    expect(await within(dialog).findByText("Året 2024 er stengt for endringer.")).toBeTruthy();
  });
});

describe("focus and announcements around a workflow step (issue 20, points 22 and 23)", () => {
  it("moves focus to the step's result, announced in a live region, after «Send tilbake» removes the button", async () => {
    renderApp("/kommune/1103/kostnader/2024", { as: "manager.1103@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
    fireEvent.change(await screen.findByLabelText("Kommentar til økonomi"), { target: { value: "Lisensene mangler" } });
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Send tilbake" }));
    const done = await screen.findByTestId("workflow-done");
    await waitFor(() => expect(document.activeElement).toBe(done.closest("[role=status]")));
    expect(done.closest("[aria-live=polite]")?.textContent).toBe(done.textContent);
    expect(done.textContent).not.toBe("");
  });

  it("names, marks and focuses the comment field when the return has no comment", async () => {
    renderApp("/kommune/1103/kostnader/2024", { as: "manager.1103@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Send tilbake" }));
    const field = await within(dialog).findByLabelText("Kommentar til økonomi");
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    const message = document.getElementById(
      field
        .getAttribute("aria-describedby")
        ?.split(" ")
        .find((id) => document.getElementById(id)?.textContent) ?? "",
    );
    expect(message?.textContent).not.toMatch(/Noen felt har ugyldige verdier/);
    expect(message?.textContent).toMatch(/\S/);
    expect(document.activeElement).toBe(field);
  });
});
