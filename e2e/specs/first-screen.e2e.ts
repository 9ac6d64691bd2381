import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

/** The tRPC procedures the page asks for from now on (a batch names each of its calls). */
function recordQueries(page: Page): string[] {
  const asked: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/trpc/")) asked.push(...url.pathname.slice("/trpc/".length).split(","));
  });
  return asked;
}

// ADR 034: the server sends a signed-in user's page with its first queries' answers; the page draws its
// first screen from them, under the app's real Content-Security-Policy, without asking for them again.
describe("the first screen from the page's own data", () => {
  it("draws the profile and the sector dashboard without asking for what the page brought", { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ enforceCsp: true });
    await signIn(page, browser.baseUrl, "board@demo.example");
    const asked = recordQueries(page);
    await page.goto(`${browser.baseUrl}/kommune/5001/profil`);
    await page.getByRole("heading", { level: 1, name: /Trondheim/ }).waitFor();
    // The figures are the page's own request (ADR 034), which a loaded machine answers slowly.
    await page.getByRole("table").first().waitFor({ timeout: 60_000 });
    expect(asked.filter((path) => ["municipalities.get", "years.list"].includes(path))).toEqual([]);

    await page.goto(`${browser.baseUrl}/sektor`);
    // The heading names the year the dashboard's answer gives: it is drawn from that answer.
    await page.getByTestId("headline-tiles").waitFor();
    expect(asked).not.toContain("sector.dashboard");
  });

  it("draws the indicator page without asking for what the page brought, and passes axe", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example");
    const asked = recordQueries(page);
    await page.goto(`${browser.baseUrl}/kommune/5001/indikator/K1?year=2024`);
    await page.getByRole("heading", { level: 1, name: /Trondheim/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: /Definisjon/ }).waitFor();
    expect(asked.filter((path) => ["municipalities.get", "years.list"].includes(path))).toEqual([]);
    // The JSON block is read once and removed: nothing of it stays in the document.
    expect(await page.locator("#malestokk-bootstrap").count()).toBe(0);
    await expectNoSeriousA11yViolations(page, "indicator page from the page's own data");
  });
});
