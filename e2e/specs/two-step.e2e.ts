import { expect, describe, it } from "vitest";

import { E2E_PASSWORD } from "../support/global-setup";
import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";
import { authenticatorCode } from "../support/totp";

const browser = useBrowser();

// Issue 11 (second factor): set up an authenticator from the account page, then sign in with it.
describe("two-step sign-in", () => {
  it("sets up TOTP with the QR code's key, then asks for a code at sign-in and takes a recovery code once", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "manager.5001@demo.example", "/konto");
    const settings = page.getByTestId("two-step-settings");
    await settings.getByRole("button", { name: "Sett opp totrinnsinnlogging" }).click();
    // The current password first (decision 005).
    await settings.getByLabel("Nåværende passord").fill(E2E_PASSWORD);
    await settings.getByRole("button", { name: "Sett opp", exact: true }).click();
    await settings.getByRole("img", { name: "QR-kode for autentiseringsappen" }).waitFor();
    await expectNoSeriousA11yViolations(page, "two-step enrolment");
    const secret = (await settings.getByTestId("totp-secret").textContent()) ?? "";
    await settings.getByLabel("Kode (6 siffer)").fill(authenticatorCode(secret));
    await settings.getByRole("button", { name: "Bekreft og slå på" }).click();
    await settings.getByTestId("recovery-codes").waitFor();
    const codes = await settings.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
    expect(codes).toHaveLength(10);
    await settings.getByRole("button", { name: "Jeg har tatt vare på kodene" }).click();
    await settings.getByText(/Totrinnsinnlogging er slått på/).waitFor();

    await page.getByRole("button", { name: "Logg ut", exact: true }).click();
    await page.getByRole("textbox", { name: "E-post" }).fill("manager.5001@demo.example");
    await page.getByLabel("Passord").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Logg inn" }).click();
    const step = page.getByTestId("second-factor-step");
    await step.waitFor();
    await expectNoSeriousA11yViolations(page, "two-step code");
    // The code just used for the set-up is spent for this time step: the recovery code gets in.
    await step.getByRole("button", { name: "Bruk en gjenopprettingskode i stedet" }).click();
    await step.getByLabel("Gjenopprettingskode").fill(codes[0] ?? "");
    await step.getByRole("button", { name: "Bekreft" }).click();
    await page.getByTestId("signed-in-as").filter({ hasText: "manager.5001@demo.example" }).waitFor();
  });
});
