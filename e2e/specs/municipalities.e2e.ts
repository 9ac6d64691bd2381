import { describe, expect, it } from "vitest";

import nn from "../../apps/web/src/locales/nn.json";
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
    // The choice is kept on the account (issue 22): give the next spec the bokmål it expects.
    await page.getByRole("button", { name: "Bokmål" }).click();
    await page.getByRole("heading", { level: 1, name: "Kommuner" }).waitFor();
  });

  it("walks the list, a municipality and its page in nynorsk, chosen through the switch, clean under axe (issue 22)", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example");
    await page.getByText("357 kommuner").waitFor();
    await page.getByRole("button", { name: "Nynorsk" }).click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("nn");
    await page.getByRole("heading", { level: 1, name: nn.municipalities.title }).waitFor();
    await expectNoSeriousA11yViolations(page, "list in nynorsk");

    await page.getByLabel(nn.municipalities.search).fill("4621");
    await page.getByRole("link", { name: "Voss" }).click();
    await page.getByRole("heading", { level: 1, name: "Voss" }).waitFor();
    await page.getByTestId("written-standard").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("nn");
    await expectNoSeriousA11yViolations(page, "municipality in nynorsk");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Voss" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("nn");
    // The choice is kept on the account: give the next spec the bokmål it expects.
    await page.getByRole("button", { name: "Bokmål" }).click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("nb");
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
