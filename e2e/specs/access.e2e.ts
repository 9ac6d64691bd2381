import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

async function k1Cell(page: Page, year: number): Promise<string> {
  // Scoped to the K1 table: the page has other tables with a row per year (population).
  const table = page.getByRole("table", { name: /IKT-kostnad per innbygger|IT cost per inhabitant/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(year), exact: true }) });
  return ((await row.getByRole("cell").first().textContent()) ?? "").replace(/\s/g, " ");
}

async function apiStatus(page: Page, path: string, input: unknown): Promise<number> {
  return page.evaluate(async ([p, i]) => (await fetch(`/trpc/${p}?input=${encodeURIComponent(JSON.stringify(i))}`)).status, [
    path,
    input,
  ] as const);
}

describe("access", () => {
  it("opens the accessibility page from the sign-in page's footer, without signing in", async () => {
    const page = await browser.newPage();
    await page.goto(`${browser.baseUrl}/`);
    await page.getByRole("contentinfo").getByRole("link", { name: "Tilgjengelighet" }).click();
    await page.getByRole("heading", { level: 1, name: "Tilgjengelighet i Målestokk" }).waitFor();
    await expectNoSeriousA11yViolations(page, "accessibility page");
  });

  it("shows an anonymous visitor only the sign-in page, and the API answers 401", async () => {
    const page = await browser.newPage();
    await page.goto(`${browser.baseUrl}/kommune/0301`);
    await page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    await page.getByTestId("demo-accounts").waitFor();
    expect(await page.getByRole("heading", { name: "Oslo" }).count()).toBe(0);
    expect(await apiStatus(page, "municipalities.list", undefined)).toBe(401);
    await expectNoSeriousA11yViolations(page, "sign-in page");

    await page.getByLabel("E-post").fill("board@demo.example");
    await page.getByLabel("Passord").fill("wrong password");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.getByText("Feil e-post eller passord.").waitFor();
    await expectNoSeriousA11yViolations(page, "sign-in error");
  });

  it("keeps a draft of municipality A from finance of municipality B, in the UI and the API", async () => {
    const a = await browser.newPage();
    await signIn(a, browser.baseUrl, "manager.0301@demo.example", "/kommune/0301?k1View=table");
    await a.getByRole("table", { name: /IKT-kostnad per innbygger, Oslo/ }).waitFor();
    const approved = await k1Cell(a, 2024);
    await a.goto(`${browser.baseUrl}/kommune/0301/kostnader/2024`);
    await a.getByRole("button", { name: "Send tilbake" }).click();
    await a.getByLabel("Kommentar til økonomi").fill("Ta med skolenes lisenser");
    await a.getByRole("dialog").getByRole("button", { name: "Send tilbake" }).click();
    await a.getByTestId("report-returned").waitFor();
    const financeA = await browser.newPage();
    await signIn(financeA, browser.baseUrl, "finance.0301@demo.example", "/kommune/0301/kostnader/2024");
    await financeA.getByLabel("Beløp (kr), linje 1", { exact: true }).fill("3 600 000 000");
    await financeA.getByRole("button", { name: "Lagre utkast" }).click();
    await financeA.getByTestId("report-message").filter({ hasText: "Lagret." }).waitFor();
    await financeA.goto(`${browser.baseUrl}/kommune/0301?k1View=table`);
    await expect.poll(() => k1Cell(financeA, 2024)).toMatch(/\(utkast\)$/);

    const b = await browser.newPage();
    await signIn(b, browser.baseUrl, "finance.5001@demo.example", "/kommune/0301?k1View=table");
    await b.getByRole("table", { name: /IKT-kostnad per innbygger, Oslo/ }).waitFor();
    // B never sees A's draft; while it is corrected, B keeps the last approved figure, marked so (issue 20, point 2).
    expect(await k1Cell(b, 2024)).toBe(`${approved} (under retting)`);
    expect(await k1Cell(b, 2023)).not.toBe("Mangler");
    expect(approved).not.toBe("Mangler");
    await b.getByTestId("cost-no-access").waitFor();
    await b.goto(`${browser.baseUrl}/kommune/0301/kostnader/2024`);
    await b.getByTestId("cost-no-access").waitFor();
    expect(await b.getByTestId("cost-lines").count()).toBe(0);

    // Directly through the API: the cost figures are refused, and Oslo's 2024 value is the approved one, not the draft.
    expect(await apiStatus(b, "costs.list", { municipalityNumber: "0301" })).toBe(403);
    const series = await b.evaluate(async () => {
      const res = await fetch(
        `/trpc/benchmarks.series?input=${encodeURIComponent(JSON.stringify({ indicatorCode: "K1", municipalityNumber: "0301" }))}`,
      );
      return (
        (await res.json()) as {
          result: { data: { points: { year: number; own: { value: number; isUnderCorrection?: boolean } | null }[] } };
        }
      ).result.data.points;
    });
    const own2024 = series.find((p) => p.year === 2024)?.own;
    expect(own2024?.isUnderCorrection).toBe(true);
    expect(Math.round(own2024?.value ?? 0)).toBe(Number(approved.replace(/[^0-9]/g, "")));
    const save = await b.evaluate(async () => {
      const res = await fetch("/trpc/costs.save", {
        method: "POST",
        headers: { "content-type": "application/json", "x-malestokk-csrf": "1" },
        body: JSON.stringify({
          municipalityNumber: "0301",
          year: 2024,
          expectedVersion: 3,
          lines: [],
          itUserAccounts: null,
          employeesFte: null,
          populationOverride: null,
          grossOperatingExpenditureOverride: null,
          warningComments: {},
        }),
      });
      return res.status;
    });
    expect(save).toBe(403);
  });

  it("works under its own Content-Security-Policy, with no violation reported", async () => {
    const page = await browser.newPage({ enforceCsp: true });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`Refused to load: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(`${browser.baseUrl}/`);
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await signIn(page, browser.baseUrl, "admin@demo.example", "/kommune/1103");
    await page.locator(".recharts-surface").first().waitFor();
    // The cost report page computes totals and checks in the browser: no eval may be attempted for it.
    await page.goto(`${browser.baseUrl}/kommune/1103/kostnader/2022`);
    await page.getByRole("button", { name: "Send tilbake" }).click();
    await page.getByLabel("Kommentar til økonomi").fill("Rett tallene");
    await page.getByRole("dialog").getByRole("button", { name: "Send tilbake" }).click();
    await page.getByLabel("Beløp (kr), linje 1", { exact: true }).fill("450 000 000");
    await page.getByRole("button", { name: "Lagre utkast" }).click();
    await page.getByTestId("report-message").filter({ hasText: "Lagret." }).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 2, name: "Cost lines" }).waitFor();
    expect(violations).toEqual([]);
    // The choice is kept on the account (issue 22): other specs expect this user in bokmål.
    await page.getByRole("button", { name: "Bokmål" }).click();
    await page.getByRole("heading", { level: 2, name: "Kostnadslinjer" }).waitFor();
  });

  it("has an account page and signs out", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "manager.5001@demo.example", "/konto");
    await page.getByRole("heading", { level: 1, name: "Min konto" }).waitFor();
    await expectNoSeriousA11yViolations(page, "account page");
    await page.getByRole("button", { name: "Logg ut", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    expect(await apiStatus(page, "auth.me", undefined)).toBe(200);
    expect(await apiStatus(page, "municipalities.list", undefined)).toBe(401);
  });
});
