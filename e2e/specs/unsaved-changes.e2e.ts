import type { Dialog } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();
// Trondheim's maturity self-assessment of 2020 is not started (the demo's begin in 2021); nothing here is saved.
const REPORT = "/kommune/5001/modenhet/2020";
const USER = "manager.5001@demo.example";

describe("a form with unsaved changes, in Chromium (issue 18)", () => {
  it("asks before in-app navigation with the app's dialog, and before reloading or closing the tab with the browser's prompt", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, USER, REPORT);
    const comment = page.getByLabel("Kommentar", { exact: true }).first();
    await comment.click();
    await comment.fill("Godt i gang");

    // In the app: the confirm dialog, checked with axe; «Bli her» keeps the page and what was typed.
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Kommuner" }).click();
    const dialog = page.getByRole("dialog", { name: "Endringene er ikke lagret" });
    await dialog.getByText("Du har endringer som ikke er lagret. Vil du forlate siden?").waitFor();
    await expectNoSeriousA11yViolations(page, "leave dialog", "dialog[open]");
    await dialog.getByRole("button", { name: "Bli her" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(new URL(page.url()).pathname).toBe(REPORT);
    expect(await comment.inputValue()).toBe("Godt i gang");

    // Reloading: the browser asks; staying keeps the typing.
    const prompts: string[] = [];
    const answer = (accept: boolean) => (prompt: Dialog) => {
      prompts.push(prompt.type());
      void (accept ? prompt.accept() : prompt.dismiss());
    };
    page.once("dialog", answer(false));
    await page.evaluate(() => window.location.reload());
    await expect.poll(() => prompts).toEqual(["beforeunload"]);
    expect(await comment.inputValue()).toBe("Godt i gang");

    // Closing the tab: the browser asks again; leaving closes it.
    page.once("dialog", answer(true));
    const closed = page.waitForEvent("close");
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(prompts).toEqual(["beforeunload", "beforeunload"]);
  });

  it("lets the user go without asking while nothing is typed", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, USER, REPORT);
    await page.getByTestId("quality-missing").waitFor();
    // A click gives the page the user activation Chromium wants before it would ever ask.
    await page.getByRole("heading", { level: 1 }).click();
    const prompts: string[] = [];
    page.on("dialog", (prompt) => {
      prompts.push(prompt.type());
      void prompt.accept();
    });
    await page.reload();
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Kommuner" }).click();
    await page.waitForURL(`${browser.baseUrl}/kommuner`);
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(prompts).toEqual([]);
  });
});
