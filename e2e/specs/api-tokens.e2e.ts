import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

describe("API tokens, end to end (issue 23, point 3)", () => {
  it("a manager creates a token from Min konto, sees it once, finds it in the list and revokes it; every step passes axe", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "manager.4601@demo.example", "/konto");
    await page.getByRole("link", { name: "API-nøkler for Bergen" }).click();
    await page.getByRole("heading", { level: 1, name: "API-nøkler for Bergen" }).waitFor();
    await page.getByText("Ingen API-nøkler ennå.", { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page, "API tokens, none yet");

    await page.getByRole("button", { name: "Lag nøkkel" }).click();
    await page.getByText("Gi nøkkelen et navn, for eksempel hva den brukes til.").waitFor();
    await expectNoSeriousA11yViolations(page, "API token form with an error");

    await page.getByLabel("Navn", { exact: true }).fill("Power BI økonomi");
    await page.getByLabel("Utløper etter").selectOption("30");
    await page.getByRole("button", { name: "Lag nøkkel" }).click();
    const secret = page.getByTestId("api-token-secret");
    await secret.waitFor();
    const token = await secret.getByLabel("Nøkkelen").inputValue();
    expect(token).toMatch(/^mlst_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/);
    await expectNoSeriousA11yViolations(page, "API token shown once");

    // The list shows it by name and visible id; the secret is gone once the user says it is kept, and never comes back.
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Power BI økonomi" }) });
    await row.getByText(token.slice(5, 13), { exact: true }).waitFor();
    await row.getByText("Aktiv").waitFor();
    await secret.getByRole("button", { name: "Jeg har tatt vare på nøkkelen" }).click();
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(token);
    await expectNoSeriousA11yViolations(page, "API token list");

    await row.getByRole("button", { name: "Trekk tilbake Power BI økonomi" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/slutter å virke med en gang/).waitFor();
    await expectNoSeriousA11yViolations(page, "revoke API token dialog", "dialog[open]");
    await dialog.getByRole("button", { name: "Trekk tilbake" }).click();
    await page.getByText("Nøkkelen «Power BI økonomi» er trukket tilbake.").waitFor();
    await row.getByText("Trukket tilbake").waitFor();
    expect(await row.getByRole("button").count()).toBe(0);

    // Administrators see every organisation's tokens under Administrasjon.
    const admin = await browser.newPage();
    await signIn(admin, browser.baseUrl, "admin@demo.example", "/");
    await admin.getByRole("button", { name: "Administrasjon" }).click();
    await admin.getByRole("link", { name: "API-nøkler" }).click();
    await admin.getByRole("heading", { level: 1, name: "API-nøkler" }).waitFor();
    const listed = admin.getByRole("row").filter({ has: admin.getByRole("rowheader", { name: "Power BI økonomi" }) });
    await listed.getByRole("link", { name: "Bergen (4601)" }).waitFor();
    await listed.getByText("Trukket tilbake").waitFor();
    await expectNoSeriousA11yViolations(admin, "all API tokens");
  });
});
