import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("benefit realization pages", () => {
  it("shows a municipality's portfolio with kroner expected against realized, and opens a project's plan with status, chart table and map", async () => {
    renderApp("/kommune/0301", { as: "manager.0301@demo.example" });
    fireEvent.click(await screen.findByRole("link", { name: /^Gevinstrealisering: prosjekter/ }));
    expect(await screen.findByRole("heading", { level: 1, name: "Gevinstrealisering i Oslo" })).toBeTruthy();
    const totals = await screen.findByTestId("portfolio-totals-table");
    const cash = within(totals).getByRole("rowheader", { name: "Kontante gevinster" }).closest("tr") as HTMLElement;
    expect(
      within(cash)
        .getAllByRole("cell")
        .map((c) => c.textContent?.replace(/\s/g, " ")),
    ).toEqual(["400 000 kr", "280 000 kr"]);
    const projects = screen.getByTestId("portfolio-projects");
    expect(
      within(projects)
        .getAllByRole("rowheader")
        .map((r) => r.textContent),
    ).toEqual([
      expect.stringContaining("Digital post med SvarUt"),
      expect.stringContaining("Felles innbyggerportal"),
      expect.stringContaining("Velferdsteknologi i hjemmetjenesten"),
    ]);

    fireEvent.click(within(projects).getByRole("link", { name: "Digital post med SvarUt" }));
    expect(await screen.findByRole("heading", { level: 1, name: /Gevinstplan: Digital post med SvarUt/ })).toBeTruthy();
    // Approved in the planning phase; the project is now in realization.
    expect(screen.getByText("Prosjektet er i en ny fase (Realisering). Godkjenn en ny versjon av planen.")).toBeTruthy();
    const porto = screen.getByRole("article", { name: /Lavere portokostnader/ });
    expect(within(porto).getByTestId("benefit-status").textContent).toBeTruthy();
    expect(within(porto).getByText(/Siste måling 520 000 kr/)).toBeTruthy();
    fireEvent.click(within(porto).getByRole("radio", { name: "Tabell" }));
    const rows = await within(porto).findAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining("Nullpunkt"), expect.stringContaining("Måling")]),
    );
    const mail = screen.getByRole("article", { name: /Mer post sendes digitalt/ });
    expect(within(mail).getByText(/Målingene hentes fra kommunens godkjente rapporter: S3/)).toBeTruthy();
    expect(within(mail).queryByRole("button", { name: "Registrer måling" })).toBeNull();
    const mapText = screen.getByTestId("benefit-map-text");
    expect(mapText.textContent).toContain(
      "«Lavere portokostnader» bygger på: Ny rutine: digitalt som standard. Støtter: Lavere driftskostnader.",
    );
  });

  it("approves a plan as the signed-in user, named in the dialog and the history, and keeps an old typed name readable", async () => {
    const { sqlite } = renderApp("/kommune/0301/gevinster", { as: "manager.0301@demo.example" });
    // A version approved before the approver came from the session keeps the name typed then.
    sqlite.prepare("update benefit_plan_versions set approved_by_name = 'Rådmann Ola Nordmann'").run();
    fireEvent.click(await screen.findByRole("link", { name: "Digital post med SvarUt" }));
    fireEvent.click(await screen.findByRole("button", { name: "Godkjenn planen" }));
    const dialog = await screen.findByRole("dialog", { name: /Godkjenn versjon 2 av planen/ });
    expect(within(dialog).getByTestId("plan-approver").textContent).toBe(
      "Du godkjenner som Demo leder 0301: planen viser navnet ditt som godkjenner.",
    );
    expect(within(dialog).queryByLabelText("Godkjent av")).toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "Godkjenn planen" }));
    expect(await screen.findByText("Versjon 2 av planen er godkjent.")).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("plan-status").textContent).toMatch(/Versjon 2 godkjent av Demo leder 0301/));
    const versions = screen.getByTestId("plan-versions");
    expect(within(versions).getByText("Demo leder 0301")).toBeTruthy();
    expect(within(versions).getByText("Rådmann Ola Nordmann")).toBeTruthy();
  });

  it("refuses a benefit with missing fields, naming each, and saves it when they are filled", async () => {
    const { sqlite } = renderApp("/kommune/5001/gevinster", { as: "manager.5001@demo.example" });
    fireEvent.click(await screen.findByRole("link", { name: "Velferdsteknologi i hjemmetjenesten" }));
    // The plan's own list: the template section of a project has a button of the same name.
    fireEvent.click(within(await screen.findByRole("region", { name: "Gevinster" })).getByRole("button", { name: "Legg til gevinst" }));
    const form = screen.getByTestId("benefit-form");
    // The indicator list shows the code users read ("K4") with the service's name, never an internal key.
    const indicators = within(within(form).getByLabelText("Hent målingene fra en indikator i Målestokk (valgfri)"))
      .getAllByRole("option")
      .map((o) => o.textContent ?? "");
    expect(indicators.filter((o) => /\bK[45]\.\w/.test(o))).toEqual([]);
    expect(indicators.filter((o) => o.startsWith("K4 ")).length).toBeGreaterThan(1);
    fireEvent.click(within(form).getByRole("button", { name: "Lagre gevinsten" }));
    const errors = await screen.findByTestId("benefit-form-errors");
    expect(within(errors).getAllByRole("link").length).toBeGreaterThanOrEqual(5);
    fireEvent.change(within(form).getByLabelText("Gevinst"), { target: { value: "Færre fall" } });
    fireEvent.change(within(form).getByLabelText("Gevinsteier (linjeleder)"), { target: { value: "Leder hjemmetjenesten" } });
    fireEvent.change(within(form).getByLabelText("Verdsetting"), { target: { value: "unpriced" } });
    fireEvent.change(within(form).getByLabelText("Hva som måles"), { target: { value: "Fall per måned" } });
    fireEvent.change(within(form).getByLabelText("Enhet"), { target: { value: "fall" } });
    fireEvent.click(within(form).getByLabelText("Lavere er bedre"));
    fireEvent.change(within(form).getByLabelText("Verdi"), { target: { value: "12" } });
    fireEvent.change(within(form).getByLabelText("Målt dato"), { target: { value: "2025-01-01" } });
    fireEvent.change(within(form).getByLabelText("Målverdi, mål 1"), { target: { value: "8" } });
    fireEvent.change(within(form).getByLabelText("Frist, mål 1"), { target: { value: "2024-12-31" } });
    fireEvent.click(within(form).getByRole("button", { name: "Lagre gevinsten" }));
    expect((await within(form).findAllByText("Fristen må være etter nullpunktet (1. januar 2025).")).length).toBe(2);
    fireEvent.change(within(form).getByLabelText("Frist, mål 1"), { target: { value: "2026-12-31" } });
    fireEvent.click(within(form).getByRole("button", { name: "Lagre gevinsten" }));
    expect(await screen.findByText("Gevinsten «Færre fall» er lagret.")).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("article", { name: /Færre fall/ })).toBeTruthy());
    expect(sqlite.prepare("select count(*) as n from benefits where title = 'Færre fall'").get()).toEqual({ n: 1 });
  });

  it("tells a reader without access where to go", async () => {
    renderApp("/kommune/0301/gevinster", { as: "manager.5001@demo.example" });
    expect(await screen.findByTestId("benefits-no-access")).toBeTruthy();
  });
});
