import { getMunicipalityByNumber, listSystems, saveSystem, type Db } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

const PAGE = "/kommune/0301/fagsystemer";
const NAME_TAKEN = "Kommunen har allerede et fagsystem med dette navnet.";

function osloSystems(db: Db) {
  const oslo = getMunicipalityByNumber(db, "0301");
  if (!oslo) throw new Error("no Oslo in the demo data");
  return { oslo, systems: listSystems(db, oslo.id) };
}

function rowOf(name: string): HTMLElement {
  const row = within(screen.getByTestId("systems-table")).getByRole("rowheader", { name }).closest("tr");
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

function cellsOf(name: string): string[] {
  return within(rowOf(name))
    .getAllByRole("cell")
    .map((c) => c.textContent ?? "");
}

/** The form's own field messages (the error summary repeats them as links). */
function fieldErrors(): string[] {
  return Array.from(screen.getByTestId("system-form").querySelectorAll("form .ds-validation-message")).map((e) => e.textContent ?? "");
}

describe("the fagsystem register", () => {
  it("shows Oslo's systems sorted by name with class, SvarUt, period and cost lines, under its heading and breadcrumbs", async () => {
    const { db } = renderApp(PAGE, { as: "finance.0301@demo.example" });
    await screen.findByTestId("systems-table");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Fagsystemer i Oslo");
    expect(screen.getByRole("link", { name: "Oslo" }).getAttribute("href")).toBe("/kommune/0301");
    expect(screen.getByRole("table").querySelector("caption")?.textContent).toBe("Fagsystemer i Oslo, sortert etter navn");
    const names = within(screen.getByTestId("systems-table"))
      .getAllByRole("rowheader")
      .map((h) => h.textContent);
    expect(names).toEqual(["Demo pasientjournal", "Demo sak/arkiv", "Demo skoleadministrasjon", "Demo økonomi og lønn"]);
    const lines = osloSystems(db).systems.find((s) => s.name === "Demo sak/arkiv")?.lineCount ?? -1;
    expect(lines).toBeGreaterThan(0);
    expect(cellsOf("Demo sak/arkiv").slice(0, 5)).toEqual(["Demo", "Sak/arkiv", "Ja", "Ikke oppgitt", String(lines)]);
    expect(cellsOf("Demo pasientjournal").slice(0, 3)).toEqual(["Demo", "Helse og omsorg", "Nei"]);
  });

  it("adds a system, checking the fields first and refusing a name the municipality already has", async () => {
    renderApp(PAGE, { as: "finance.0301@demo.example" });
    await screen.findByTestId("systems-table");
    const form = within(screen.getByTestId("system-form"));
    expect(form.getByRole("heading", { name: "Legg til fagsystem" })).toBeTruthy();

    // Nothing typed: the summary takes focus and each field says what is wrong.
    fireEvent.change(form.getByLabelText("I bruk fra (år)"), { target: { value: "20x3" } });
    fireEvent.click(form.getByRole("button", { name: "Legg til" }));
    const summary = await screen.findByTestId("system-form-errors");
    expect(document.activeElement).toBe(summary);
    expect(fieldErrors()).toEqual(["Skriv navnet på fagsystemet.", "Skriv et årstall med fire sifre, for eksempel 2019."]);
    expect(within(summary).getByRole("link", { name: "Skriv navnet på fagsystemet." }).getAttribute("href")).toBe("#system-name");

    fireEvent.change(form.getByLabelText("Navn"), { target: { value: "Visma Flyt Skole" } });
    fireEvent.change(form.getByLabelText("I bruk fra (år)"), { target: { value: "2023" } });
    fireEvent.change(form.getByLabelText("I bruk til (år)"), { target: { value: "2021" } });
    fireEvent.click(form.getByRole("button", { name: "Legg til" }));
    await waitFor(() => expect(fieldErrors()).toEqual(["«I bruk til» kan ikke være før «I bruk fra» (2023)."]));

    // The server refuses a taken name whatever its case, and the message lands on the name field.
    fireEvent.change(form.getByLabelText("Navn"), { target: { value: "demo SAK/arkiv" } });
    fireEvent.change(form.getByLabelText("I bruk til (år)"), { target: { value: "" } });
    fireEvent.click(form.getByRole("button", { name: "Legg til" }));
    await waitFor(() => expect(fieldErrors()).toEqual([NAME_TAKEN]));
    expect(screen.queryByTestId("system-form-errors")).toBeNull();
    expect(document.activeElement).toBe(form.getByLabelText("Navn"));

    fireEvent.change(form.getByLabelText("Navn"), { target: { value: "Visma Flyt Skole" } });
    fireEvent.change(form.getByLabelText("Leverandør"), { target: { value: "Visma" } });
    fireEvent.change(form.getByLabelText("Klasse"), { target: { value: "schoolChildhood" } });
    fireEvent.click(form.getByLabelText("Sender brev gjennom SvarUt"));
    fireEvent.click(form.getByRole("button", { name: "Legg til" }));
    expect((await screen.findByTestId("systems-message")).textContent).toBe("Visma Flyt Skole er lagret.");
    await screen.findByRole("rowheader", { name: "Visma Flyt Skole" });
    expect(cellsOf("Visma Flyt Skole").slice(0, 5)).toEqual(["Visma", "Skole og oppvekst", "Ja", "Fra 2023", "0"]);
    expect(screen.queryByTestId("system-form-errors")).toBeNull();
    expect(form.getByLabelText<HTMLInputElement>("Navn").value).toBe("");
  });

  it("edits a system in place, and cancelling hands focus back to its edit button", async () => {
    const { db } = renderApp(PAGE, { as: "finance.0301@demo.example" });
    await screen.findByTestId("systems-table");
    fireEvent.click(within(rowOf("Demo økonomi og lønn")).getByRole("button", { name: "Endre Demo økonomi og lønn" }));
    const form = within(screen.getByTestId("system-form"));
    expect(form.getByRole("heading", { name: "Endre Demo økonomi og lønn" })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(form.getByLabelText("Navn")));
    expect(form.getByLabelText<HTMLInputElement>("Leverandør").value).toBe("Demo");

    fireEvent.click(form.getByRole("button", { name: "Avbryt endringen" }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Endre Demo økonomi og lønn"));
    expect(form.getByRole("heading", { name: "Legg til fagsystem" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Endre Demo økonomi og lønn" }));
    fireEvent.change(form.getByLabelText("Navn"), { target: { value: "Økonomi og lønn" } });
    fireEvent.change(form.getByLabelText("Leverandør"), { target: { value: "Unit4" } });
    fireEvent.change(form.getByLabelText("I bruk fra (år)"), { target: { value: "2016" } });
    fireEvent.change(form.getByLabelText("I bruk til (år)"), { target: { value: "2025" } });
    fireEvent.click(form.getByRole("button", { name: "Lagre endringer" }));
    expect((await screen.findByTestId("systems-message")).textContent).toBe("Økonomi og lønn er lagret.");
    await screen.findByRole("rowheader", { name: "Økonomi og lønn" });
    expect(cellsOf("Økonomi og lønn").slice(0, 4)).toEqual(["Unit4", "Økonomi/HR/lønn", "Nei", "2016–2025"]);
    const saved = osloSystems(db).systems.find((s) => s.name === "Økonomi og lønn");
    expect(saved).toMatchObject({ vendor: "Unit4", inUseFrom: 2016, inUseTo: 2025, version: 2 });
  });

  it("does not overwrite a change someone else saved meanwhile, and offers the latest version instead", async () => {
    const { db } = renderApp(PAGE, { as: "finance.0301@demo.example" });
    await screen.findByTestId("systems-table");
    fireEvent.click(screen.getByRole("button", { name: "Endre Demo sak/arkiv" }));
    const form = within(screen.getByTestId("system-form"));
    fireEvent.change(form.getByLabelText("Leverandør"), { target: { value: "Mine endringer" } });

    // A colleague saves the same system first.
    const { oslo, systems } = osloSystems(db);
    const theirs = systems.find((s) => s.name === "Demo sak/arkiv");
    if (!theirs) throw new Error("no Demo sak/arkiv");
    const written = saveSystem(db, {
      organisationId: oslo.id,
      id: theirs.id,
      expectedVersion: theirs.version,
      fields: { name: theirs.name, vendor: "Tieto", systemClass: theirs.systemClass, svarUt: true, inUseFrom: 2012, inUseTo: null },
      now: new Date().toISOString(),
    });
    expect(written.ok).toBe(true);

    fireEvent.click(form.getByRole("button", { name: "Lagre endringer" }));
    const conflict = await screen.findByTestId("system-conflict");
    expect(conflict.textContent).toContain(
      "Noen andre har endret Demo sak/arkiv etter at du åpnet det. Endringene dine er ikke lagret, og ingenting er overskrevet.",
    );
    expect(osloSystems(db).systems.find((s) => s.id === theirs.id)?.vendor).toBe("Tieto");
    // The user's own typing stays in the form until they choose to reload.
    expect(form.getByLabelText<HTMLInputElement>("Leverandør").value).toBe("Mine endringer");

    fireEvent.click(within(conflict).getByRole("button", { name: "Hent siste versjon" }));
    await waitFor(() => expect(form.getByLabelText<HTMLInputElement>("Leverandør").value).toBe("Tieto"));
    expect(screen.queryByTestId("system-conflict")).toBeNull();
    expect(form.getByLabelText<HTMLInputElement>("I bruk fra (år)").value).toBe("2012");
    expect(screen.getByTestId("systems-message").textContent).toBe(
      "Skjemaet viser nå siste versjon av Demo sak/arkiv. Gjør endringene dine på nytt og lagre.",
    );

    fireEvent.change(form.getByLabelText("I bruk til (år)"), { target: { value: "2024" } });
    fireEvent.click(form.getByRole("button", { name: "Lagre endringer" }));
    expect((await screen.findByTestId("systems-message")).textContent).toBe("Demo sak/arkiv er lagret.");
    expect(osloSystems(db).systems.find((s) => s.id === theirs.id)).toMatchObject({ vendor: "Tieto", inUseFrom: 2012, inUseTo: 2024 });
  });

  it("keeps a system that cost lines use, explains why, and leads to setting 'in use to' instead", async () => {
    const { db } = renderApp(PAGE, { as: "finance.0301@demo.example" });
    await screen.findByTestId("systems-table");
    const count = osloSystems(db).systems.find((s) => s.name === "Demo pasientjournal")?.lineCount ?? 0;
    fireEvent.click(screen.getByRole("button", { name: "Slett Demo pasientjournal" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByRole("heading", { name: "Slette Demo pasientjournal?" })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Slett" }));
    const inUse = await within(dialog).findByTestId("system-in-use");
    expect(inUse.textContent).toContain(
      `Demo pasientjournal brukes av ${count} kostnadslinjer og kan ikke slettes. Sett «I bruk til» i stedet. Da blir kostnadene som er ført på fagsystemet, stående.`,
    );
    expect(osloSystems(db).systems.some((s) => s.name === "Demo pasientjournal")).toBe(true);

    fireEvent.click(within(inUse).getByRole("button", { name: "Sett «I bruk til»" }));
    const form = within(screen.getByTestId("system-form"));
    await waitFor(() => expect(document.activeElement).toBe(form.getByLabelText("I bruk til (år)")));
    expect(form.getByRole("heading", { name: "Endre Demo pasientjournal" })).toBeTruthy();
    fireEvent.change(form.getByLabelText("I bruk til (år)"), { target: { value: "2024" } });
    fireEvent.click(form.getByRole("button", { name: "Lagre endringer" }));
    await screen.findByTestId("systems-message");
    await waitFor(() => expect(cellsOf("Demo pasientjournal")[3]).toBe("Til 2024"));
  });

  it("deletes an unused system only after the user confirms", async () => {
    const { db } = renderApp(PAGE, { as: "finance.0301@demo.example" });
    await screen.findByTestId("systems-table");
    const form = within(screen.getByTestId("system-form"));
    fireEvent.change(form.getByLabelText("Navn"), { target: { value: "Prøveprosjekt" } });
    fireEvent.click(form.getByRole("button", { name: "Legg til" }));
    await screen.findByRole("rowheader", { name: "Prøveprosjekt" });

    fireEvent.click(screen.getByRole("button", { name: "Slett Prøveprosjekt" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Prøveprosjekt fjernes fra registeret. Dette kan ikke angres.")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(osloSystems(db).systems.some((s) => s.name === "Prøveprosjekt")).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Slett Prøveprosjekt" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Slett" }));
    await waitFor(() => expect(screen.queryByRole("rowheader", { name: "Prøveprosjekt" })).toBeNull());
    expect(screen.getByTestId("systems-message").textContent).toBe("Prøveprosjekt er slettet.");
    expect(osloSystems(db).systems.some((s) => s.name === "Prøveprosjekt")).toBe(false);
  });

  it("is read-only for the municipality's manager", async () => {
    renderApp(PAGE, { as: "manager.0301@demo.example" });
    await screen.findByTestId("systems-table");
    expect(screen.getByTestId("systems-read-only").textContent).toBe(
      "Du kan se registeret. Det er kommunens økonomiansvarlige og administratorer som kan endre det.",
    );
    expect(screen.queryByTestId("system-form")).toBeNull();
    expect(screen.queryByRole("button", { name: /^(Endre|Slett) / })).toBeNull();
    expect(within(screen.getByTestId("systems-table")).queryByRole("columnheader", { name: "Handlinger" })).toBeNull();
  });

  it("tells another municipality's finance staff politely that the register is not theirs", async () => {
    renderApp(PAGE, { as: "finance.5001@demo.example" });
    const alert = await screen.findByTestId("systems-no-access");
    expect(alert.textContent).toContain(
      "Fagsystemregisteret til Oslo er bare tilgjengelig for kommunens egne brukere, programstyret og administratorer.",
    );
    expect(within(alert).getByRole("link", { name: "Tilbake til Oslo" }).getAttribute("href")).toBe("/kommune/0301");
    expect(screen.queryByTestId("systems-table")).toBeNull();
  });

  it("says what to do next when the municipality has no systems yet", async () => {
    const { db } = renderApp(PAGE, { as: "finance.0301@demo.example" });
    // Before the first query runs: drop the cost lines tied to Oslo's systems, then the systems.
    const { oslo } = osloSystems(db);
    // Drizzle keeps the better-sqlite3 connection on the handle; its type leaves it out.
    const sqlite = (db as unknown as { $client: { exec(sql: string): void } }).$client;
    sqlite.exec(`delete from cost_lines where system_id in (select id from systems where organisation_id = ${oslo.id});
      delete from systems where organisation_id = ${oslo.id};`);
    await screen.findByText(
      "Ingen fagsystemer er registrert ennå. Legg til det første i skjemaet «Legg til fagsystem» nedenfor, så kan kostnadslinjer knyttes til det.",
    );
    expect(screen.queryByTestId("systems-table")).toBeNull();
  });

  it("speaks English when asked, with the class names in English", async () => {
    renderApp(PAGE, { as: "manager.0301@demo.example", language: "en" });
    await screen.findByTestId("systems-table");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Line-of-business systems in Oslo");
    expect(cellsOf("Demo sak/arkiv").slice(1, 3)).toEqual(["Case management and archive", "Yes"]);
  });
});
