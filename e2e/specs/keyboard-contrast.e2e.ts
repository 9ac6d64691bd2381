import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { contrastRatio, NON_TEXT_CONTRAST } from "../../apps/web/src/lib/contrast";
import { E2E_PASSWORD } from "../support/global-setup";
import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

/** What has focus now: its tag, id, role, accessible text and whether it is checked. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      id: el?.id ?? "",
      text: el?.textContent?.trim() ?? "",
      label: el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent?.trim() ?? "") : "",
      checked: el instanceof HTMLInputElement ? el.checked : null,
      inErrors: el?.closest('[data-testid="sign-in-error"]') !== null,
    };
  });
}

/** Tabs forward until the element with `id` has focus, as a keyboard user would. */
async function tabTo(page: Page, id: string) {
  for (let i = 0; i < 40 && (await focused(page)).id !== id; i++) await page.keyboard.press("Tab");
  expect((await focused(page)).id).toBe(id);
}

/** Each chart's accessible name (as the accessibility tree has it) beside the heading of its block. */
async function chartNames(page: Page) {
  await page.locator('svg[role="application"]').first().waitFor();
  const blocks = await page.locator("section.chart-with-table").all();
  const pairs: { title: string; names: string[] }[] = [];
  for (const block of blocks) {
    // The map is named and walked by keyboard in map.e2e.ts; it has no recharts surface.
    if ((await block.locator(".municipality-map__frame").count()) > 0) continue;
    const title = ((await block.getByRole("heading", { level: 2 }).first().textContent()) ?? "").trim();
    const names: string[] = [];
    for (const svg of await block.locator('svg[role="application"]').all()) {
      const snapshot = await svg.ariaSnapshot();
      names.push(/application "([^"]*)"/.exec(snapshot)?.[1] ?? "");
    }
    pairs.push({ title, names });
  }
  return pairs;
}

/** Charts are drawn when they come near the screen (issue 21): brings each into view and waits for its drawing. */
async function drawEveryChart(page: Page) {
  const figures = page.locator("section.chart-with-table figure");
  await figures.first().waitFor();
  for (const figure of await figures.all()) {
    // The map has no recharts surface (map.e2e.ts walks it); whether its figure is in yet depends on its figures' answer.
    if ((await figure.locator(".municipality-map__frame").count()) > 0) continue;
    await figure.scrollIntoViewIfNeeded();
    await figure.locator('svg[role="application"]').waitFor();
  }
}

/** Each legend entry's swatch colour and text colour, with the background behind the legend. */
function legendColours(page: Page) {
  return page.evaluate(() => {
    const background = (el: Element | null): string => {
      for (let e = el; e; e = e.parentElement) {
        const colour = getComputedStyle(e).backgroundColor;
        if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") return colour;
      }
      return "rgb(255, 255, 255)";
    };
    return Array.from(document.querySelectorAll(".recharts-legend-item"), (item) => {
      const shape = item.querySelector("svg path, svg line, svg rect, svg circle");
      const swatch = shape ? ([getComputedStyle(shape).fill, getComputedStyle(shape).stroke].find((c) => c && c !== "none") ?? "") : "";
      const text = item.querySelector(".recharts-legend-item-text");
      return {
        label: text?.textContent?.trim() ?? "",
        swatch,
        text: text ? getComputedStyle(text).color : "",
        background: background(item),
      };
    });
  });
}

describe("keyboard, focus and contrast (issue 20, points 22–25 and 27)", () => {
  it("signs in by keyboard: the empty form names its fields and takes focus to the summary; then focus goes to the page's heading", async () => {
    const page = await browser.newPage();
    await page.goto(`${browser.baseUrl}/kommune/4601`);
    await page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    await tabTo(page, "sign-in-email");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).inErrors).toBe(true);
    expect(await page.getByLabel("E-post").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Passord").getAttribute("aria-invalid")).toBe("true");
    await expectNoSeriousA11yViolations(page, "sign-in with errors");

    await tabTo(page, "sign-in-email");
    await page.keyboard.type("finance.4601@demo.example");
    await page.keyboard.press("Tab");
    expect((await focused(page)).id).toBe("sign-in-password");
    await page.keyboard.type(E2E_PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Bergen" }).waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe("h1");
    expect((await focused(page)).text).toBe("Bergen");
    expect(await page.getByTestId("route-announcer").textContent()).toContain("Bergen");
  });

  it("switches Diagram/Tabell with the arrow keys, as a radio group does", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "finance.4601@demo.example", "/kommune/4601?year=2024");
    const k1 = page
      .locator("section.chart-with-table")
      .filter({ has: page.getByRole("heading", { level: 2, name: "IKT-kostnad per innbygger" }) });
    await k1.locator('svg[role="application"]').waitFor();
    // Into the switch from the control before it, by keyboard.
    await k1.getByRole("heading", { level: 2 }).evaluate((h) => {
      h.setAttribute("tabindex", "-1");
      (h as HTMLElement).focus();
    });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ label: "Diagram", checked: true });
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => focused(page)).toMatchObject({ label: "Tabell", checked: true });
    await k1.getByRole("table").waitFor();
    expect(page.url()).toContain("k1View=table");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => focused(page)).toMatchObject({ label: "Diagram", checked: true });
    await k1.locator('svg[role="application"]').waitFor();
  });

  it("names every focusable chart by its title, keeps legends at 3:1 and is clean with a tooltip open", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "finance.4601@demo.example", "/kommune/4601/indikator/K1?year=2024");
    await drawEveryChart(page);
    await page.locator(".recharts-legend-item").first().waitFor();
    const names = await chartNames(page);
    expect(names.length).toBeGreaterThan(1);
    for (const { title, names: chart } of names) expect(chart, title).toEqual([title]);

    const legends = await legendColours(page);
    expect(legends.length).toBeGreaterThan(1);
    for (const entry of legends) {
      expect(contrastRatio(entry.swatch, entry.background), `${entry.label}: swatch ${entry.swatch}`).toBeGreaterThanOrEqual(
        NON_TEXT_CONTRAST,
      );
      expect(contrastRatio(entry.text, entry.background), `${entry.label}: text ${entry.text}`).toBeGreaterThanOrEqual(4.5);
    }

    // A tooltip opened from the keyboard on the series chart: its text and frame are checked with the rest.
    const series = page
      .locator("section.chart-with-table")
      .filter({ has: page.getByRole("heading", { level: 2, name: "Utvikling over tid" }) });
    await series.locator('svg[role="application"]').focus();
    await page.keyboard.press("ArrowRight");
    const tooltip = series.locator(".recharts-default-tooltip").filter({ hasText: /\S/ }).first();
    await tooltip.waitFor();
    await expectNoSeriousA11yViolations(page, "indicator page, tooltip open");
    const frame = await tooltip.evaluate((el) => ({
      border: getComputedStyle(el).borderTopColor,
      background: getComputedStyle(el).backgroundColor,
    }));
    expect(contrastRatio(frame.border, frame.background)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
  });

  it("keeps the sector portfolio's legend at 3:1 and names its chart", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example", "/sektor/gevinster");
    await page.locator(".recharts-legend-item").first().waitFor();
    for (const { title, names } of await chartNames(page)) expect(names, title).toEqual([title]);
    for (const entry of await legendColours(page)) {
      expect(contrastRatio(entry.swatch, entry.background), `${entry.label}: swatch ${entry.swatch}`).toBeGreaterThanOrEqual(
        NON_TEXT_CONTRAST,
      );
    }
    await expectNoSeriousA11yViolations(page, "sector portfolio");
  });
});

describe("read-only form values (issue 20, point 27)", () => {
  it("shows an approved report's answers undimmed, with text at 4.5:1", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "manager.4601@demo.example", "/kommune/4601/tjenester/2024");
    await page.getByRole("heading", { level: 1, name: "Digitaliseringsgrad 2024 – Bergen" }).waitFor();
    const select = page.locator("select.ds-input:disabled").first();
    await select.waitFor();
    const seen = await select.evaluate((el) => {
      let opacity = 1;
      let background = "";
      for (let e: Element | null = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        opacity *= Number(style.opacity);
        if (!background && style.backgroundColor !== "rgba(0, 0, 0, 0)") background = style.backgroundColor;
      }
      return { opacity, colour: getComputedStyle(el).color, background: background || "rgb(255, 255, 255)" };
    });
    expect(seen.opacity).toBe(1);
    expect(contrastRatio(seen.colour, seen.background)).toBeGreaterThanOrEqual(4.5);
  });
});
