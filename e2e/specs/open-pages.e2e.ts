import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();
// A report no other spec touches: Stavanger's approved 2024 cost report, of a published year.
const REPORT = "/kommune/1103/kostnader/2024";

async function confirmIn(page: Page, name: string) {
  await page.getByRole("dialog").getByRole("button", { name }).click();
}

/** Today in Norway as the open pages write a date (the day a correction approved now revises a value). */
function osloToday(): string {
  return new Intl.DateTimeFormat("nb-NO", { timeZone: "Europe/Oslo", day: "2-digit", month: "2-digit", year: "numeric" }).format(
    new Date(),
  );
}

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
    // The administrator's setting (by default NLOD 2.0, attributed to Målestokk), as the API states it.
    const licence = page.getByTestId("open-licence");
    expect(await licence.textContent()).toBe("Lisens: Norsk lisens for offentlige data (NLOD 2.0). Oppgi kilden slik: «Kilde: Målestokk».");
    expect(await licence.getByRole("link").getAttribute("href")).toBe("https://data.norge.no/nlod/no/2.0");
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

  it("shows a value corrected after publication as revised, with the earlier value behind a disclosure", async () => {
    // The manager sends the approved report back; finance raises line 1 by 3 million kroner and submits; the manager approves.
    const manager = await browser.newPage();
    await signIn(manager, browser.baseUrl, "manager.1103@demo.example", REPORT);
    await manager.getByRole("button", { name: "Send tilbake" }).click();
    await manager.getByLabel("Kommentar til økonomi").fill("Rett lisenskostnadene");
    await confirmIn(manager, "Send tilbake");
    await manager.getByTestId("report-returned").waitFor();

    const finance = await browser.newPage();
    await signIn(finance, browser.baseUrl, "finance.1103@demo.example", REPORT);
    await finance.getByTestId("report-returned").waitFor();
    const amount = finance.getByLabel("Beløp (kr), linje 1", { exact: true });
    const before = Number(((await amount.inputValue()) || "0").replace(/\D/g, ""));
    await amount.fill(String(before + 3_000_000));
    await finance.getByRole("button", { name: "Lagre utkast" }).click();
    await finance.getByTestId("report-message").filter({ hasText: "Lagret." }).waitFor();
    // Any plausibility warning needs an explanation before submitting.
    const explanations = finance.getByLabel("Forklaring");
    if ((await explanations.count()) > 0) {
      for (const field of await explanations.all()) await field.fill("Lisenser manglet");
      await finance.getByRole("button", { name: "Lagre utkast" }).click();
      await finance.getByTestId("report-message").filter({ hasText: "Lagret." }).waitFor();
    }
    await finance.getByRole("button", { name: "Send inn" }).click();
    await confirmIn(finance, "Send inn");
    await expect.poll(() => finance.getByTestId("report-status").textContent()).toBe("Sendt inn");
    await manager.reload();
    await manager.getByRole("button", { name: "Godkjenn" }).click();
    await confirmIn(manager, "Godkjenn");
    await expect.poll(() => manager.getByTestId("report-status").textContent()).toBe("Godkjent");

    // Anyone now reads the new value, marked revised today, and can open the one published before.
    const page = await browser.newPage();
    await page.goto(`${browser.baseUrl}/apne-data/kommune/1103`);
    const table = page.getByTestId("open-municipality-table");
    await table.waitFor();
    const k1 = table.getByRole("row").filter({ has: page.getByRole("link", { name: /^K1 / }) });
    const revision = k1.getByTestId("open-revision");
    const summary = revision.locator("summary");
    expect(await summary.textContent()).toBe(`revidert ${osloToday()} – vis tidligere verdier`);
    await summary.focus();
    await page.keyboard.press("Enter");
    const earlier = revision.getByRole("listitem");
    await earlier.first().waitFor();
    expect(await earlier.count()).toBe(1);
    const text = ((await earlier.first().textContent()) ?? "").replace(/\s/g, " ");
    expect(text).toMatch(/^[\d ]+ kr fram til /);
    expect(text.endsWith(osloToday())).toBe(true);
    await expectNoSeriousA11yViolations(page, "municipality, a revised value opened");
  });

  it("draws the published year's map of an indicator for an anonymous visitor, 357 municipalities, clean under axe (issue 24)", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`${browser.baseUrl}/apne-data/indikator/K1?aar=2024`);
    const map = page.locator("svg.municipality-map");
    // The map comes after the values, with its own figures and chunk.
    await page.locator(".municipality-map__frame").waitFor({ state: "attached", timeout: 30_000 });
    // The map is drawn once it comes near the screen (issue 21): its frame is there from the start.
    await page.locator(".municipality-map__frame").scrollIntoViewIfNeeded();
    await expect.poll(() => map.getAttribute("data-drawn"), { timeout: 20_000 }).toMatch(/^K1\|2024\|municipality\|/);
    expect(await map.locator("a[data-number]").count()).toBe(357);
    expect(await map.locator('a[data-number="5001"]').getAttribute("href")).toBe("/apne-data/kommune/5001");
    await page.getByText("Kartgrunnlag: Kartverket (CC BY 4.0)").waitFor();
    await expectNoSeriousA11yViolations(page, "open indicator, map");
  });
});
