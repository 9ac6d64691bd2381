import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();
const REPORT = "/kommune/5001/kostnader/2023";

async function confirmIn(page: Page, name: string) {
  await page.getByRole("dialog").getByRole("button", { name }).click();
}

async function k1Cell(page: Page, year: number): Promise<string> {
  const table = page.getByRole("table", { name: /IKT-kostnad per innbygger/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(year), exact: true }) });
  return ((await row.getByRole("cell").first().textContent()) ?? "").replace(/\s/g, " ");
}

const digits = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

describe("cost reporting, end to end", () => {
  it("finance fills in the downloaded template, fixes a flagged row, imports and submits; a manager approves; the comparison shows it", async () => {
    // The approved demo report goes back to finance first.
    const manager = await browser.newPage();
    await signIn(manager, browser.baseUrl, "manager.5001@demo.example", REPORT);
    await manager.getByRole("button", { name: "Send tilbake" }).click();
    await manager.getByLabel("Kommentar til økonomi").fill("Lever tallene fra økonomisystemet");
    await confirmIn(manager, "Send tilbake");
    await manager.getByTestId("report-returned").waitFor();

    const finance = await browser.newPage();
    await signIn(finance, browser.baseUrl, "finance.5001@demo.example", REPORT);
    await finance.getByTestId("report-returned").waitFor();
    const lastTotal = digits(await finance.getByTestId("report-total").textContent());
    const population = digits((await finance.getByTestId("published-population").textContent())?.split("(")[0] ?? "");
    expect(lastTotal).toBeGreaterThan(0);
    expect(population).toBeGreaterThan(100_000);

    // The templates, as a user gets them: the CSV has the headers alone, its guide the catalogue,
    // the register's fagsystemer and example lines; the untouched Excel template imports nothing.
    const [download] = await Promise.all([
      finance.waitForEvent("download"),
      finance.getByRole("button", { name: "Last ned mal (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("ikt-kostnader-mal.csv");
    const template = await readFile((await download.path()) ?? "", "utf8");
    const header = template.replace(/^\uFEFF/, "").trim();
    expect(header).toBe("IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar");
    const [guideDownload] = await Promise.all([
      finance.waitForEvent("download"),
      finance.getByRole("button", { name: "Veiledning til CSV-malen (tekst)" }).click(),
    ]);
    const guide = await readFile((await guideDownload.path()) ?? "", "utf8");
    expect(guide).toContain("- Brukerstøtte: ");
    expect(guide).toMatch(/\n- Demo [^\r\n]+ \(/);
    const examples = guide.trim().split("\r\n").slice(-5);
    expect(examples.map((line) => line.split(";")[0])).toEqual([
      "Brukerstøtte",
      "Drift og forvaltning",
      "Utvikling",
      "Infrastruktur og utstyr",
      "IKT-ledelse og administrasjon",
    ]);
    const [xlsxTemplate] = await Promise.all([
      finance.waitForEvent("download"),
      finance.getByRole("button", { name: "Last ned mal (Excel)" }).click(),
    ]);
    await finance.getByLabel("Fil (CSV eller XLSX)").setInputFiles((await xlsxTemplate.path()) ?? "");
    await finance.getByRole("button", { name: "Forhåndsvis import" }).click();
    await finance.getByTestId("import-refused").waitFor();
    expect(await finance.getByTestId("import-issues").count()).toBe(0);

    // Filled in about as last year: the services in the usual shares, amounts typed the Norwegian way.
    const shares = [0.14, 0.36, 0.1, 0.3, 0.1];
    const amounts = shares.map((s) => Math.round(lastTotal * s));
    const total = amounts.reduce((a, b) => a + b, 0);
    const rows = examples.map((line, i) => {
      const [service, costType] = line.split(";");
      return `${service};${costType};${new Intl.NumberFormat("nb-NO").format(amounts[i] ?? 0)} kr;;`;
    });
    const dir = tmpdir();
    const flagged = join(dir, "trondheim-2023-feil.csv");
    await writeFile(
      flagged,
      `\uFEFF${[header, ...rows.slice(0, 2), rows[2]?.replace(/;[^;]* kr;/, ";ti millioner;"), ...rows.slice(3)].join("\r\n")}\r\n`,
    );
    await finance.getByLabel("Fil (CSV eller XLSX)").setInputFiles(flagged);
    await finance.getByRole("button", { name: "Forhåndsvis import" }).click();
    const issues = finance.getByTestId("import-issues");
    await issues.waitFor();
    expect((await issues.getByRole("row").nth(1).textContent())?.replace(/\s+/g, " ")).toBe(
      "4Beløp (kr)ti millionerikke et beløp; skriv hele kroner, for eksempel 1 250 000",
    );
    expect(await finance.getByTestId("import-refused").textContent()).toBe(
      "«trondheim-2023-feil.csv» kan ikke importeres: 1 feil på 1 rad; rett filen og prøv igjen. Ingenting er lagret.",
    );
    await expectNoSeriousA11yViolations(finance, "cost report, import refused with row errors");

    const fixed = join(dir, "trondheim-2023.csv");
    await writeFile(fixed, `\uFEFF${[header, ...rows].join("\r\n")}\r\n`);
    await finance.getByLabel("Fil (CSV eller XLSX)").setInputFiles(fixed);
    await finance.getByRole("button", { name: "Forhåndsvis import" }).click();
    await finance.getByTestId("import-summary").waitFor();
    // The preview lists what changes: each service's total before and after, and the changed lines.
    await finance.getByRole("table", { name: "Sum per IKT-tjeneste før og etter importen" }).waitFor();
    expect(await finance.getByTestId("import-changed").getByRole("row").count()).toBeGreaterThan(1);
    await expectNoSeriousA11yViolations(finance, "cost report, import preview with changes");
    await finance.getByRole("button", { name: "Importer", exact: true }).click();
    await confirmIn(finance, "Importer");
    await finance.getByTestId("import-message").filter({ hasText: "Importert: 5 linjer." }).waitFor();
    await expect.poll(async () => digits(await finance.getByTestId("report-total").textContent())).toBe(total);

    // Any plausibility warning needs an explanation before submitting.
    const explanations = finance.getByLabel("Forklaring");
    if ((await explanations.count()) > 0) {
      for (const field of await explanations.all()) await field.fill("Tall fra nytt økonomisystem");
      await finance.getByRole("button", { name: "Lagre utkast" }).click();
      await finance.getByTestId("report-message").filter({ hasText: "Lagret." }).waitFor();
    }
    await finance.getByRole("button", { name: "Send inn" }).click();
    await confirmIn(finance, "Send inn");
    await expect.poll(() => finance.getByTestId("report-status").textContent()).toBe("Sendt inn");
    await expectNoSeriousA11yViolations(finance, "cost report, submitted");

    // Outside Trondheim, the submitted report shows its status only until it is approved.
    const early = await browser.newPage();
    await signIn(early, browser.baseUrl, "board@demo.example", REPORT);
    const withheld = early.getByTestId("withheld-report");
    await withheld.waitFor();
    expect(await early.getByTestId("withheld-status").textContent()).toBe("Sendt inn");
    expect(await withheld.textContent()).toContain("Rapporten er ikke godkjent ennå; innholdet vises når den er godkjent.");
    expect(await early.getByTestId("cost-lines").count()).toBe(0);
    await expectNoSeriousA11yViolations(early, "cost report, submitted, seen by the board");
    await early.close();

    await manager.reload();
    await manager.getByRole("button", { name: "Godkjenn" }).click();
    await confirmIn(manager, "Godkjenn");
    await expect.poll(() => manager.getByTestId("report-status").textContent()).toBe("Godkjent");

    // Someone outside Trondheim now sees the new approved value in the comparison.
    const board = await browser.newPage();
    await signIn(board, browser.baseUrl, "board@demo.example", "/kommune/5001?k1View=table");
    await board.getByRole("table", { name: /IKT-kostnad per innbygger, Trondheim/ }).waitFor();
    const expected = new Intl.NumberFormat("nb-NO", { style: "currency", currency: "NOK", maximumFractionDigits: 0 })
      .format(total / population)
      .replace(/\s/g, " ");
    expect(await k1Cell(board, 2023)).toBe(expected);
  });
});
