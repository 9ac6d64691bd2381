import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

describe("fagsystem register and reporting years", () => {
  it("finance adds a fagsystem; the page, its errors and its dialogs pass axe", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "finance.0301@demo.example", "/kommune/0301/fagsystemer");
    await page.getByRole("heading", { level: 1, name: "Fagsystemer i Oslo" }).waitFor();
    await page.getByTestId("systems-table").waitFor();
    await expectNoSeriousA11yViolations(page, "fagsystem register");

    const form = page.getByRole("region", { name: "Legg til fagsystem" });
    await form.getByRole("button", { name: "Legg til" }).click();
    await page.getByTestId("system-form-errors").waitFor();
    await expectNoSeriousA11yViolations(page, "fagsystem form with errors");

    await form.getByLabel("Navn", { exact: true }).fill("Visma Flyt Skole");
    await form.getByLabel("Leverandør", { exact: true }).fill("Visma");
    await form.getByLabel("Klasse", { exact: true }).selectOption("schoolChildhood");
    await form.getByLabel("I bruk fra (år)").fill("2020");
    await form.getByRole("button", { name: "Legg til" }).click();
    await page.getByTestId("systems-message").filter({ hasText: "Visma Flyt Skole er lagret." }).waitFor();
    await page.getByRole("rowheader", { name: "Visma Flyt Skole" }).waitFor();
    await expectNoSeriousA11yViolations(page, "fagsystem register after adding");

    // A system cost lines use is kept; the dialog says why and leads to "in use to".
    await page.getByRole("button", { name: "Slett Demo sak/arkiv" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Slett", exact: true }).click();
    await dialog.getByTestId("system-in-use").waitFor();
    await expectNoSeriousA11yViolations(page, "fagsystem in use", "dialog[open]");
    await dialog.getByRole("button", { name: "Sett «I bruk til»" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("system-in-use-to");
    await page.getByRole("button", { name: "Avbryt endringen" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Endre Demo sak/arkiv");

    // An unused one goes after confirming; cancelling first hands focus back to its button.
    await page.getByRole("button", { name: "Slett Visma Flyt Skole" }).click();
    await dialog.waitFor();
    await expectNoSeriousA11yViolations(page, "fagsystem delete dialog", "dialog[open]");
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Slett Visma Flyt Skole");
    await page.getByRole("button", { name: "Slett Visma Flyt Skole" }).click();
    await dialog.getByRole("button", { name: "Slett", exact: true }).click();
    await expect.poll(() => page.getByRole("rowheader", { name: "Visma Flyt Skole" }).count()).toBe(0);
    await page.getByTestId("systems-message").filter({ hasText: "Visma Flyt Skole er slettet." }).waitFor();
  });

  it("an administrator sees the reporting years, and the close and reopen dialogs pass axe", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "admin@demo.example", "/");
    await page.getByRole("button", { name: "Administrasjon" }).click();
    await page.getByRole("link", { name: "Rapporteringsår" }).click();
    await page.getByRole("heading", { level: 1, name: "Rapporteringsår" }).waitFor();
    const table = page.getByTestId("years-table");
    await table.waitFor();
    expect(await table.getByRole("rowheader").allTextContents()).toEqual([
      "2025",
      "2024",
      "2023",
      "2022",
      "2021",
      "2020",
      "2019",
      "2018",
      "2017",
      "2016",
      "2015",
    ]);
    await expectNoSeriousA11yViolations(page, "reporting years");

    const dialog = page.getByRole("dialog");
    await page.getByRole("button", { name: "Steng 2015" }).click();
    await dialog.getByText(/Alle rapporter for 2015 låses/).waitFor();
    await expectNoSeriousA11yViolations(page, "close year dialog", "dialog[open]");
    await dialog.getByRole("button", { name: "Steng året" }).click();
    await page.getByTestId("years-message").filter({ hasText: "2015 er stengt." }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Åpne 2015 igjen");

    await page.getByRole("button", { name: "Åpne 2015 igjen" }).click();
    await dialog.getByRole("button", { name: "Åpne året" }).click();
    await dialog.getByText("Skriv en begrunnelse på minst 3 tegn.").waitFor();
    await expectNoSeriousA11yViolations(page, "reopen year dialog with error", "dialog[open]");
    await dialog.getByLabel("Begrunnelse").fill("Rettet lisenskostnader for Bergen");
    await dialog.getByRole("button", { name: "Åpne året" }).click();
    await page.getByTestId("years-message").filter({ hasText: "2015 er åpnet igjen." }).waitFor();
    await expectNoSeriousA11yViolations(page, "reporting years after reopening");

    // Publishing (issue 23): a date ahead is a scheduled release; withdrawing asks first.
    await page.getByRole("button", { name: "Publiser 2025" }).click();
    await dialog.getByLabel("Publiseringsdato").fill("2099-06-15");
    await expectNoSeriousA11yViolations(page, "publish year dialog", "dialog[open]");
    await dialog.getByRole("button", { name: "Lagre publiseringsdato" }).click();
    await page.getByTestId("years-message").filter({ hasText: "2025: Publiseres 15.06.2099." }).waitFor();
    await page.getByRole("button", { name: "Trekk tilbake publiseringen av 2025" }).click();
    await dialog.getByRole("button", { name: "Trekk tilbake" }).click();
    await page.getByTestId("years-message").filter({ hasText: "Publiseringen av 2025 er trukket tilbake." }).waitFor();
  });
});
