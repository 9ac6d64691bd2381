import { getCostReport, getMunicipalityByNumber, listCostLines, saveCostReport, setCostReportStatus, type Db } from "@malestokk/db";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { confirm, nbsp, returnReport, saveMeanwhile } from "../../test/cost-report";
import { renderApp } from "../../test/render";

describe("the cost report page", () => {
  it("shows an approved demo report read-only to finance, with lines and totals", async () => {
    renderApp("/kommune/1103/kostnader/2024", { as: "finance.1103@demo.example" });
    expect(await screen.findByRole("heading", { level: 1, name: /IKT-kostnader 2024 – Stavanger/ })).toBeTruthy();
    expect((await screen.findByTestId("report-status")).textContent).toBe("Godkjent");
    expect(screen.getByTestId("report-read-only").textContent).toMatch(/godkjent\. En leder kan sende den tilbake/);
    expect(within(screen.getByTestId("cost-lines")).getAllByRole("row").length).toBeGreaterThan(5);
    expect(nbsp(screen.getByTestId("report-total").textContent)).toMatch(/^Samlede IKT-kostnader: [\d ]+ kr$/);
    expect(screen.queryByRole("button", { name: "Lagre utkast" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send inn" })).toBeNull();
  });

  it("takes a report through return, editing with live totals and warnings, submit and approval (admin holds every role)", async () => {
    renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
    fireEvent.change(await screen.findByLabelText("Kommentar til økonomi"), { target: { value: "Lisensene mangler" } });
    await confirm("Send tilbake");
    expect((await screen.findByTestId("report-returned")).textContent).toContain("Lisensene mangler");

    // Replace the first line's amount with one ten times too large: the total and the warnings follow as you type.
    const amount = await screen.findByLabelText("Beløp (kr), linje 1");
    fireEvent.change(amount, { target: { value: "900 000 000" } });
    await waitFor(() => expect(screen.getByTestId("warning-K1:peer").textContent).toMatch(/ganger medianen for KOSTRA-gruppen/));
    expect(screen.getByTestId("report-missing").textContent).toMatch(/forklaring på \d+ varsler/);
    const total = Number(nbsp(screen.getByTestId("report-total").textContent).replace(/\D/g, ""));
    expect(total).toBeGreaterThan(900_000_000);

    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    expect((await screen.findByTestId("report-message")).textContent).toBe("Lagret.");
    await waitFor(() => expect(screen.getByTestId("report-status").textContent).toBe("Utkast"));

    // Submitting without explanations says what is missing before asking (issue 20, point 13); the server refuses it too.
    fireEvent.click(screen.getByRole("button", { name: "Send inn" }));
    expect((await screen.findByTestId("report-submit-missing")).textContent).toContain(
      "Skriv en forklaring på hvert varsel før du sender inn.",
    );
    expect(screen.queryByRole("dialog")).toBeNull();

    for (const field of screen.getAllByLabelText("Forklaring"))
      fireEvent.change(field, { target: { value: "Engangskjøp av ny plattform" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await screen.findByText("Lagret.");
    fireEvent.click(await screen.findByRole("button", { name: "Send inn" }));
    await confirm("Send inn");
    await waitFor(() => expect(screen.getByTestId("report-status").textContent).toBe("Sendt inn"));
    // The draft's "Lagret." does not linger once the report has moved on (issue 20, point 28).
    expect(screen.queryByText("Lagret.")).toBeNull();

    fireEvent.click(await screen.findByRole("button", { name: "Godkjenn" }));
    await confirm("Godkjenn");
    await waitFor(() => expect(screen.getByTestId("report-status").textContent).toBe("Godkjent"));
  });

  it("names the line and the problem for an amount it cannot read, links to it, and saves nothing", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    await returnReport("Rett linjene");
    const version = getCostReport(db, getMunicipalityByNumber(db, "1103")?.id ?? 0, 2024)?.version;

    fireEvent.change(await screen.findByLabelText("Beløp (kr), linje 2"), { target: { value: "12 kroner" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    const summary = await screen.findByTestId("report-errors");
    const link = within(summary).getByRole("link");
    expect(link.textContent).toBe("Linje 2: Beløpet må være et tall, for eksempel 12 500 000.");
    expect(link.getAttribute("href")).toMatch(/^#line-\d+-amount$/);
    expect(getCostReport(db, getMunicipalityByNumber(db, "1103")?.id ?? 0, 2024)?.version).toBe(version);
  });

  it("rounds øre typed by hand by the same rule as a file (50 øre up), says so next to the field, and saves whole kroner", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    await returnReport("Rett linjene");

    const amount = await screen.findByLabelText("Beløp (kr), linje 1");
    fireEvent.change(amount, { target: { value: "1 234 567,50" } });
    const note = document.getElementById(`${amount.id}-note`);
    expect(nbsp(note?.textContent)).toBe("Lagres som 1 234 568 kr: øre rundes til nærmeste hele krone, 50 øre og mer opp.");
    expect(amount.getAttribute("aria-describedby")).toContain(`${amount.id}-note`);
    expect(amount.getAttribute("aria-invalid")).toBeNull();
    fireEvent.change(screen.getByLabelText("Beløp (kr), linje 2"), { target: { value: "100,49" } });

    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    expect((await screen.findByTestId("report-message")).textContent).toBe("Lagret.");
    expect(screen.queryByTestId("report-errors")).toBeNull();
    const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
    const report = getCostReport(db, stavanger, 2024);
    expect(
      listCostLines(db, report?.id ?? 0)
        .map((line) => line.amount)
        .slice(0, 2),
    ).toEqual([1_234_568, 100]);
  });

  it("adds and removes lines, and shows both versions on a concurrent save without overwriting", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    await returnReport("Rett linjene");

    const rows = () => within(screen.getByTestId("cost-lines")).getAllByRole("row").length - 1;
    const before = rows();
    fireEvent.click(screen.getByRole("button", { name: "Legg til linje" }));
    expect(rows()).toBe(before + 1);
    fireEvent.click(screen.getByRole("button", { name: `Fjern linje ${before + 1}` }));
    expect(rows()).toBe(before);

    // Someone else saves meanwhile.
    const stavanger = saveMeanwhile(db, [{ service: "operations", costType: "ownStaff", systemId: null, amount: 5, comment: null }]);

    fireEvent.change(screen.getByLabelText("Beløp (kr), linje 1"), { target: { value: "1 000" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    const conflict = await screen.findByTestId("report-conflict");
    expect(nbsp(conflict.textContent)).toMatch(/Lagret versjon \d+: 5 kr, 1 linjer/);
    expect(getCostReport(db, stavanger, 2024)?.totalItCost).toBe(5);
    fireEvent.click(within(conflict).getByRole("button", { name: "Bruk den lagrede versjonen" }));
    expect(rows()).toBe(1);
  });
});

describe("the manager's return comment (issue 18)", () => {
  it("stays in view, with who returned it and when, through an import and a save until the report is submitted again", async () => {
    renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
    fireEvent.change(await screen.findByLabelText("Kommentar til økonomi"), { target: { value: "Lisensene mangler" } });
    await confirm("Send tilbake");
    const shown =
      /^Sendt tilbake av Demo administrator \(\d+\. .+ \d{4}.*\d{2}:\d{2}\): «Lisensene mangler» Rett rapporten og send den inn igjen\.$/;
    expect((await screen.findByTestId("report-returned")).textContent).toMatch(shown);

    fireEvent.change(screen.getByLabelText("Fil (CSV eller XLSX)"), {
      target: {
        files: [
          new File(
            ["IKT-tjeneste;Kostnadstype;Beløp (kr)\nDrift og forvaltning;Egne ansatte;90 000 000\nBrukerstøtte;Egne ansatte;30 000 000\n"],
            "ny.csv",
            { type: "text/csv" },
          ),
        ],
      },
    });
    await screen.findByText(/ny\.csv/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis import" }));
    await screen.findByTestId("import-summary");
    fireEvent.click(screen.getByRole("button", { name: "Importer" }));
    await confirm("Importer");
    await screen.findByText(/^Importert: 2 linjer/);
    await waitFor(() => expect(screen.getByTestId("report-status").textContent).toBe("Utkast"));
    expect(screen.getByTestId("report-returned").textContent).toMatch(shown);

    for (const field of screen.getAllByLabelText("Forklaring"))
      fireEvent.change(field, { target: { value: "Tallene fra økonomisystemet" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await screen.findByText("Lagret.");
    expect(screen.getByTestId("report-returned").textContent).toMatch(shown);

    fireEvent.click(await screen.findByRole("button", { name: "Send inn" }));
    await confirm("Send inn");
    await waitFor(() => expect(screen.getByTestId("report-status").textContent).toBe("Sendt inn"));
    expect(screen.queryByTestId("report-returned")).toBeNull();
  });
});

describe("a report before approval, seen by the programme board (issue 17, finding 3)", () => {
  /** Stavanger's 2024 report, returned, corrected with 31 337 kr and submitted by finance. */
  function submitCorrection(db: Db) {
    const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
    const now = new Date().toISOString();
    const current = getCostReport(db, stavanger, 2024);
    const returned = setCostReportStatus(db, {
      reportId: current?.id ?? 0,
      expectedVersion: current?.version ?? 0,
      status: "returned",
      now,
      by: "manager.1103@demo.example",
      returnComment: "Rett lisensene",
    });
    const saved = saveCostReport(db, {
      organisationId: stavanger,
      year: 2024,
      expectedVersion: returned.ok ? returned.row.version : 0,
      content: {
        lines: [{ service: "operations", costType: "licences", systemId: null, amount: 31_337, comment: "Hemmelig linje" }],
        itUserAccounts: 31_337,
        employeesFte: null,
        populationOverride: null,
        grossOperatingExpenditureOverride: null,
        warningComments: {},
        allocation: null,
      },
      source: "entered",
      now,
    });
    setCostReportStatus(db, {
      reportId: current?.id ?? 0,
      expectedVersion: saved.ok ? saved.row.version : 0,
      status: "submitted",
      now,
      by: "finance.1103@demo.example",
    });
  }

  it("shows the status and who submitted it, says the content comes with approval, and shows no line or amount", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "board@demo.example" });
    submitCorrection(db);
    const withheld = await screen.findByTestId("withheld-report");
    expect(within(withheld).getByTestId("withheld-status").textContent).toBe("Sendt inn");
    expect(withheld.textContent).toContain("Sendt inn av Demo økonomi 1103");
    expect(withheld.textContent).toContain("Rapporten er ikke godkjent ennå; innholdet vises når den er godkjent.");
    expect(screen.queryByTestId("cost-lines")).toBeNull();
    expect(screen.queryByTestId("report-total")).toBeNull();
    expect(nbsp(document.body.textContent)).not.toMatch(/31 ?337|Hemmelig linje|Rett lisensene/);
  });

  it("leaves the total of that year out of the reporting overview, and says when it comes", async () => {
    const { db } = renderApp("/kommune/1103", { as: "board@demo.example" });
    submitCorrection(db);
    const table = await screen.findByTestId("cost-years");
    const row = (await within(table).findByRole("link", { name: "Åpne 2024" })).closest("tr");
    expect(row?.textContent).toContain("Vises når godkjent");
    expect(nbsp(row?.textContent)).not.toMatch(/\d kr/);
    expect(nbsp(within(table).getByRole("link", { name: "Åpne 2023" }).closest("tr")?.textContent)).toMatch(/\d kr/);
  });
});

describe("saving a cost report (issue 19)", () => {
  it("refreshes the views that read the same indicators: the sector dashboard shows the new figures when the board goes back", async () => {
    const { db, router, queryClient } = renderApp("/sektor", { as: "admin@demo.example" });
    // The whole sector's figures are computed for this first load: give a loaded test machine time.
    await screen.findByRole("heading", { level: 1, name: /^Sektoren \d{4}$/ }, { timeout: 30_000 });
    const dashboard = () => queryClient.getQueryCache().findAll({ queryKey: [["sector", "dashboard"]] })[0]?.state.dataUpdateCount ?? 0;
    const before = dashboard();
    expect(before).toBeGreaterThan(0);
    // Sent back to finance outside this page, so that the page's own step is a save alone.
    const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
    const current = getCostReport(db, stavanger, 2024);
    setCostReportStatus(db, {
      reportId: current?.id ?? 0,
      expectedVersion: current?.version ?? 0,
      status: "returned",
      now: new Date().toISOString(),
      by: "manager.1103@demo.example",
      returnComment: "Rett linjene",
    });

    await act(() => router.navigate("/kommune/1103/kostnader/2024"));
    fireEvent.change(await screen.findByLabelText("Beløp (kr), linje 1"), { target: { value: "1 234 567" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    expect((await screen.findByTestId("report-message")).textContent).toBe("Lagret.");

    await act(() => router.navigate("/sektor"));
    await waitFor(() => expect(dashboard()).toBeGreaterThan(before));
  });
});

describe("the plausibility checks' peer group", () => {
  it("says that the ten largest stand in for Oslo's one-member KOSTRA group, and names it tilnærmet (issue 20)", async () => {
    renderApp("/kommune/0301/kostnader/2024", { as: "finance.0301@demo.example" });
    expect((await screen.findByTestId("peer-stand-in")).textContent).toBe(
      "Den valgte gruppen (Samme KOSTRA-gruppe) har færre enn tre kommuner. Tallene sammenlignes derfor med en tilnærmet gruppe: ASSS-nettverket (de ti største).",
    );
  });
});

describe("«Send inn» with warnings that lack an explanation (issue 20, point 13)", () => {
  it("lists what is missing, linked to each field, instead of opening the confirmation, and opens it once nothing is missing", async () => {
    renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    await returnReport("Lisensene mangler");
    fireEvent.change(await screen.findByLabelText("Beløp (kr), linje 1"), { target: { value: "900 000 000" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await waitFor(() => expect(screen.getByTestId("report-status").textContent).toBe("Utkast"));

    fireEvent.click(await screen.findByRole("button", { name: "Send inn" }));
    const summary = await screen.findByTestId("report-submit-missing");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(summary.textContent).toContain("Skriv en forklaring på hvert varsel før du sender inn.");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const fields = screen.getAllByLabelText("Forklaring");
    const links = within(summary).getAllByRole("link");
    expect(links.map((l) => l.getAttribute("href"))).toEqual(fields.map((f) => `#${f.id}`));
    expect(links[0]?.textContent).toMatch(/^Forklaring mangler: IKT-kostnad per innbygger er /);

    for (const field of fields) fireEvent.change(field, { target: { value: "Engangskjøp av ny plattform" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await screen.findByText("Lagret.");
    expect(screen.queryByTestId("report-submit-missing")).toBeNull();
    fireEvent.click(await screen.findByRole("button", { name: "Send inn" }));
    expect(within(await screen.findByRole("dialog")).getByText("Sende inn rapporten?")).toBeTruthy();
  });
});
