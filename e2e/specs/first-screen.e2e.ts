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

// ADR 041: a signed-in user's main pages come drawn by the server; the app takes them over as they stand
// (hydration), under the real Content-Security-Policy, without drawing them anew or any error.
describe("the main pages drawn by the server", () => {
  const PAGES = [
    ["/", /Kommuner/],
    ["/kommune/5001", /Trondheim/],
    ["/kommune/5001/profil", /Trondheim/],
    ["/kommune/5001/indikator/K1", /Trondheim/],
    ["/sektor", /Sektoren/],
  ] as const;

  it("paints each page's heading from the HTML, before any script, and the app keeps that very heading", { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ enforceCsp: true });
    await signIn(page, browser.baseUrl, "board@demo.example");
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    for (const [path, heading] of PAGES) {
      // The app's scripts wait until the heading has been marked: what the browser shows then is the server's HTML.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\/assets\/main-[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${browser.baseUrl}${path}`, { waitUntil: "domcontentloaded" });
      const h1 = page.getByRole("heading", { level: 1, name: heading });
      await h1.waitFor();
      expect(await page.locator("#root").getAttribute("data-drawn"), path).toBe("nb");
      await h1.evaluate((element) => element.setAttribute("data-seen-before-scripts", ""));
      release();
      // Taken over: the controls answer again, and the heading is the same element, not one drawn anew.
      await page.locator("#root:not([data-drawn])").waitFor({ timeout: 60_000 });
      expect(await page.locator("h1[data-seen-before-scripts]").count(), path).toBe(1);
      await page.unroute(/\/assets\/main-[\w-]+\.js$/);
    }
    expect(errors).toEqual([]);
  });

  it("sends the shell to a page the server does not draw, and a drawn page in the account's language", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example");
    const html = async (path: string) => (await page.request.get(`${browser.baseUrl}${path}`)).text();
    const chooseLanguage = async (language: string) =>
      expect(
        (
          await page.request.post(`${browser.baseUrl}/trpc/auth.setLanguage`, {
            headers: { "content-type": "application/json", "x-malestokk-csrf": "1" },
            data: { language },
          })
        ).status(),
      ).toBe(200);
    expect(await html("/admin/logg")).not.toContain("data-drawn");
    // Without a session: the shell and the sign-in form, nothing drawn.
    const anonymous = await (await fetch(`${browser.baseUrl}/sektor`)).text();
    expect(anonymous).not.toContain("data-drawn");
    expect(anonymous).toContain("sign-in");
    // Other specs share this account: the language is set here, and set back to the one they use.
    await chooseLanguage("en");
    try {
      const sector = await html("/sektor");
      expect(sector).toContain('<div id="root" data-drawn="en">');
      expect(sector).toContain("The sector");
    } finally {
      await chooseLanguage("nb");
    }
  });
});
