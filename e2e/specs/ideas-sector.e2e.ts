import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

// Issue 9: an idea goes through every role to a decision, and a yes becomes a project that asks for a benefit plan.
describe("project-idea pipeline and the sector", () => {
  it("a municipality submits an idea, the council prioritizes, the secretariat compiles, the board decides yes, and the project asks for a benefit plan", async () => {
    const manager = await browser.newPage();
    await signIn(manager, browser.baseUrl, "manager.0301@demo.example", "/ideer");
    await manager.getByRole("heading", { level: 1, name: "Prosjektideer" }).waitFor();
    await manager.getByRole("button", { name: "Meld inn en idé" }).click();
    const form = manager.getByTestId("idea-form");
    await form.getByLabel("Tittel").fill("Felles løsning for digitalt tilsyn");
    await form.getByLabel("Problemet som skal løses").fill("Hver kommune kjøper sitt eget system.");
    await form.getByLabel("Fagområde").selectOption("helseVelferd");
    await form.getByLabel("Forventede gevinster").fill("Lavere lisenskostnader og felles opplæring.");
    await form.getByLabel("Grovt anslått kostnad (kr)").fill("2 500 000");
    await form.getByLabel("Andre kommuner som inviteres til å delta").fill("4601, 1103");
    await expectNoSeriousA11yViolations(manager, "idea form");
    await form.getByRole("button", { name: "Meld inn" }).click();
    await manager.getByTestId("idea-sent").waitFor();
    await manager.getByTestId("ideas-table").getByRole("link", { name: "Felles løsning for digitalt tilsyn" }).click();
    await manager.getByRole("heading", { level: 1, name: "Prosjektidé: Felles løsning for digitalt tilsyn" }).waitFor();
    const ideaUrl = manager.url();

    const steps: [string, string, (page: Page) => Promise<void>][] = [
      [
        "council@demo.example",
        "prioritize",
        async (page) => {
          await page.getByTestId("idea-step-prioritize").getByLabel("5", { exact: true }).check();
          await page.getByTestId("idea-step-prioritize").getByLabel("Begrunnelse").fill("Stor nytte for mange kommuner");
        },
      ],
      [
        "secretariat@demo.example",
        "compile",
        async (page) => {
          await page.getByTestId("idea-step-compile").getByLabel("Ja").check();
          await page.getByTestId("idea-step-compile").getByLabel("Begrunnelse").fill("Anbefales");
        },
      ],
      [
        "board@demo.example",
        "decide",
        async (page) => {
          await page.getByTestId("idea-step-decide").getByLabel("Ja").check();
          await page.getByTestId("idea-step-decide").getByLabel("Begrunnelse").fill("Vedtatt i møte 4/2026");
        },
      ],
    ];
    for (const [email, action, fill] of steps) {
      const page = await browser.newPage();
      await signIn(page, browser.baseUrl, email, new URL(ideaUrl).pathname);
      const step = page.getByTestId(`idea-step-${action}`);
      await step.waitFor();
      // The other roles' steps are not offered.
      expect(await page.locator("[data-testid^=idea-step-]").count()).toBe(1);
      await fill(page);
      if (action === "decide") {
        await page.goto(`${browser.baseUrl}/ideer/motepakke`);
        await page.getByRole("heading", { level: 1, name: "Møtepakke for programstyret" }).waitFor();
        await page.getByTestId("ideas-table").getByRole("link", { name: "Felles løsning for digitalt tilsyn" }).waitFor();
        // The pack carries the sector dashboard with it, and prints.
        await page.getByRole("heading", { level: 2, name: /^Sektoren \d{4}$/ }).waitFor();
        await page.getByTestId("success-cost").waitFor();
        // And the benefit portfolio and the projects still without an approved plan (issue 20).
        await page.getByRole("heading", { level: 2, name: "Gevinstporteføljen" }).waitFor();
        await page.getByRole("heading", { level: 2, name: "Prosjekter uten godkjent gevinstplan" }).waitFor();
        await expectNoSeriousA11yViolations(page, "meeting pack");
        await page.emulateMedia({ media: "print" });
        const pdf = await page.pdf({ format: "A4" });
        expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
        await page.emulateMedia({ media: "screen" });
        await page.goto(ideaUrl);
        await fill(page);
      }
      await step.getByRole("button", { name: "Lagre steget" }).click();
      await page.getByTestId("idea-step-done").waitFor();
      await page.close();
    }

    await manager.reload();
    const history = manager.getByTestId("idea-history");
    await expect.poll(() => history.getByRole("row").count()).toBe(5);
    expect(await history.getByRole("cell").allTextContents()).toEqual(
      expect.arrayContaining(["Demo KPR helse og velferd", "Stor nytte for mange kommuner", "Demo programstyret", "Vedtatt i møte 4/2026"]),
    );
    await manager.getByTestId("idea-project").getByRole("link", { name: "Til prosjektet og gevinstplanen" }).click();
    await manager.getByRole("heading", { level: 1, name: "Gevinstplan: Felles løsning for digitalt tilsyn" }).waitFor();
    await manager.getByTestId("plan-requested").waitFor();
    // Bergen and Stavanger have not answered the idea's invitation: they are invited to the project, not in it.
    const participation = manager.getByTestId("participation");
    await participation.getByRole("rowheader", { name: "Bergen (4601)" }).waitFor();
    await participation.getByRole("rowheader", { name: "Stavanger (1103)" }).waitFor();
    expect(await participation.getByRole("cell", { name: "Invitert" }).count()).toBe(2);
    await expectNoSeriousA11yViolations(manager, "project from an idea");
  });

  it("the board sees the sector dashboard and the sector's benefit portfolio, and both pass axe", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "board@demo.example", "/");
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Sektoren", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /^Sektoren \d{4}$/ }).waitFor();
    await page.getByTestId("success-cost").waitFor();
    await expectNoSeriousA11yViolations(page, "sector dashboard");
    await page.getByRole("link", { name: "Gevinstporteføljen for hele sektoren" }).click();
    await page.getByRole("heading", { level: 1, name: "Gevinstporteføljen i sektoren" }).waitFor();
    await page.getByTestId("joint-projects").getByRole("link", { name: "Felles innbyggerportal" }).waitFor();
    await expectNoSeriousA11yViolations(page, "sector portfolio");
  });
});
