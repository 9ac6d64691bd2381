import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { breakTable, findFailure } from "../../test/break-table";
import { renderApp, TEST_PASSWORD } from "../../test/render";

describe("account settings", () => {
  it("says on the new-password field why a common password is refused", async () => {
    renderApp("/konto", { as: "finance.0301@demo.example" });
    fireEvent.change(await screen.findByLabelText("Nåværende passord"), { target: { value: TEST_PASSWORD } });
    fireEvent.change(screen.getByLabelText("Nytt passord"), { target: { value: "Password1234" } });
    fireEvent.click(screen.getByRole("button", { name: "Bytt passord" }));
    expect(await screen.findByText(/står på en liste over vanlige eller lekkede passord/)).toBeTruthy();
  });

  it("says when the two-step status could not be read, and retries", async () => {
    const { sqlite } = renderApp("/konto", { as: "finance.0301@demo.example" });
    const restore = breakTable(sqlite, "recovery_codes");
    const { retry } = await findFailure("two-step-settings-error");
    restore();
    fireEvent.click(retry);
    expect(await screen.findByTestId("two-step-settings")).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId("two-step-settings-error")).toBeNull());
  });
});
