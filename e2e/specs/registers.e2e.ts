import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

describe("fagsystemer and reporting years", () => {
  it("finance adds a fagsystem; the page and its dialog pass axe", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "finance.0301@demo.example", "/kommune/0301/fagsystemer");
    await page.getByTestId("systems-table").waitFor();
    await page.getByLabel("Navn", { exact: true }).fill("Visma Flyt Skole");
    await page.getByLabel("Klasse").selectOption("schoolChildhood");
    await page.getByRole("button", { name: "Legg til" }).click();
    await page.getByTestId("systems-message").filter({ hasText: "Visma Flyt Skole er lagret." }).waitFor();
    await expectNoSeriousA11yViolations(page, "fagsystem register");
    await page.getByRole("button", { name: "Slett Visma Flyt Skole" }).click();
    await page.getByRole("dialog").waitFor();
    await expectNoSeriousA11yViolations(page, "fagsystem delete dialog");
    await page.getByRole("dialog").getByRole("button", { name: "Slett" }).click();
    await expect.poll(() => page.getByRole("rowheader", { name: "Visma Flyt Skole" }).count()).toBe(0);
  });

  it("an administrator sees the reporting years; the page passes axe", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "admin@demo.example", "/");
    await page.getByRole("link", { name: "Rapporteringsår" }).click();
    await page.getByTestId("years-table").waitFor();
    expect(await page.getByRole("rowheader").count()).toBe(11);
    await expectNoSeriousA11yViolations(page, "reporting years");
  });
});
