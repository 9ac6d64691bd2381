import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

describe("«Min kommune», the start page of a municipal user (issue 20, point 11)", () => {
  it("lands the demo finance user on their municipality with what awaits them; the full list is one click away", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "finance.5001@demo.example");
    await page.getByRole("heading", { level: 1, name: "Min kommune: Trondheim" }).waitFor();
    const awaiting = page.getByTestId("awaiting-5001");
    await awaiting.getByRole("heading", { name: "Dette venter på deg" }).waitFor();
    // Either links to the exact pages, or the empty state with next steps.
    await expect
      .poll(async () => (await awaiting.getByRole("link").count()) + (await awaiting.getByRole("status").count()))
      .toBeGreaterThan(0);
    await page
      .getByRole("navigation", { name: "Sidene for Trondheim" })
      .getByRole("link", { name: /^Profil/ })
      .waitFor();
    await expectNoSeriousA11yViolations(page, "start view");

    await page.getByRole("link", { name: "Alle kommuner" }).click();
    await page.getByText("357 kommuner").waitFor();
    expect(new URL(page.url()).pathname).toBe("/kommuner");
    await expectNoSeriousA11yViolations(page, "all municipalities");
  });
});
