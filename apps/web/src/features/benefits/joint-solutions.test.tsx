import { insertTemplateVersion, listTemplateVersions } from "@malestokk/db";
import { createTestDb } from "@malestokk/db/testing";
import type { TemplateBenefit } from "@malestokk/domain";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

// Issue 26: the demo's SvarUt project is a joint solution; Bergen's manager adopts it and approves the local plan.

/** The seed is deterministic: Oslo's SvarUt project has the same id in every copy of the test database. */
function svarUtId(): number {
  const { sqlite } = createTestDb({ seed: true });
  const row = sqlite
    .prepare(
      "select p.id from projects p join organisations o on o.id = p.owner_organisation_id where o.number = '0301' and p.name = 'Digital post med SvarUt'",
    )
    .get() as { id: number };
  sqlite.close();
  return row.id;
}

describe("joint solutions", () => {
  it("shows the board the template and each adopter's status and value on the project's page", async () => {
    renderApp(`/gevinster/prosjekt/${svarUtId()}`, { as: "board@demo.example" });
    const rollUp = await screen.findByTestId("roll-up", {}, { timeout: 10_000 });
    const adopters = within(rollUp).getByTestId("roll-up-adopters");
    expect(within(adopters).getAllByRole("row")).toHaveLength(6);
    expect(within(adopters).getByRole("link", { name: "Bærum (3201)" })).toBeTruthy();
    expect(within(screen.getByTestId("template-section")).getByText(/Publisert versjon 2/)).toBeTruthy();
  });

  it("lets Bergen's manager adopt the solution, then approve the local plan, with the computation shown", async () => {
    renderApp(`/kommune/4601/felles/${svarUtId()}`, { as: "manager.4601@demo.example" });
    const form = await screen.findByTestId("local-plan-form", {}, { timeout: 10_000 });
    expect(within(form).getAllByText(/Utgangspunkt fra kommunens godkjente tall/)).toHaveLength(2);
    for (const field of within(form).getAllByRole("combobox"))
      fireEvent.change(field, { target: { value: (field as HTMLSelectElement).options[1]?.value } });
    fireEvent.click(within(form).getByRole("button", { name: "Ta i bruk" }));
    const dialog = await screen.findByTestId("confirm-dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Ta i bruk" }));
    expect(await screen.findByText("Tatt i bruk, ikke godkjent", {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getAllByText(/ × .* = /).length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole("button", { name: "Godkjenn planen" }));
    fireEvent.click(within(await screen.findByTestId("confirm-dialog")).getByRole("button", { name: "Godkjenn planen" }));
    expect(await screen.findByText("Planen er godkjent.")).toBeTruthy();
    await waitFor(() => expect(within(screen.getByTestId("local-plan-status")).getByText("Godkjent")).toBeTruthy());
  });
});

/**
 * Version 3 of the demo's SvarUt template (issue 26): a new price from 2026 and a benefit no indicator measures,
 * "Saker løst digitalt", a share of 60 000 kr a year, written straight into the test's database.
 */
function publishVersion3(db: Parameters<typeof listTemplateVersions>[0], projectId: number) {
  const v2 = listTemplateVersions(db, projectId)[0];
  if (!v2) throw new Error("the demo's SvarUt template");
  const [porto, ...rest] = v2.benefits;
  if (!porto) throw new Error("the demo's porto benefit");
  const solved: TemplateBenefit = {
    ...porto,
    key: "saker",
    title: "Saker løst digitalt",
    description: null,
    cash: false,
    valuation: "freedCapacity",
    valueMethod: "share",
    linkedIndicatorCode: null,
    indicator: { name: "Saker løst digitalt", unit: "saker", direction: "higher", method: null, frequency: "yearly" },
    suggestedTargets: [{ afterYears: 4, value: 100 }],
    annualValueNok: 60_000,
    unitValues: [],
  };
  const newPrice = { fromYear: 2026, valueNok: 15, date: "2026-01-05", source: "Demo: porto 2026" };
  insertTemplateVersion(db, {
    projectId,
    content: { benefits: [{ ...porto, unitValues: [...porto.unitValues, newPrice] }, ...rest, solved] },
    byName: "Sekretariatet",
    userId: null,
    comment: "Saker løst digitalt",
    now: new Date().toISOString(),
  });
}

describe("the template's history and measurements typed by hand (issue 26)", () => {
  it("lists the template's versions with who published them and what each changed", async () => {
    renderApp(`/gevinster/prosjekt/${svarUtId()}`, { as: "board@demo.example" });
    const history = await screen.findByTestId("template-history", {}, { timeout: 10_000 });
    const rows = within(history).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.querySelector("th, td")?.textContent)).toEqual(["Versjon 2", "Versjon 1"]);
    expect(within(rows[0] as HTMLElement).getByText("Demo: nye priser og saksbehandling.")).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText("Ny gevinst: «Kortere og sporbar saksbehandling».")).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText(/^Enhetsverdier for «Spart porto og papir»: fra 2024 14\skr \(ny\)\.$/)).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("Første versjon.")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("Demo sekretariatet")).toBeTruthy();
  });

  it("shows Oslo's manager what a newer version changes before accepting it, then records, changes and deletes a typed measurement", async () => {
    const projectId = svarUtId();
    const { router, db } = renderApp("/", { as: "manager.0301@demo.example" });
    publishVersion3(db, projectId);
    await act(() => router.navigate(`/kommune/0301/felles/${projectId}`));
    const newer = await screen.findByTestId("newer-template", {}, { timeout: 10_000 });
    expect(within(newer).getByText("Dette vil versjon 3 endre i forhold til versjon 2, som planen følger nå:")).toBeTruthy();
    expect(within(newer).getByText("Ny gevinst: «Saker løst digitalt».")).toBeTruthy();
    expect(within(newer).getByText(/fra 2026 15\skr \(ny\)/)).toBeTruthy();
    fireEvent.click(within(newer).getByRole("button", { name: "Ta i bruk versjon 3" }));
    fireEvent.click(
      within(await screen.findByRole("dialog", { name: /^Ta i bruk versjon 3/ })).getByRole("button", { name: "Ta i bruk versjon 3" }),
    );
    const form = await screen.findByTestId("typed-form-saker", {}, { timeout: 10_000 });
    expect(screen.getByText("Ingen målinger ennå. Registrer den første nedenfor når dere har målt.")).toBeTruthy();
    // Porto is measured by S3's approved figures: no form for it.
    expect(screen.queryByTestId("typed-form-porto")).toBeNull();

    // A date after today is refused on the field.
    fireEvent.change(within(form).getByLabelText("Målt verdi (saker)"), { target: { value: "50" } });
    fireEvent.change(within(form).getByLabelText("Målt dato"), { target: { value: "2099-12-31" } });
    fireEvent.click(within(form).getByRole("button", { name: "Registrer måling" }));
    await waitFor(() => expect(within(form).getByLabelText("Målt dato").getAttribute("aria-invalid")).toBe("true"));

    fireEvent.change(within(form).getByLabelText("Målt dato"), { target: { value: "2025-12-31" } });
    fireEvent.change(within(form).getByLabelText("Kommentar (valgfri)"), { target: { value: "Fra sak/arkiv" } });
    fireEvent.click(within(form).getByRole("button", { name: "Registrer måling" }));
    expect(await screen.findByText("Målingen er registrert.", {}, { timeout: 10_000 })).toBeTruthy();
    const realized2025 = () => within(screen.getByTestId("local-years-saker")).getByRole("row", { name: /^2025/ }).textContent ?? "";
    // 50 of the planned 100 cases: half of 60 000 kr.
    await waitFor(() => expect(realized2025()).toMatch(/50\ssaker: andel av 60\s000\skr = 30\s000\skr$/));
    const list = screen.getByTestId("typed-measurements-saker");
    expect(within(list).getByText("Fra sak/arkiv")).toBeTruthy();

    fireEvent.click(within(list).getByRole("button", { name: /^Endre målingen fra 31\. desember 2025$/ }));
    const changing = screen.getByTestId("typed-form-saker");
    expect(within(changing).getByLabelText<HTMLInputElement>("Målt verdi (saker)").value).toBe("50");
    fireEvent.change(within(changing).getByLabelText("Målt verdi (saker)"), { target: { value: "100" } });
    fireEvent.click(within(changing).getByRole("button", { name: "Lagre endringen" }));
    expect(await screen.findByText("Målingen er endret.", {}, { timeout: 10_000 })).toBeTruthy();
    await waitFor(() => expect(realized2025()).toMatch(/100\ssaker: andel av 60\s000\skr = 60\s000\skr$/));

    fireEvent.click(
      within(screen.getByTestId("typed-measurements-saker")).getByRole("button", { name: /^Slett målingen fra 31\. desember 2025$/ }),
    );
    // Each benefit's measurements have their own confirmation; the open one asks.
    const dialog = await screen.findByRole("dialog", { name: /^Slette målingen fra 31\. desember 2025\?/ });
    fireEvent.click(within(dialog).getByRole("button", { name: /^Slett målingen fra 31\. desember 2025$/ }));
    expect(await screen.findByText("Målingen er slettet.", {}, { timeout: 10_000 })).toBeTruthy();
    await waitFor(() => expect(realized2025()).toMatch(/ikke målt–$/));
  });
});
