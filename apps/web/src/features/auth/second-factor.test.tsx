import { totp } from "@malestokk/api";
import { enableSecondFactor, findUserByEmail } from "@malestokk/db";
import { TEST_PASSWORD } from "@malestokk/db/testing";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("two-step sign-in", () => {
  it("asks for the code after the password, says so when it is wrong, and signs in with the right one", async () => {
    const { db } = renderApp("/");
    const user = findUserByEmail(db, "finance.0301@demo.example");
    enableSecondFactor(db, { userId: user?.id ?? 0, secret: SECRET, counter: 0, recoveryHashes: [], now: new Date().toISOString() });
    fireEvent.change(await screen.findByLabelText("E-post"), { target: { value: "finance.0301@demo.example" } });
    fireEvent.change(screen.getByLabelText("Passord"), { target: { value: TEST_PASSWORD } });
    fireEvent.click(screen.getByRole("button", { name: "Logg inn" }));
    const step = await screen.findByTestId("second-factor-step");
    const wrong = totp(SECRET, new Date()) === "000000" ? "111111" : "000000";
    fireEvent.change(within(step).getByLabelText("Kode (6 siffer)"), { target: { value: wrong } });
    fireEvent.click(within(step).getByRole("button", { name: "Bekreft" }));
    expect(await within(step).findByText(/Feil kode/)).toBeTruthy();
    fireEvent.change(within(step).getByLabelText("Kode (6 siffer)"), { target: { value: totp(SECRET, new Date()) } });
    fireEvent.click(within(step).getByRole("button", { name: "Bekreft" }));
    await waitFor(() => expect(screen.getByTestId("signed-in-as").textContent).toContain("finance.0301@demo.example"));
  });

  it("sets it up from the account page with a QR code and a key, and shows the recovery codes once", async () => {
    renderApp("/konto", { as: "manager.0301@demo.example" });
    const settings = await screen.findByTestId("two-step-settings");
    expect(within(settings).getByText("Totrinnsinnlogging er ikke slått på.")).toBeTruthy();
    fireEvent.click(within(settings).getByRole("button", { name: "Sett opp totrinnsinnlogging" }));
    // The password first: a session left open is not enough to set it up.
    fireEvent.click(within(settings).getByRole("button", { name: "Sett opp" }));
    expect(await within(settings).findByText("Skriv inn passordet ditt.")).toBeTruthy();
    fireEvent.change(within(settings).getByLabelText(/Nåværende passord/), { target: { value: "not my password" } });
    fireEvent.click(within(settings).getByRole("button", { name: "Sett opp" }));
    expect(await within(settings).findByText("Passordet stemmer ikke.")).toBeTruthy();
    fireEvent.change(within(settings).getByLabelText(/Nåværende passord/), { target: { value: TEST_PASSWORD } });
    fireEvent.click(within(settings).getByRole("button", { name: "Sett opp" }));
    const key = (await within(settings).findByTestId("totp-secret")).textContent?.replace(/\s/g, "") ?? "";
    expect(within(settings).getByRole("img", { name: "QR-kode for autentiseringsappen" }).innerHTML).toMatch(/^<svg/);
    fireEvent.change(within(settings).getByLabelText("Kode (6 siffer)"), { target: { value: totp(key, new Date()) } });
    fireEvent.click(within(settings).getByRole("button", { name: "Bekreft og slå på" }));
    const codes = await within(settings).findByTestId("recovery-codes");
    expect(within(codes).getAllByRole("listitem")).toHaveLength(10);
    fireEvent.click(within(codes).getByRole("button", { name: "Jeg har tatt vare på kodene" }));
    expect(await within(settings).findByText(/Totrinnsinnlogging er slått på siden .*10 gjenopprettingskoder er ubrukt\./)).toBeTruthy();

    // Replacing the app asks for the password again, and says the old app works until then.
    fireEvent.click(within(settings).getByRole("button", { name: "Bytt autentiseringsapp" }));
    expect(within(settings).getByText(/Den gamle appen virker til du har bekreftet en kode fra den nye/)).toBeTruthy();
    fireEvent.change(within(settings).getByLabelText(/Nåværende passord/), { target: { value: TEST_PASSWORD } });
    fireEvent.click(within(settings).getByRole("button", { name: "Sett opp" }));
    const newKey = (await within(settings).findByTestId("totp-secret")).textContent?.replace(/\s/g, "") ?? "";
    expect(newKey).not.toBe(key);
  });
});
