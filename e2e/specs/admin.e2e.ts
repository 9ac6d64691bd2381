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
    await form.getByLabel("Kommunenummer eller organisasjonsnummer", { exact: true }).fill("4601");
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

  it("previews an SSB file on the import page before anything is written", async () => {
    const admin = await browser.newPage();
    await signIn(admin, browser.baseUrl, "admin@demo.example", "/admin/import");
    await admin.getByRole("heading", { level: 1, name: "Import av referansedata" }).waitFor();
    await expectNoSeriousA11yViolations(admin, "import page");
    const dataset = {
      version: "2.0",
      class: "dataset",
      id: ["Region", "ContentsCode", "Tid"],
      size: [3, 1, 1],
      dimension: {
        Region: {
          category: {
            index: { "K-3001": 0, "K-1507": 1, "K-23": 2 },
            label: { "K-3001": "Halden", "K-1507": "Ålesund", "K-23": "Kontinentalsokkelen" },
          },
        },
        ContentsCode: { category: { index: { Personer1: 0 } } },
        Tid: { category: { index: { "2022": 0 } } },
      },
      value: [31444, 67114, 0],
      role: { geo: ["Region"], time: ["Tid"], metric: ["ContentsCode"] },
      extension: { px: { tableid: "07459" } },
    };
    await admin
      .getByLabel("Fil (JSON)")
      .setInputFiles({ name: "07459.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(dataset)) });
    await admin.getByRole("button", { name: "Forhåndsvis" }).click();
    await admin.getByTestId("import-report").getByText("Alle verdiene i filen er gjort rede for.", { exact: false }).waitFor();
    await admin.getByText("Ålesund 2022: delt i 1508, 1580 fra 2024; kan ikke fordeles.").waitFor();
    await expectNoSeriousA11yViolations(admin, "import preview");
  });

  it("keeps non-administrators out of the admin pages", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example", "/admin/brukere");
    await page.getByText("Bare administratorer har tilgang til denne siden.").waitFor();
    expect(await page.getByRole("link", { name: "Brukere" }).count()).toBe(0);
    expect(E2E_PASSWORD).not.toBe("");
  });
});
