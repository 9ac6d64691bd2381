import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

describe("municipality list", () => {
  it("opens in bokmål, lists 357 municipalities, searches and opens one", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example");
    await page.getByText("357 kommuner").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("nb");
    await expect.poll(() => page.getByTestId("demo-banner").isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page, "list");

    await page.getByLabel("Søk etter kommune").fill("5001");
    await page.getByText("1 kommune", { exact: true }).waitFor();
    expect(page.url()).toContain("q=5001");
    await expectNoSeriousA11yViolations(page, "list, filtered");

    await page.getByRole("link", { name: "Trondheim" }).click();
    await page.getByRole("heading", { level: 1, name: "Trondheim" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/kommune/5001");
  });

  it("shows an empty search result with advice", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example", "/?q=xyzzy");
    await page.getByText(/Ingen kommuner passer til «xyzzy»/).waitFor();
    await expectNoSeriousA11yViolations(page, "empty search");
  });

  it("remembers English after a reload", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Municipalities" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Municipalities" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expectNoSeriousA11yViolations(page, "list in English");
  });

  it("has a not-found page", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example", "/finnes/ikke");
    await page.getByRole("heading", { level: 1, name: "Fant ikke siden" }).waitFor();
    await expectNoSeriousA11yViolations(page, "not found");
    await page.goto(`${browser.baseUrl}/kommune/9999`);
    await page.getByText("Fant ingen kommune med nummer 9999.").waitFor();
    await expectNoSeriousA11yViolations(page, "unknown municipality");
  });
});
