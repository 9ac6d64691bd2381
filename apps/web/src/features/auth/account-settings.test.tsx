import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp, TEST_PASSWORD } from "../../test/render";

describe("account settings", () => {
  it("says on the new-password field why a common password is refused", async () => {
    renderApp("/konto", { as: "finance.0301@demo.example" });
    fireEvent.change(await screen.findByLabelText("Nåværende passord"), { target: { value: TEST_PASSWORD } });
    fireEvent.change(screen.getByLabelText("Nytt passord"), { target: { value: "Password1234" } });
    fireEvent.click(screen.getByRole("button", { name: "Bytt passord" }));
    expect(await screen.findByText(/står på en liste over vanlige eller lekkede passord/)).toBeTruthy();
  });
});
