import { setReportingYearState } from "@malestokk/db";
import { fireEvent, screen, within } from "@testing-library/react";
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
