import { mkdirSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

describe("the map (issue 24)", () => {
  it("draws 357 municipalities with Trondheim outlined, moves focus through them by keyboard, and is clean under axe", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await signIn(page, browser.baseUrl, "manager.5001@demo.example", "/kommune/5001/indikator/K1?year=2024&peers=county");
    const map = page.locator("svg.municipality-map");
    // The map is drawn once it comes near the screen (issue 21): its frame is there from the start.
    await page.locator(".municipality-map__frame").scrollIntoViewIfNeeded();
    await expect.poll(() => map.getAttribute("data-drawn"), { timeout: 20_000 }).toMatch(/^K1\|2024\|municipality\|/);
    expect(await map.locator("a[data-number]").count()).toBe(357);
    // Every municipality is drawn with an area, and Trondheim's outline lies over its shape.
    const empty = await map.locator("a[data-number] path").evaluateAll(
      (paths) =>
        paths.filter((p) => {
          const box = (p as SVGPathElement).getBBox();
          return box.width === 0 || box.height === 0;
        }).length,
    );
    expect(empty).toBe(0);
    const outline = map.locator('[data-own-outline="5001"] path').last();
    expect(await outline.getAttribute("stroke")).toBe("#000000");
    expect(Number(await outline.getAttribute("stroke-width"))).toBeGreaterThanOrEqual(2);
    await page
      .getByTestId("figure-sentence")
      .filter({ hasText: /^Trondheim bruker / })
      .waitFor();
    await page.getByText("Kartgrunnlag: Kartverket (CC BY 4.0)").waitFor();
    await expectNoSeriousA11yViolations(page, "map");

    // One tab stop on the map, at Trondheim; the arrow keys move on, and the name and value follow.
    const own = map.locator('a[data-number="5001"]');
    await own.focus();
    await expect.poll(() => page.getByTestId("map-info").textContent()).toMatch(/^Trondheim: /);
    const visited = new Set<string>(["5001"]);
    for (const key of ["ArrowDown", "ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft"]) {
      await page.keyboard.press(key);
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-number") ?? null);
      expect(focused).not.toBeNull();
      visited.add(focused ?? "");
      expect(await page.getByTestId("map-info").textContent()).toMatch(/^[^:]+: /);
    }
    expect(visited.size).toBeGreaterThanOrEqual(4);
    expect(await map.locator('a[data-number][tabindex="0"]').count()).toBe(1);

    mkdirSync("artifacts", { recursive: true });
    await page.getByRole("region", { name: /^Kart: / }).screenshot({ path: "artifacts/map.png" });

    // Enter opens the focused municipality's page.
    const target = await page.evaluate(() => document.activeElement?.getAttribute("data-number"));
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/kommune/${target}/indikator/K1**`);
  });

  it("zooms to a county and shows the counties, each clean under axe", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example", "/sektor?year=2024");
    const map = page.locator("svg.municipality-map");
    // The map is drawn once it comes near the screen (issue 21): its frame is there from the start.
    await page.locator(".municipality-map__frame").scrollIntoViewIfNeeded();
    await expect.poll(() => map.getAttribute("data-drawn"), { timeout: 20_000 }).toMatch(/^K1\|2024\|municipality\|/);
    expect(await map.locator("a[data-number]").count()).toBe(357);
    await page.getByLabel("Zoom til fylke").selectOption({ label: "Trøndelag" });
    await expect.poll(() => map.getAttribute("data-drawn")).toMatch(/\|50\|/);
    const numbers = await map.locator("a[data-number]").evaluateAll((units) => units.map((u) => u.getAttribute("data-number") ?? ""));
    expect(numbers.length).toBeGreaterThan(30);
    expect(numbers.every((n) => n.startsWith("50"))).toBe(true);
    await page.locator("#map-level").selectOption("county");
    await expect.poll(() => map.getAttribute("data-drawn")).toMatch(/\|county\|/);
    expect(await map.locator('[role="button"][data-number]').count()).toBe(15);
    await expectNoSeriousA11yViolations(page, "map, counties");
  });
});
