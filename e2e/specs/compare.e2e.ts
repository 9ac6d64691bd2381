import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

describe("head to head (issue 20)", () => {
  it("starts on the own municipality, adds one by keyboard in the combobox, and charts against the median and the country", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "finance.0301@demo.example", "/sammenlign");
    const table = page.getByTestId("compare-table");
    await table.getByRole("columnheader", { name: "Oslo" }).waitFor();
    expect(page.url()).toContain("kommuner=0301");
    await page.getByRole("heading", { level: 2, name: /^IKT-kostnad per innbygger, \d{4}$/ }).waitFor();
    await expectNoSeriousA11yViolations(page, "compare");

    const input = page.getByRole("combobox", { name: "Legg til kommune" });
    await input.focus();
    await page.keyboard.type("berg");
    await page.getByRole("option", { name: "Bergen 4601" }).waitFor();
    await expectNoSeriousA11yViolations(page, "compare, list open");
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("ArrowDown");
      const active = await input.getAttribute("aria-activedescendant");
      if (active && (await page.locator(`[id="${active}"]`).textContent()) === "Bergen 4601") break;
    }
    await page.keyboard.press("Enter");
    await table.getByRole("columnheader", { name: "Bergen" }).waitFor();
    expect(page.url()).toContain("kommuner=0301%2C4601");

    await page
      .locator("label")
      .filter({ has: page.getByRole("radio", { name: "Tabell" }) })
      .click();
    const twin = page.getByRole("table", { name: /^IKT-kostnad per innbygger, \d{4}$/ });
    await twin.getByRole("rowheader", { name: "Landet" }).waitFor();
    await twin.getByRole("rowheader", { name: /^Median i gruppen/ }).waitFor();
    await expectNoSeriousA11yViolations(page, "compare, table twin");

    // On a phone the table and the chart stack, and the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
