import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

/** Designsystemet's ToggleGroup is a radio group whose labels take the click, as for a user. */
async function chooseView(page: Page, name: "Tabell" | "Diagram") {
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name }) })
    .click();
  await expect.poll(() => page.getByRole("radio", { name }).isChecked()).toBe(true);
}

async function ownLinePath(page: Page): Promise<string> {
  const path = page.locator(".series-own path.recharts-curve, path.series-own").first();
  await path.waitFor();
  return (await path.getAttribute("d")) ?? "";
}

async function tableCell(page: Page, year: number): Promise<string> {
  // Scoped to the K1 table: the page has other tables with a row per year (population).
  const table = page.getByRole("table", { name: /IKT-kostnad per innbygger|IT cost per inhabitant/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(year), exact: true }) });
  return ((await row.getByRole("cell").first().textContent()) ?? "").replace(/\s/g, " ");
}

describe("K1 on the municipality page", () => {
  it("shows the chart and the table, and both change when the cost report is corrected", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "finance.4601@demo.example", "/kommune/4601?year=2024");
    await page.getByRole("heading", { level: 1, name: "Bergen" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "IKT-kostnad per innbygger" }).waitFor();
    const pathBefore = await ownLinePath(page);
    // The value axis names its unit (issue 20, point 26).
    expect(await page.locator("svg text").filter({ hasText: "Kroner per innbygger" }).count()).toBe(1);
    expect(pathBefore).not.toBe("");
    await expectNoSeriousA11yViolations(page, "municipality, chart");

    await chooseView(page, "Tabell");
    await page.getByRole("table", { name: /IKT-kostnad per innbygger, Bergen/ }).waitFor();
    expect(page.url()).toContain("k1View=table");
    const cellBefore = await tableCell(page, 2024);
    await expectNoSeriousA11yViolations(page, "municipality, table");

    // The approved demo report goes back to finance first: a manager returns it.
    const manager = await browser.newPage();
    await signIn(manager, browser.baseUrl, "manager.4601@demo.example", "/kommune/4601/kostnader/2024");
    await manager.getByRole("button", { name: "Send tilbake" }).click();
    await manager.getByLabel("Kommentar til økonomi").fill("Lisensene er ført dobbelt");
    await manager.getByRole("dialog").getByRole("button", { name: "Send tilbake" }).click();
    await manager.getByTestId("report-returned").waitFor();

    await page.getByRole("link", { name: "Åpne 2024" }).click();
    await page.getByTestId("report-returned").waitFor();
    await expectNoSeriousA11yViolations(page, "cost report, editable");
    // Bergen has about 290 000 inhabitants: one line of 1 450 000 000 kr is about 5 000 kr per inhabitant.
    const remove = page.getByRole("button", { name: /^Fjern linje \d+$/ });
    while ((await remove.count()) > 1) await remove.last().click();
    await page.getByLabel("Beløp (kr), linje 1", { exact: true }).fill("1 450 000 000");
    await page.getByRole("button", { name: "Lagre utkast" }).click();
    await page.getByTestId("report-message").filter({ hasText: "Lagret." }).waitFor();

    await page.getByRole("link", { name: "Bergen" }).click();
    await chooseView(page, "Tabell");
    await page.getByRole("table", { name: /IKT-kostnad per innbygger, Bergen/ }).waitFor();
    await expect.poll(() => tableCell(page, 2024)).not.toBe(cellBefore);
    // A saved figure is a draft until approved, and the table says so.
    expect(await tableCell(page, 2024)).toMatch(/^[45] \d{3} kr \(utkast\)$/);
    await chooseView(page, "Diagram");
    await expect.poll(() => ownLinePath(page)).not.toBe(pathBefore);

    // The new value survives a reload: it was saved, not only drawn.
    await page.reload();
    await chooseView(page, "Tabell");
    await page.getByRole("table", { name: /IKT-kostnad per innbygger, Bergen/ }).waitFor();
    expect(await tableCell(page, 2024)).toMatch(/^[45] \d{3} kr \(utkast\)$/);
  });

  it("explains bad input next to the field and changes nothing", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "admin@demo.example", "/kommune/1103/kostnader/2023");
    await page.getByRole("button", { name: "Send tilbake" }).click();
    await page.getByLabel("Kommentar til økonomi").fill("Sjekk beløpene");
    await page.getByRole("dialog").getByRole("button", { name: "Send tilbake" }).click();
    await page.getByTestId("report-returned").waitFor();
    const amount = page.getByLabel("Beløp (kr), linje 1", { exact: true });
    const before = await amount.inputValue();

    // Øre are no error: the note next to the field says what will be saved, by the rule files follow.
    await amount.fill("12,50");
    const noteId = ((await amount.getAttribute("aria-describedby")) ?? "").split(" ").find((id) => id.endsWith("-note")) ?? "";
    expect((await page.locator(`[id="${noteId}"]`).textContent())?.replace(/\s/g, " ")).toBe(
      "Lagres som 13 kr: øre rundes til nærmeste hele krone, 50 øre og mer opp.",
    );
    expect(await amount.getAttribute("aria-invalid")).toBeNull();

    for (const [input, message] of [
      ["-1000", "Beløpet kan ikke være negativt."],
      ["mange penger", "Beløpet må være et tall, for eksempel 12 500 000."],
      ["99 999 999 999", "Beløpet er større enn noen kommunes IKT-kostnader"],
    ] as const) {
      await amount.fill(input);
      await page.getByRole("button", { name: "Lagre utkast" }).click();
      await page.getByTestId("report-errors").waitFor();
      expect(await amount.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await amount.getAttribute("aria-describedby")) ?? "";
      const descriptions = await Promise.all(describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()));
      expect(descriptions.join(" ").replace(/\s/g, " ")).toContain(message);
    }
    await expectNoSeriousA11yViolations(page, "cost report with errors");
    await page.reload();
    await page.getByTestId("report-returned").waitFor();
    expect(await page.getByLabel("Beløp (kr), linje 1", { exact: true }).inputValue()).toBe(before);
  });

  it("switches to English and keeps numbers in Norwegian format", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "manager.0301@demo.example", "/kommune/0301?k1View=table");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("table", { name: /IT cost per inhabitant, Oslo/ }).waitFor();
    // 2022: other specs may leave a draft in 2024 on the shared server.
    expect(await tableCell(page, 2022)).toMatch(/^\d \d{3} kr$/);
    await expectNoSeriousA11yViolations(page, "municipality in English");
    // The choice is kept on the account (issue 22): other specs expect this user in bokmål.
    await page.getByRole("button", { name: "Bokmål" }).click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("nb");
  });
});
