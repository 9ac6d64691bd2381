import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

describe("quality and scope, end to end", () => {
  it("a manager fills in the maturity assessment and sees the radar chart against the peer group", async () => {
    const page = await browser.newPage();
    // 2025 holds an approved demo assessment: the manager returns it to correct it.
    await signIn(page, browser.baseUrl, "manager.1103@demo.example", "/kommune/1103/modenhet/2025");
    await page.getByRole("heading", { level: 1, name: "IKT-modenhet 2025 – Stavanger" }).waitFor();
    await page.getByRole("button", { name: "Send tilbake" }).click();
    await page.getByLabel("Kommentar").last().fill("Ny vurdering etter ROS-analysen");
    await page.getByRole("dialog").getByRole("button", { name: "Send tilbake" }).click();
    await page.getByRole("button", { name: "Lagre utkast" }).waitFor();

    const group = page.getByRole("radiogroup", { name: "Informasjonssikkerhet, personvern og dokumentforvaltning: Nivå" });
    await group.getByLabel(/^5 – /).check();
    await page.getByRole("button", { name: "Lagre utkast" }).click();
    await page.getByTestId("quality-message").filter({ hasText: "Lagret." }).waitFor();
    await expect.poll(() => page.getByTestId("quality-status").textContent()).toBe("Utkast");

    // The radar: the municipality against its KOSTRA group's median, drawn and as a table.
    await page.locator(".recharts-radar").first().waitFor();
    expect(await page.locator(".recharts-radar").count()).toBe(2);
    // On a phone the area names wrap and stay inside the chart rather than being cut (issue 20, point 26).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => {
      const svg = document.querySelector(".recharts-radar")?.closest("svg");
      const labels = [...document.querySelectorAll(".radar-area-label")];
      if (!svg || labels.length !== 8) return false;
      const frame = svg.getBoundingClientRect();
      if (frame.width > 390) return false;
      return labels.every((label) => {
        const box = label.getBoundingClientRect();
        return (
          box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5 && box.top >= frame.top - 0.5 && box.bottom <= frame.bottom + 0.5
        );
      });
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNoSeriousA11yViolations(page, "maturity assessment with radar chart");
    await page
      .locator("label")
      .filter({ has: page.getByRole("radio", { name: "Tabell" }) })
      .first()
      .click();
    const table = page.getByRole("table", { name: "Nivå per område: kommunen og medianen i KOSTRA-gruppen" });
    await table.waitFor();
    const row = table.getByRole("row").filter({ hasText: "Informasjonssikkerhet" });
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells[0]).toBe("5");
    expect(cells[1]).toMatch(/^\d(,\d+)?$/);

    await page.getByRole("button", { name: "Send inn" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Send inn" }).click();
    await expect.poll(() => page.getByTestId("quality-status").textContent()).toBe("Sendt inn");
  });

  it("the satisfaction and service pages pass axe, and the overview links every report", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "manager.4601@demo.example", "/kommune/4601");
    const link = page.getByRole("link", { name: "Digitaliseringsgrad 2024: Godkjent" });
    await link.click();
    await page.getByRole("heading", { level: 1, name: "Digitaliseringsgrad 2024 – Bergen" }).waitFor();
    await page.getByTestId("scope-rates").waitFor();
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await expectNoSeriousA11yViolations(page, "service scope page");
    await page.goto(`${browser.baseUrl}/kommune/4601/tilfredshet/2020`);
    await page.getByRole("heading", { level: 1, name: "Brukertilfredshet 2020 – Bergen" }).waitFor();
    await page.getByLabel("Gjennomsnitt", { exact: true }).fill("4,6");
    await page.getByLabel("Antall svar", { exact: true }).fill("7");
    await page.getByTestId("staff-uncertain").waitFor();
    await expectNoSeriousA11yViolations(page, "satisfaction page");
  });
});

describe("Min kommune", () => {
  it("opens the profile, switches the peer group in the URL, and passes axe", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example", "/kommune/0301/profil?peers=asss&year=2024");
    await page.getByRole("heading", { level: 1, name: "Min kommune – Oslo" }).waitFor();
    await page.getByTestId("profile-cost").waitFor();
    expect(await page.getByLabel("Sammenlign med").inputValue()).toBe("asss");
    await page.getByLabel("Sammenlign med").selectOption("all");
    await expect.poll(() => page.url()).toContain("peers=all");
    await expectNoSeriousA11yViolations(page, "profile");

    // Printed: the controls and navigation go, the tables stay, and it makes a PDF of a few pages.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByLabel("Sammenlign med").isVisible()).toBe(false);
    expect(
      await page
        .getByRole("navigation", { name: /Hovedmeny|Main/ })
        .isVisible()
        .catch(() => false),
    ).toBe(false);
    expect(await page.getByTestId("profile-cost").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(6);
  });
});

describe("an indicator in depth", () => {
  it("opens an indicator from the profile, exports its distribution as CSV, and the rows are the table's", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example", "/kommune/0301/profil?peers=asss&year=2023");
    await page.getByTestId("profile-cost").getByRole("link", { name: "IKT-kostnad per innbygger" }).click();
    await page.getByRole("heading", { level: 1, name: "IKT-kostnad per innbygger – Oslo" }).waitFor();
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await expectNoSeriousA11yViolations(page, "indicator page");
    // No tick labels overlap on any axis of the page's charts, on a desktop and on a phone (issue 20, point 26).
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction(
        (w) => document.documentElement.clientWidth === w && document.querySelectorAll(".recharts-cartesian-axis-tick-value").length > 0,
        width,
      );
      const overlaps = await page.evaluate(() =>
        [...document.querySelectorAll(".recharts-cartesian-axis")].flatMap((axis) => {
          const boxes = [...axis.querySelectorAll(".recharts-cartesian-axis-tick-value")]
            .map((tick) => ({ text: tick.textContent ?? "", box: tick.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0);
          return boxes.flatMap((a, i) =>
            boxes
              .slice(i + 1)
              .filter(
                ({ box: b }) =>
                  a.box.left < b.right - 0.5 && b.left < a.box.right - 0.5 && a.box.top < b.bottom - 0.5 && b.top < a.box.bottom - 0.5,
              )
              .map((b) => `${a.text} / ${b.text}`),
          );
        }),
      );
      expect(overlaps).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "Fordeling i gruppen 2023" }) });
    const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: /CSV/ }).click()]);
    const csv = await (await import("node:fs/promises")).readFile((await download.path()) ?? "", "utf8");
    // What the figures are comes first, then an empty line, then the table.
    const [facts = "", table = ""] = csv.replace(/^\uFEFF/, "").split("\r\n\r\n");
    // A cell with a comma is quoted, as the domain's CSV writer quotes it so that no reader takes the comma for the delimiter.
    expect(facts.split("\r\n")).toEqual(
      expect.arrayContaining(["Indikator;K1 IKT-kostnad per innbygger", "Enhet;kroner", "År;2023", 'Kilde;"Målestokk, SSB 07459"']),
    );
    expect(facts).toMatch(/^Demodata;/);
    const lines = table.trim().split("\r\n");
    expect(lines[0]).toBe("Plass;Kommune;IKT-kostnad per innbygger");
    expect(lines.length).toBeGreaterThanOrEqual(9);
    expect(lines.some((l) => /^\d+;Oslo;\d+(,\d+)?$/.test(l))).toBe(true);

    // The same chart as a workbook and as an image.
    const fs = await import("node:fs/promises");
    const [xlsx] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "Last ned Excel" }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await fs.readFile((await xlsx.path()) ?? "")).subarray(0, 2).toString("latin1")).toBe("PK");
    const chartBox = await section.locator("svg.recharts-surface").first().boundingBox();
    const [png] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "Last ned bilde (PNG)" }).click()]);
    const image = await fs.readFile((await png.path()) ?? "");
    expect(image.subarray(1, 4).toString("latin1")).toBe("PNG");
    // Twice the size, with room above the chart for the demo band, title and subtitle, and below it for the legend and source.
    const [width, height] = [image.readUInt32BE(16), image.readUInt32BE(20)];
    expect(width).toBeGreaterThanOrEqual(2 * (560 + 48));
    expect(height).toBeGreaterThan(2 * ((chartBox?.height ?? 0) + 150));
    // Read back in the browser: a yellow demo band at the top, then dark title text, on white.
    const rows = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d");
      if (!context) return null;
      context.drawImage(bitmap, 0, 0);
      const row = (y: number) => {
        const data = context.getImageData(0, y, bitmap.width, 1).data;
        let dark = 0;
        let yellow = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
          if (r + g + b < 200) dark++;
          if (r > 230 && g > 200 && b < 160) yellow++;
        }
        return { dark, yellow };
      };
      return {
        band: row(2 * (24 + 4)),
        title: Array.from({ length: 2 * 26 }, (_, i) => row(2 * (24 + 42) + i).dark).reduce((a, b) => a + b, 0),
        margin: row(4),
      };
    }, image.toString("base64"));
    expect(rows?.band.yellow).toBeGreaterThan(500);
    expect(rows?.title).toBeGreaterThan(200);
    expect(rows?.margin).toEqual({ dark: 0, yellow: 0 });

    // Against maturity: a scatter with the ten units named on their points.
    await page.getByLabel("Sammenlign med indikator (punktdiagram)").selectOption("Q1");
    const scatter = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "IKT-kostnad per innbygger mot IKT-modenhet" }) });
    // A chart is drawn when its figure comes near the screen (issue 21): bring it there first.
    await scatter.locator("figure").scrollIntoViewIfNeeded();
    await scatter.locator("svg text").filter({ hasText: "Bergen" }).first().waitFor();
    expect(await scatter.locator("svg text").filter({ hasText: "Oslo" }).count()).toBeGreaterThan(0);
    // Both axes carry their titles (issue 20, point 26).
    expect(await scatter.locator("svg text").filter({ hasText: "IKT-kostnad per innbygger" }).count()).toBeGreaterThan(0);
    expect(await scatter.locator("svg text").filter({ hasText: "IKT-modenhet" }).count()).toBeGreaterThan(0);
  });
});
