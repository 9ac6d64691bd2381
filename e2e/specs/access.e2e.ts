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
  return page.evaluate(
    async ([p, i]) => (await fetch(`/trpc/${p}?input=${encodeURIComponent(JSON.stringify(i))}`)).status,
    [path, input] as const,
  );
}

describe("access", () => {
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
    await signIn(a, browser.baseUrl, "finance.0301@demo.example", "/kommune/0301?year=2024&k1View=table");
    await a.getByRole("table", { name: /IKT-kostnad per innbygger, Oslo/ }).waitFor();
    const approved = await k1Cell(a, 2024);
    await a.getByLabel("Samlede IKT-kostnader (kr)").fill("3 600 000 000");
    await a.getByRole("button", { name: "Lagre" }).click();
    await a.getByTestId("cost-saved").waitFor();
    await expect.poll(() => k1Cell(a, 2024)).toMatch(/\(utkast\)$/);

    const b = await browser.newPage();
    await signIn(b, browser.baseUrl, "finance.5001@demo.example", "/kommune/0301?k1View=table");
    await b.getByRole("table", { name: /IKT-kostnad per innbygger, Oslo/ }).waitFor();
    expect(await k1Cell(b, 2024)).toBe("Mangler");
    expect(await k1Cell(b, 2023)).not.toBe("Mangler");
    expect(approved).not.toBe("Mangler");
    await b.getByTestId("cost-no-access").waitFor();
    expect(await b.getByLabel("Samlede IKT-kostnader (kr)").count()).toBe(0);

    // Directly through the API: the cost figures are refused, and the series has no Oslo 2024 value.
    expect(await apiStatus(b, "costs.list", { municipalityNumber: "0301" })).toBe(403);
    const series = await b.evaluate(async () => {
      const res = await fetch(`/trpc/benchmarks.series?input=${encodeURIComponent(JSON.stringify({ indicatorCode: "K1", municipalityNumber: "0301" }))}`);
      return ((await res.json()) as { result: { data: { points: { year: number; own: unknown }[] } } }).result.data.points;
    });
    expect(series.find((p) => p.year === 2024)?.own).toBeNull();
    const save = await b.evaluate(async () => {
      const res = await fetch("/trpc/costs.saveTotal", {
        method: "POST",
        headers: { "content-type": "application/json", "x-malestokk-csrf": "1" },
        body: JSON.stringify({ municipalityNumber: "0301", year: 2024, totalItCost: 1, expectedVersion: 2 }),
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
    await signIn(page, browser.baseUrl, "finance.1103@demo.example", "/kommune/1103");
    await page.locator(".recharts-surface").first().waitFor();
    // A save parses the form with zod in the browser: no eval may be attempted for it.
    await page.getByLabel("Samlede IKT-kostnader (kr)").fill("450 000 000");
    await page.getByRole("button", { name: "Lagre" }).click();
    await page.getByTestId("cost-saved").waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 2, name: "IT cost per inhabitant" }).waitFor();
    expect(violations).toEqual([]);
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
