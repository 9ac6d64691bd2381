import { describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

// Issue 8: a manager plans a project's benefits, follows them up and approves the plan.
describe("benefit realization", () => {
  it("creates a project and a plan, adds a benefit with baseline and two targets, two measurements, sees status and chart, approves, and reads the version history", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "manager.0301@demo.example", "/kommuner");
    // The demo's quarterly benefit was last measured in March 2025: overdue at sign-in.
    const followUp = page.getByTestId("follow-up");
    await followUp.getByRole("link", { name: /Færre unødvendige hjemmebesøk/ }).waitFor();
    await expectNoSeriousA11yViolations(page, "home with follow-up");

    await page.goto(`${browser.baseUrl}/kommune/0301/gevinster`);
    await page.getByRole("heading", { level: 1, name: "Gevinstrealisering i Oslo" }).waitFor();
    await page.getByTestId("portfolio-projects").getByRole("link", { name: "Digital post med SvarUt" }).waitFor();
    await expectNoSeriousA11yViolations(page, "portfolio");

    await page.getByRole("button", { name: "Nytt prosjekt" }).click();
    const projectForm = page.getByTestId("project-form");
    await projectForm.getByLabel("Navn").fill("Digital byggesøknad");
    await projectForm.getByLabel("Sektor").selectOption("planByggGeodata");
    await projectForm.getByLabel("Fase", { exact: true }).selectOption("planning");
    await projectForm.getByRole("button", { name: "Opprett prosjekt" }).click();
    await page.getByRole("heading", { level: 1, name: "Gevinstplan: Digital byggesøknad" }).waitFor();
    await page.getByText("Planen er ikke godkjent ennå.").waitFor();

    // An empty benefit is refused field by field, with a summary that passes axe.
    // The plan's own button; the joint solution's template section below has one of the same name.
    await page.getByRole("button", { name: "Legg til gevinst" }).first().click();
    const form = page.getByTestId("benefit-form");
    await form.getByRole("button", { name: "Lagre gevinsten" }).click();
    await page.getByTestId("benefit-form-errors").waitFor();
    await expectNoSeriousA11yViolations(page, "benefit form with errors");

    await form.getByLabel("Gevinst", { exact: true }).fill("Kortere saksbehandlingstid");
    await form.getByLabel("Gevinsteier (linjeleder)").fill("Kari Nordmann");
    await form.getByLabel("Verdi per år ved full realisering (kr)").fill("500 000");
    await form.getByLabel("Hva som måles").fill("Saksbehandlingstid");
    await form.getByLabel("Enhet").fill("dager");
    await form.getByLabel("Lavere er bedre").check();
    await form.getByLabel("Verdi", { exact: true }).fill("40");
    await form.getByLabel("Målt dato").fill("2026-01-01");
    await form.getByLabel("Målverdi, mål 1").fill("30");
    await form.getByLabel("Frist, mål 1").fill("2026-06-30");
    await form.getByRole("button", { name: "Legg til delmål" }).click();
    await form.getByLabel("Målverdi, mål 2").fill("20");
    await form.getByLabel("Frist, mål 2").fill("2027-06-30");
    await form.getByRole("button", { name: "Lagre gevinsten" }).click();
    await page.getByTestId("benefits-message").filter({ hasText: "Gevinsten «Kortere saksbehandlingstid» er lagret." }).waitFor();
    const card = page.getByRole("article", { name: /Kortere saksbehandlingstid/ });
    await card.getByTestId("benefit-status").filter({ hasText: "Ingen målinger" }).waitFor();

    // A measurement before the baseline is refused on its field.
    await card.getByLabel("Målt verdi (dager)").fill("39");
    await card.getByLabel("Målt dato").fill("2025-12-01");
    await card.getByRole("button", { name: "Registrer måling" }).click();
    await card.getByText("Målingen må være etter nullpunktet (1. januar 2026).").waitFor();

    await card.getByLabel("Målt verdi (dager)").fill("36");
    await card.getByLabel("Målt dato").fill("2026-03-31");
    await card.getByRole("button", { name: "Registrer måling" }).click();
    await card.getByRole("cell", { name: "36 dager" }).waitFor();
    await card.getByLabel("Målt verdi (dager)").fill("31");
    await card.getByLabel("Målt dato").fill("2026-09-30");
    await card.getByLabel("Kommentar (valgfri)").fill("Etter sommerferien");
    await card.getByRole("button", { name: "Registrer måling" }).click();
    await card.getByRole("cell", { name: "Etter sommerferien" }).waitFor();
    // 31 days against about 27.5 planned on 30 September; the tolerance is 2 days (10 % of 20): at risk.
    await card.getByTestId("benefit-status").filter({ hasText: "Usikker" }).waitFor();
    expect(await card.getByTestId("benefit-latest").textContent()).toContain("planlagt 27,5 dager");
    expect(await card.locator("svg.recharts-surface").count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, "project page with a benefit");

    await page.getByRole("button", { name: "Godkjenn planen" }).click();
    const dialog = page.getByRole("dialog");
    // The approver is the signed-in user, named in the dialog, not a name to type.
    await dialog.getByTestId("plan-approver").filter({ hasText: "Du godkjenner som Demo leder 0301" }).waitFor();
    await expectNoSeriousA11yViolations(page, "approve dialog", "dialog[open]");
    await dialog.getByRole("button", { name: "Godkjenn planen" }).click();
    await page.getByTestId("benefits-message").filter({ hasText: "Versjon 1 av planen er godkjent." }).waitFor();
    await page.getByText(/Versjon 1 godkjent av Demo leder 0301/).waitFor();

    // A new phase calls for a new version; the first stays readable.
    await page.getByRole("button", { name: "Endre prosjektet" }).click();
    await page.getByTestId("project-form").getByLabel("Fase", { exact: true }).selectOption("execution");
    await page.getByRole("button", { name: "Lagre prosjektet" }).click();
    await page.getByText("Prosjektet er i en ny fase (Gjennomføring). Godkjenn en ny versjon av planen.").waitFor();
    await page.getByRole("button", { name: "Godkjenn planen" }).click();
    await dialog.getByRole("button", { name: "Godkjenn planen" }).click();
    await page.getByTestId("benefits-message").filter({ hasText: "Versjon 2 av planen er godkjent." }).waitFor();
    const history = page.getByTestId("plan-versions");
    await expect.poll(() => history.getByRole("row").count()).toBe(3);
    expect(await history.getByRole("cell").allTextContents()).toEqual(expect.arrayContaining(["2", "Gjennomføring", "1", "Planlegging"]));
    await history.getByRole("button", { name: "Vis versjon 1" }).click();
    const shown = page.getByTestId("plan-version");
    await shown.getByText(/Digital byggesøknad · Planlegging/).waitFor();
    await shown.getByText(/Kortere saksbehandlingstid/).waitFor();
    await expectNoSeriousA11yViolations(page, "project page with version history");

    // The plan prints without controls.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Registrer måling" }).first().isVisible()).toBe(false);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
  });

  // Issue 17 finding 6: naming a municipality invites it; nothing reaches its portfolio until its manager accepts.
  it("a project naming Oslo reaches Oslo as an invitation at sign-in and on its benefits page, and joins Oslo's portfolio only when its manager accepts", async () => {
    const owner = await browser.newPage();
    await signIn(owner, browser.baseUrl, "manager.5001@demo.example", "/kommune/5001/gevinster");
    await owner.getByRole("button", { name: "Nytt prosjekt" }).click();
    const projectForm = owner.getByTestId("project-form");
    await projectForm.getByLabel("Navn").fill("Felles arkivplan");
    await projectForm.getByLabel("Kommuner som inviteres til et felles prosjekt").fill("0301");
    await projectForm.getByRole("button", { name: "Opprett prosjekt" }).click();
    await owner.getByRole("heading", { level: 1, name: "Gevinstplan: Felles arkivplan" }).waitFor();
    const participation = owner.getByTestId("participation");
    await participation.getByRole("rowheader", { name: "Oslo (0301)" }).waitFor();
    expect(await participation.getByRole("cell", { name: "Invitert" }).count()).toBe(1);
    await expectNoSeriousA11yViolations(owner, "project with an invitation sent");

    const oslo = await browser.newPage();
    await signIn(oslo, browser.baseUrl, "manager.0301@demo.example", "/kommuner");
    await oslo.getByTestId("follow-up").getByRole("link", { name: "Trondheim inviterer Oslo til prosjektet «Felles arkivplan»" }).click();
    await oslo.getByRole("heading", { level: 1, name: "Gevinstrealisering i Oslo" }).waitFor();
    const invitations = oslo.getByTestId("project-invitations");
    await invitations.getByRole("heading", { level: 3, name: "Felles arkivplan" }).waitFor();
    expect(await oslo.getByTestId("portfolio-projects").getByRole("link", { name: "Felles arkivplan" }).count()).toBe(0);
    await expectNoSeriousA11yViolations(oslo, "benefits page with an invitation");
    await invitations.getByRole("button", { name: "Avslå Felles arkivplan" }).click();
    await expectNoSeriousA11yViolations(oslo, "decline dialog", "dialog[open]");
    await oslo.getByRole("dialog").getByRole("button", { name: "Avbryt" }).click();

    await invitations.getByRole("button", { name: "Godta Felles arkivplan" }).click();
    await oslo.getByText("Oslo er med i «Felles arkivplan». Prosjektet står nå i porteføljen.").waitFor();
    await oslo.getByTestId("portfolio-projects").getByRole("link", { name: "Felles arkivplan" }).click();
    await oslo.getByRole("heading", { level: 1, name: "Gevinstplan: Felles arkivplan" }).waitFor();
    await oslo.getByRole("button", { name: "Gå ut av prosjektet" }).waitFor();

    await owner.reload();
    await participation.getByRole("cell", { name: "Med" }).waitFor();
  });

  it("a joint project's partner reads the plan but may not change it", async () => {
    const page = await browser.newPage();
    await signIn(page, browser.baseUrl, "manager.4601@demo.example", "/kommune/4601/gevinster");
    await page.getByTestId("portfolio-projects").getByRole("link", { name: "Felles innbyggerportal" }).click();
    await page.getByRole("heading", { level: 1, name: "Gevinstplan: Felles innbyggerportal" }).waitFor();
    await page.getByText("Du kan lese planen. Det er kommunens egne brukere som fører den.").waitFor();
    expect(await page.getByRole("button", { name: "Legg til gevinst" }).count()).toBe(0);
  });
});
