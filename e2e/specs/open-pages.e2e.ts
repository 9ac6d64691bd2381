import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, useBrowser } from "../support/browser";

const browser = useBrowser();

// The demo publishes 2015–2024, each on 15 June of the year after; 2025 is still being reported (docs/open-data.md#demo).
describe("open pages (issue 23, point 4)", () => {
  it("takes an anonymous visitor from the sign-in page to an indicator's and a municipality's published figures, no unpublished year in sight", async () => {
    const page = await browser.newPage();
    await page.goto(`${browser.baseUrl}/`);
    await page.getByRole("link", { name: "Se publiserte tall uten å logge inn" }).click();
    await page.getByRole("heading", { level: 1, name: "Åpne data" }).waitFor();
    await expectNoSeriousA11yViolations(page, "open data index");

    await page.getByRole("link", { name: /^K1 / }).click();
    await page.getByTestId("open-indicator-table").waitFor();
    expect(new URL(page.url()).pathname).toBe("/apne-data/indikator/K1");
    const years = await page.getByLabel("Velg år").locator("option").allTextContents();
    expect(years).toContain("2024");
    expect(years).not.toContain("2025");
    expect(await page.getByTestId("open-published").textContent()).toBe("2024: Publisert 15.06.2025");
    await expectNoSeriousA11yViolations(page, "indicator, chart");
    await page
      .locator("label")
      .filter({ has: page.getByRole("radio", { name: "Tabell" }) })
      // The statistics chart's: the map below it has a table twin too.
      .first()
      .click();
    await page.getByRole("table", { name: "Statistikk for kommunene per publisert år" }).waitFor();
    await expectNoSeriousA11yViolations(page, "indicator, table");

    await page.getByTestId("open-indicator-table").getByRole("link", { name: "Trondheim" }).click();
    await page.getByRole("heading", { level: 1, name: "Trondheim: publiserte tall" }).waitFor();
    const headers = await page.getByTestId("open-municipality-table").getByRole("columnheader").allTextContents();
    expect(headers).toContain("2024");
    expect(headers).not.toContain("2025");
    expect(await page.getByTestId("open-licence").textContent()).toContain("NLOD 2.0");
    await page.getByTestId("open-demo").waitFor();
    await expectNoSeriousA11yViolations(page, "municipality");
  });

  it("fits a phone at 390 px and stays clean under axe", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/apne-data/kommune/0301", "/apne-data/indikator/K1"]) {
      await page.goto(`${browser.baseUrl}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.getByRole("table").first().waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoSeriousA11yViolations(page, `${path} at 390 px`);
    }
  });

  it("draws the published year's map of an indicator for an anonymous visitor, 357 municipalities, clean under axe (issue 24)", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`${browser.baseUrl}/apne-data/indikator/K1?aar=2024`);
    const map = page.locator("svg.municipality-map");
    // The map comes after the values, with its own figures and chunk.
    await map.waitFor({ state: "attached", timeout: 30_000 });
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.getAttribute("data-drawn"), { timeout: 20_000 }).toMatch(/^K1\|2024\|municipality\|/);
    expect(await map.locator("a[data-number]").count()).toBe(357);
    expect(await map.locator('a[data-number="5001"]').getAttribute("href")).toBe("/apne-data/kommune/5001");
    await page.getByText("Kartgrunnlag: Kartverket (CC BY 4.0)").waitFor();
    await expectNoSeriousA11yViolations(page, "open indicator, map");
  });
});
