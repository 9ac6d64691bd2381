import {
  countPublishableUnits,
  countReportsByYear,
  getReportingYear,
  listAudit,
  listMunicipalities,
  setReportingYearState,
} from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

const PAGE = "/admin/aar";

function rowOf(year: number): HTMLElement {
  const row = within(screen.getByTestId("years-table"))
    .getByRole("rowheader", { name: String(year) })
    .closest("tr");
  if (!row) throw new Error(`no row for ${year}`);
  return row;
}

function cellsOf(year: number): string[] {
  return within(rowOf(year))
    .getAllByRole("cell")
    .map((c) => (c.textContent ?? "").replace(/\u00a0/g, " "));
}

describe("admin: reporting years", () => {
  it("lists the years newest first with state, deadline, reports per status and how many municipalities are missing", async () => {
    const { db } = renderApp(PAGE, { as: "admin@demo.example" });
    const table = await screen.findByTestId("years-table");
    expect(table.querySelector("caption")?.textContent).toBe("Rapporteringsår, nyeste først, med antall kostnadsrapporter per status");
    const years = within(table)
      .getAllByRole("rowheader")
      .map((h) => Number(h.textContent));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years[0]).toBe(2025);
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual([
      "År",
      "Status",
      "Frist",
      "Utkast",
      "Sendt inn",
      "Sendt tilbake",
      "Godkjent",
      "Mangler",
      "Publisering",
      "Enheter med godkjente tall",
      "Handling",
    ]);

    const municipalities = listMunicipalities(db).length;
    const counts = countReportsByYear(db).get(2024) ?? { draft: 0, submitted: 0, returned: 0, approved: 0 };
    const reported = counts.draft + counts.submitted + counts.returned + counts.approved;
    const n = (v: number) => new Intl.NumberFormat("nb-NO").format(v).replace(/\u00a0/g, " ");
    expect(cellsOf(2024).slice(0, 7)).toEqual([
      "Åpent",
      "30. april 2025",
      n(counts.draft),
      n(counts.submitted),
      n(counts.returned),
      n(counts.approved),
      n(Math.max(0, municipalities - reported)),
    ]);
    expect(
      screen.getByText(`«Mangler» er kommuner som ikke har begynt på kostnadsrapporten for året, av ${n(municipalities)} kommuner i alt.`),
    ).toBeTruthy();
  });

  it("closes a year only after a confirm that says every report gets locked, then shows it closed", async () => {
    const { db } = renderApp(PAGE, { as: "admin@demo.example" });
    await screen.findByTestId("years-table");
    fireEvent.click(within(rowOf(2024)).getByRole("button", { name: "Steng 2024" }));
    let dialog = await screen.findByRole("dialog", { name: "Stenge 2024?" });
    expect(dialog.textContent).toContain(
      "Alle rapporter for 2024 låses: kostnadsrapporter og kvalitets- og omfangsrapporter kan ikke lenger endres, sendes inn, sendes tilbake eller godkjennes.",
    );
    expect(dialog.textContent).toContain("Året kan åpnes igjen senere, med en begrunnelse.");

    // Cancelling changes nothing.
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(getReportingYear(db, 2024)?.state).toBe("open");

    fireEvent.click(within(rowOf(2024)).getByRole("button", { name: "Steng 2024" }));
    dialog = await screen.findByRole("dialog", { name: "Stenge 2024?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Steng året" }));
    expect((await screen.findByTestId("years-message")).textContent).toBe("2024 er stengt.");
    await waitFor(() => expect(cellsOf(2024)[0]).toBe("Stengt"));
    expect(within(rowOf(2024)).getByRole("button", { name: "Åpne 2024 igjen" })).toBeTruthy();
    expect(cellsOf(2023)[0]).toBe("Åpent");
    expect(getReportingYear(db, 2024)?.state).toBe("closed");
  });

  it("reopens a year only with a reason of at least three characters", async () => {
    const { db } = renderApp(PAGE, { as: "admin@demo.example" });
    setReportingYearState(db, 2023, "closed");
    await screen.findByTestId("years-table");
    expect(cellsOf(2023)[0]).toBe("Stengt");

    fireEvent.click(within(rowOf(2023)).getByRole("button", { name: "Åpne 2023 igjen" }));
    const dialog = await screen.findByRole("dialog", { name: "Åpne 2023 igjen?" });
    const reason = within(dialog).getByLabelText("Begrunnelse");
    fireEvent.click(within(dialog).getByRole("button", { name: "Åpne året" }));
    expect(await within(dialog).findByText("Skriv en begrunnelse på minst 3 tegn.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(reason));

    fireEvent.change(reason, { target: { value: "  ab " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Åpne året" }));
    await waitFor(() => expect(within(dialog).getByText("Skriv en begrunnelse på minst 3 tegn.")).toBeTruthy());
    expect(getReportingYear(db, 2023)?.state).toBe("closed");

    fireEvent.change(reason, { target: { value: "Bergen retter lisensene" } });
    await waitFor(() => expect(within(dialog).queryByText("Skriv en begrunnelse på minst 3 tegn.")).toBeNull());
    fireEvent.click(within(dialog).getByRole("button", { name: "Åpne året" }));
    expect((await screen.findByTestId("years-message")).textContent).toBe("2023 er åpnet igjen.");
    await waitFor(() => expect(cellsOf(2023)[0]).toBe("Åpent"));
    expect(getReportingYear(db, 2023)?.state).toBe("open");
  });

  it("shows the year as it is when another administrator closed it first", async () => {
    const { db } = renderApp(PAGE, { as: "admin@demo.example" });
    await screen.findByTestId("years-table");
    fireEvent.click(within(rowOf(2022)).getByRole("button", { name: "Steng 2022" }));
    const dialog = await screen.findByRole("dialog", { name: "Stenge 2022?" });
    setReportingYearState(db, 2022, "closed");
    fireEvent.click(within(dialog).getByRole("button", { name: "Steng året" }));
    expect((await screen.findByTestId("years-message")).textContent).toBe(
      "2022 er allerede stengt, kanskje av en annen administrator. Tabellen er oppdatert.",
    );
    await waitFor(() => expect(cellsOf(2022)[0]).toBe("Stengt"));
  });

  it("speaks English when asked", async () => {
    renderApp(PAGE, { as: "admin@demo.example", language: "en" });
    await screen.findByTestId("years-table");
    expect(cellsOf(2024).slice(0, 2)).toEqual(["Open", "30. april 2025"]);
    expect(within(rowOf(2024)).getByRole("button", { name: "Close 2024" })).toBeTruthy();
  });

  it.each(["board@demo.example", "finance.0301@demo.example"])("tells %s that the page is for administrators", async (user) => {
    renderApp(PAGE, { as: user });
    expect((await screen.findByTestId("years-admin-only")).textContent).toBe(
      "Bare administratorer kan stenge, åpne og publisere rapporteringsår.",
    );
    expect(screen.queryByTestId("years-table")).toBeNull();
  });

  it("publishes a year on a date after a confirm, shows a date ahead as scheduled, and withdraws it only after a warning", async () => {
    const { db } = renderApp(PAGE, { as: "admin@demo.example" });
    await screen.findByTestId("years-table");
    const n = (v: number) => new Intl.NumberFormat("nb-NO").format(v).replace(/\u00a0/g, " ");
    // The demo publishes its complete years, each on 15 June of the year after; 2025 is still being reported.
    expect(cellsOf(2024)[7]).toBe("Publisert 15.06.2025");
    expect(cellsOf(2025).slice(7, 9)).toEqual(["Ikke publisert", n(countPublishableUnits(db).get(2025) ?? 0)]);

    fireEvent.click(within(rowOf(2025)).getByRole("button", { name: "Publiser 2025" }));
    let dialog = await screen.findByRole("dialog", { name: "Publisere 2025?" });
    expect(dialog.textContent).toContain("Utkast og innsendte tall publiseres aldri.");
    // No date: the field says so, and nothing is saved.
    fireEvent.click(within(dialog).getByRole("button", { name: "Lagre publiseringsdato" }));
    expect(await within(dialog).findByText("Velg en dato.")).toBeTruthy();
    expect(getReportingYear(db, 2025)?.publishedOn).toBeNull();

    // A date ahead is a scheduled release.
    fireEvent.change(within(dialog).getByLabelText("Publiseringsdato"), { target: { value: "2099-06-15" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Lagre publiseringsdato" }));
    await waitFor(() => expect(cellsOf(2025)[7]).toBe("Publiseres 15.06.2099"));
    expect(getReportingYear(db, 2025)?.publishedOn).toBe("2099-06-15");
    expect(listAudit(db, { action: "years.publicationSet", limit: 1 })).toHaveLength(1);

    fireEvent.click(within(rowOf(2025)).getByRole("button", { name: "Trekk tilbake publiseringen av 2025" }));
    dialog = await screen.findByRole("dialog", { name: "Trekke tilbake publiseringen av 2025?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Trekk tilbake" }));
    expect((await screen.findByTestId("years-message")).textContent).toBe("Publiseringen av 2025 er trukket tilbake.");
    await waitFor(() => expect(cellsOf(2025)[7]).toBe("Ikke publisert"));
    expect(getReportingYear(db, 2025)?.publishedOn).toBeNull();
  });
});
