import { describe, expect, it } from "vitest";

import { E2E_PASSWORD } from "../support/global-setup";
import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

describe("administration", () => {
  it("creates a user whose one-time link sets a password, and logs it all", async () => {
    const admin = await browser.newPage();
    await signIn(admin, browser.baseUrl, "admin@demo.example", "/admin/brukere");
    await admin.getByRole("heading", { level: 1, name: "Brukere" }).waitFor();
    await expectNoSeriousA11yViolations(admin, "admin users");

    const form = admin.getByRole("region", { name: "Opprett bruker" });
    await form.getByLabel("E-post", { exact: true }).fill("ny.okonomi@bergen.kommune.no");
    await form.getByLabel("Navn", { exact: true }).fill("Ny Økonomi");
    await form.getByLabel("Rolle", { exact: true }).selectOption("finance");
    await form.getByLabel("Kommunenummer", { exact: true }).fill("4601");
    await form.getByRole("button", { name: "Opprett bruker" }).click();
    const linkField = admin.getByLabel("Lenke for å velge passord");
    await linkField.waitFor();
    await expectNoSeriousA11yViolations(admin, "reset link dialog", "dialog[open]");
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/tilbakestill-passord#[A-Za-z0-9_-]{43}$/);

    // The new user opens the link in their own browser, sets a password and signs in.
    const user = await browser.newPage();
    await user.goto(link);
    await user.getByRole("heading", { level: 1, name: "Velg nytt passord" }).waitFor();
    await expectNoSeriousA11yViolations(user, "reset password page");
    await user.getByLabel("Nytt passord").fill("et langt nytt passord");
    await user.getByRole("button", { name: "Lagre passord" }).click();
    await user.getByText(/Passordet er lagret for ny\.okonomi@bergen\.kommune\.no/).waitFor();
    await user.getByRole("link", { name: "Til innlogging" }).click();
    await user.getByLabel("E-post").fill("ny.okonomi@bergen.kommune.no");
    await user.getByLabel("Passord").fill("et langt nytt passord");
    await user.getByRole("button", { name: "Logg inn" }).click();
    await user.getByTestId("signed-in-as").waitFor();

    await admin.goto(`${browser.baseUrl}/admin/tilganger`);
    await admin.getByRole("heading", { level: 1, name: "Tilganger" }).waitFor();
    await admin.getByRole("table").first().waitFor();
    await expectNoSeriousA11yViolations(admin, "permission matrix");

    await admin.goto(`${browser.baseUrl}/admin/logg`);
    await admin.getByRole("heading", { level: 1 }).waitFor();
    await admin.getByText("ny.okonomi@bergen.kommune.no").first().waitFor();
    await expectNoSeriousA11yViolations(admin, "audit log");
  });

  it("keeps non-administrators out of the admin pages", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example", "/admin/brukere");
    await page.getByText("Bare administratorer har tilgang til denne siden.").waitFor();
    expect(await page.getByRole("link", { name: "Brukere" }).count()).toBe(0);
    expect(E2E_PASSWORD).not.toBe("");
  });
});
