import { getCostReport, getMunicipalityByNumber, listCostLines, listSystems, saveCooperative, saveCostReport, setCostReportStatus, type Db } from "@malestokk/db";
import type { CostType, ItService } from "@malestokk/domain";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { CostLine } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

/** Someone else saves Stavanger's 2024 report while the page shows it; gives Stavanger's id. */
function saveMeanwhile(db: Db, lines: CostLine[]): number {
  const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
  saveCostReport(db, {
    organisationId: stavanger,
    year: 2024,
    expectedVersion: getCostReport(db, stavanger, 2024)?.version ?? 0,
    content: { lines, itUserAccounts: null, employeesFte: null, populationOverride: null, grossOperatingExpenditureOverride: null, warningComments: {}, allocation: null },
    source: "entered",
    now: new Date().toISOString(),
  });
  return stavanger;
}

async function confirm(name: string) {
  const dialog = await screen.findByRole("dialog");
  fireEvent.click(within(dialog).getByRole("button", { name }));
}

/** As a manager, sends the report on the page back to finance, so that it can be edited. */
async function returnReport(comment: string) {
  fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
  fireEvent.change(await screen.findByLabelText("Kommentar til økonomi"), { target: { value: comment } });
  await confirm("Send tilbake");
  await screen.findByTestId("report-returned");
}

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

    // Submitting without explanations is refused by the server, with the reason.
    fireEvent.click(screen.getByRole("button", { name: "Send inn" }));
    await confirm("Send inn");
    expect((await screen.findByRole("alert")).textContent).toBe("Skriv en forklaring på hvert varsel før du sender inn.");
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Avbryt" }));

    for (const field of screen.getAllByLabelText("Forklaring")) fireEvent.change(field, { target: { value: "Engangskjøp av ny plattform" } });
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
    expect(listCostLines(db, report?.id ?? 0).map((line) => line.amount).slice(0, 2)).toEqual([1_234_568, 100]);
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

describe("importing a cost file on the report page", () => {
  function upload(text: string, name: string) {
    const input = screen.getByLabelText("Fil (CSV eller XLSX)");
    fireEvent.change(input, { target: { files: [new File([text], name, { type: "text/csv" })] } });
  }

  it("lists every problem by row, column and value, then imports the corrected file on confirmation", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    await returnReport("Importer fra økonomisystemet");

    upload("IKT-tjeneste;Kostnadstype;Beløp (kr)\nBrukerstøtte;Egne ansatte;mange\nKaffe;Egne ansatte;100\n", "feil.csv");
    await screen.findByText(/feil\.csv, 1 kB/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis import" }));
    const issues = await screen.findByTestId("import-issues");
    const rows = within(issues).getAllByRole("row").map((r) => within(r).queryAllByRole("cell").map((c) => nbsp(c.textContent)));
    expect(rows.slice(1)).toEqual([
      ["2", "Beløp (kr)", "mange", "ikke et beløp; skriv hele kroner, for eksempel 1 250 000"],
      ["3", "IKT-tjeneste", "Kaffe", "ukjent IKT-tjeneste; bruk en av tjenestene i malen: «Brukerstøtte», «Drift og forvaltning», «Utvikling», «Infrastruktur og utstyr» eller «IKT-ledelse og administrasjon»"],
    ]);
    expect(screen.getByTestId("import-refused").textContent).toBe("«feil.csv» kan ikke importeres: 2 feil på 2 rader; rett filen og prøv igjen. Ingenting er lagret.");
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Importer" }).disabled).toBe(true);

    upload("IKT-tjeneste;Kostnadstype;Beløp (kr)\nBrukerstøtte;Egne ansatte;1 200 000\nUtvikling;Eksterne tjenester;300 000,40\n", "riktig.csv");
    await screen.findByText(/riktig\.csv/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis import" }));
    expect(nbsp((await screen.findByTestId("import-summary")).textContent)).toMatch(/^2 linjer, til sammen 1 500 000 kr \(nå [\d ]+ kr\)\. 0 nye, 2 endrede og \d+ fjernede linjer\.$/);
    expect(screen.getByText((_, element) => element?.tagName === "LI" && nbsp(element.textContent) === "Rad 3: 300 000,40 lagres som 300 000 kr: øre rundes til nærmeste hele krone, 50 øre og mer opp.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Importer" }));
    await confirm("Importer");
    expect((await screen.findByTestId("import-message")).textContent).toBe("Importert: 2 linjer. Rapporten er et utkast.");
    await waitFor(() => expect(within(screen.getByTestId("cost-lines")).getAllByRole("row")).toHaveLength(3));
    expect(getCostReport(db, getMunicipalityByNumber(db, "1103")?.id ?? 0, 2024)).toMatchObject({ totalItCost: 1_500_000, source: "import" });
  });
});

describe("importing a cost file: every refusal in words, the same as on the command line (issue 18)", () => {
  /** As the admin (who holds every role): return Stavanger's approved 2024 report, so that finance may import into it. */
  async function openReturned(language: "nb" | "en" = "nb") {
    const rendered = renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example", language });
    const [returnLabel, commentLabel] = language === "nb" ? ["Send tilbake", "Kommentar til økonomi"] : ["Return", "Comment to finance"];
    fireEvent.click(await screen.findByRole("button", { name: returnLabel }));
    fireEvent.change(await screen.findByLabelText(commentLabel), { target: { value: "Importer fra økonomisystemet" } });
    await confirm(returnLabel);
    await screen.findByTestId("report-returned");
    return rendered;
  }

  async function previewOf(content: BlobPart, name: string, language: "nb" | "en" = "nb") {
    const [fileLabel, previewLabel] = language === "nb" ? ["Fil (CSV eller XLSX)", "Forhåndsvis import"] : ["File (CSV or XLSX)", "Preview import"];
    fireEvent.change(screen.getByLabelText(fileLabel), { target: { files: [new File([content], name)] } });
    await screen.findByText(new RegExp(`^${name.replace(/\./g, "\\.")}, \\d+ kB$`));
    fireEvent.click(screen.getByRole("button", { name: previewLabel }));
    return nbsp((await screen.findByTestId("import-refused")).textContent);
  }

  it("says in one sentence what is wrong with a binary file, an empty file, a fake .xlsx and a wrong header, and what to do", async () => {
    await openReturned();
    const pdf = new Uint8Array([...new TextEncoder().encode("%PDF-1.7\n"), 0, 0, 0, 0]);
    expect(await previewOf(pdf, "kostnader.pdf")).toBe(
      "«kostnader.pdf» er verken en CSV-fil eller en Excel-arbeidsbok (den inneholder binære data, slik en PDF eller et bilde gjør); lagre kostnadslinjene som .xlsx eller CSV og velg den filen.",
    );
    expect(await previewOf("", "tom.csv")).toBe("«tom.csv» er tom; velg filen med kostnadslinjene, eller last ned malen og fyll den ut.");
    expect(await previewOf("IKT-tjeneste;Kostnadstype;Beløp (kr)\nBrukerstøtte;Egne ansatte;100\n", "falsk.xlsx")).toBe(
      "«falsk.xlsx» heter .xlsx, men er ikke en Excel-arbeidsbok; åpne den i programmet den kom fra og lagre den som Excel-arbeidsbok (.xlsx) eller CSV.",
    );
    expect(await previewOf("Område;Kostnadstype;Beløp (kr)\nBrukerstøtte;Egne ansatte;100\n", "feil-overskrift.csv")).toBe(
      "«feil-overskrift.csv» mangler kolonnen «IKT-tjeneste» (fant «Område», som malen ikke har); bruk overskriftene fra malen: «IKT-tjeneste», «Kostnadstype» og «Beløp (kr)», og eventuelt «Fagsystem» og «Kommentar».",
    );
  });

  it("lists row problems under the template's headers, cuts a long value short and names the earlier row of a duplicate", async () => {
    await openReturned();
    const text = ["IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar", "Brukerstøtte;Egne ansatte;1 200 000;;", "Kaffe;Egne ansatte;mange;;", `Brukerstøtte;Egne ansatte;5;;${"lang kommentar ".repeat(100)}`].join("\n");
    expect(await previewOf(text, "rader.csv")).toBe("«rader.csv» kan ikke importeres: 4 feil på 2 rader; rett filen og prøv igjen. Ingenting er lagret.");
    const rows = within(screen.getByTestId("import-issues")).getAllByRole("row").map((r) => within(r).queryAllByRole("cell").map((c) => nbsp(c.textContent)));
    expect(rows.slice(1)).toEqual([
      ["3", "IKT-tjeneste", "Kaffe", "ukjent IKT-tjeneste; bruk en av tjenestene i malen: «Brukerstøtte», «Drift og forvaltning», «Utvikling», «Infrastruktur og utstyr» eller «IKT-ledelse og administrasjon»"],
      ["3", "Beløp (kr)", "mange", "ikke et beløp; skriv hele kroner, for eksempel 1 250 000"],
      ["4", "Kommentar", `${"lang kommentar ".repeat(4).slice(0, 59)}…`, "kommentaren har 1 499 tegn, og grensen er 500; forkort den"],
      ["4", "IKT-tjeneste", "Brukerstøtte", "samme tjeneste, kostnadstype og fagsystem som rad 2; slå de to radene sammen"],
    ]);
  });

  it("shows in the preview, in words, that someone else changed the report since it was loaded, as the import would refuse it", async () => {
    const { db } = await openReturned();
    saveMeanwhile(db, []);
    expect(await previewOf("IKT-tjeneste;Kostnadstype;Beløp (kr)\nBrukerstøtte;Egne ansatte;100\n", "riktig.csv")).toBe(
      "«riktig.csv» ble ikke importert: noen andre har endret rapporten for 2024 etter at du hentet den; hent rapporten på nytt, se over endringene og importer igjen.",
    );
    expect(screen.queryByTestId("import-summary")).toBeNull();
  });

  it("says the same in English", async () => {
    await openReturned("en");
    expect(await previewOf("Område;Kostnadstype;Beløp (kr)\nBrukerstøtte;Egne ansatte;100\n", "wrong-header.csv", "en")).toBe(
      "“wrong-header.csv” lacks the column “IT service” (found “Område”, which the template does not have); use the template's headers: “IT service”, “Cost type” and “Amount (NOK)”, and optionally “Line-of-business system” and “Comment”.",
    );
    expect(await previewOf("", "empty.csv", "en")).toBe("“empty.csv” is empty; choose the file with the cost lines, or download the template and fill it in.");
  });

  it("names the line of a file in two encodings and says how to save it again, and imports nothing", async () => {
    await openReturned();
    const latin = (text: string) => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
    const bytes = Uint8Array.from([
      ...latin("IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;100\r\n"),
      ...new TextEncoder().encode("Utvikling;Annet;5 000 blåbær\r\n"),
    ]);
    expect(await previewOf(bytes, "blandet.csv")).toBe(
      "«blandet.csv» blander tegnkodinger: linje 3 («Utvikling;Annet;5 000 blåbær») er lagret med en annen tegnkoding enn linjene over, så æ, ø og å ville blitt lagret feil; lagre filen på nytt som UTF-8 (i Excel: «CSV UTF-8») og importer den igjen.",
    );
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Importer" }).disabled).toBe(true);
  });
});

describe("the manager's return comment (issue 18)", () => {
  it("stays in view, with who returned it and when, through an import and a save until the report is submitted again", async () => {
    renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
    fireEvent.change(await screen.findByLabelText("Kommentar til økonomi"), { target: { value: "Lisensene mangler" } });
    await confirm("Send tilbake");
    const shown = /^Sendt tilbake av Demo admin \(\d+\. .+ \d{4}.*\d{2}:\d{2}\): «Lisensene mangler» Rett rapporten og send den inn igjen\.$/;
    expect((await screen.findByTestId("report-returned")).textContent).toMatch(shown);

    fireEvent.change(screen.getByLabelText("Fil (CSV eller XLSX)"), {
      target: { files: [new File(["IKT-tjeneste;Kostnadstype;Beløp (kr)\nDrift og forvaltning;Egne ansatte;90 000 000\nBrukerstøtte;Egne ansatte;30 000 000\n"], "ny.csv", { type: "text/csv" })] },
    });
    await screen.findByText(/ny\.csv/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis import" }));
    await screen.findByTestId("import-summary");
    fireEvent.click(screen.getByRole("button", { name: "Importer" }));
    await confirm("Importer");
    await screen.findByText(/^Importert: 2 linjer/);
    await waitFor(() => expect(screen.getByTestId("report-status").textContent).toBe("Utkast"));
    expect(screen.getByTestId("report-returned").textContent).toMatch(shown);

    for (const field of screen.getAllByLabelText("Forklaring")) fireEvent.change(field, { target: { value: "Tallene fra økonomisystemet" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await screen.findByText("Lagret.");
    expect(screen.getByTestId("report-returned").textContent).toMatch(shown);

    fireEvent.click(await screen.findByRole("button", { name: "Send inn" }));
    await confirm("Send inn");
    await waitFor(() => expect(screen.getByTestId("report-status").textContent).toBe("Sendt inn"));
    expect(screen.queryByTestId("report-returned")).toBeNull();
  });
});

describe("the import preview: what the file will change (issue 18)", () => {
  async function upload(text: string, name: string) {
    fireEvent.change(await screen.findByLabelText("Fil (CSV eller XLSX)"), { target: { files: [new File([text], name, { type: "text/csv" })] } });
  }
  /** Stavanger's 2024 report returned and saved as a draft of these four lines. */
  function draft(db: Db) {
    const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
    const archive = listSystems(db, stavanger).find((s) => s.name === "Demo sak/arkiv")?.id ?? null;
    const now = new Date().toISOString();
    const current = getCostReport(db, stavanger, 2024);
    const returned = setCostReportStatus(db, { reportId: current?.id ?? 0, expectedVersion: current?.version ?? 0, status: "returned", now, actorEmail: "manager.1103@demo.example", returnComment: "Bruk økonomisystemet" });
    const line = (service: ItService, costType: CostType, amount: number, systemId: number | null = null, comment: string | null = null) => ({ service, costType, systemId, amount, comment });
    saveCostReport(db, {
      organisationId: stavanger,
      year: 2024,
      expectedVersion: returned.ok ? returned.row.version : 0,
      content: {
        lines: [line("operations", "licences", 1_000_000, archive, "Sak/arkiv"), line("userSupport", "ownStaff", 2_000_000), line("management", "ownStaff", 900_000), line("development", "externalServices", 300_000)],
        itUserAccounts: 12_000,
        employeesFte: null,
        populationOverride: null,
        grossOperatingExpenditureOverride: null,
        warningComments: {},
        allocation: null,
      },
      source: "entered",
      now,
    });
  }
  /** Every body row of a table as the text of its header and data cells. */
  const bodyRows = (table: HTMLElement) => within(table).getAllByRole("row").slice(1).map((r) => Array.from(r.querySelectorAll("th, td"), (c) => c.textContent));
  const HEADER = "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar";

  it("lists the lines added, changed (before → after, per field) and removed, and each service's total before and after", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "finance.1103@demo.example" });
    draft(db);
    await upload(
      [
        HEADER,
        "Drift og forvaltning;Lisenser og programvare;1 250 000;Demo sak/arkiv;Sak/arkiv og ny modul",
        "Brukerstøtte;Egne ansatte;2 000 000;;",
        "IKT-ledelse og administrasjon;Egne ansatte;900 000;Demo sak/arkiv;",
        "Infrastruktur og utstyr;Utstyr;400 000;;Nye PC-er",
      ].join("\n"),
      "endringer.csv",
    );
    await screen.findByText(/endringer\.csv/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis import" }));
    const changes = await screen.findByTestId("import-changes");

    const services = within(changes).getByRole("table", { name: "Sum per IKT-tjeneste før og etter importen" });
    expect(bodyRows(services)).toEqual([
      ["Brukerstøtte", "2\u00a0000\u00a0000\u00a0kr", "2\u00a0000\u00a0000\u00a0kr", "0\u00a0kr"],
      ["Drift og forvaltning", "1\u00a0000\u00a0000\u00a0kr", "1\u00a0250\u00a0000\u00a0kr", "+250\u00a0000\u00a0kr"],
      ["Utvikling", "300\u00a0000\u00a0kr", "0\u00a0kr", "\u2212300\u00a0000\u00a0kr"],
      ["Infrastruktur og utstyr", "0\u00a0kr", "400\u00a0000\u00a0kr", "+400\u00a0000\u00a0kr"],
      ["IKT-ledelse og administrasjon", "900\u00a0000\u00a0kr", "900\u00a0000\u00a0kr", "0\u00a0kr"],
      ["Sum", "4\u00a0200\u00a0000\u00a0kr", "4\u00a0550\u00a0000\u00a0kr", "+350\u00a0000\u00a0kr"],
    ]);
    // Services name their rows; amounts are right-aligned.
    expect(within(services).getAllByRole("rowheader").map((h) => h.getAttribute("scope"))).toEqual(Array(6).fill("row"));
    expect(within(services).getAllByRole("columnheader").map((h) => h.getAttribute("scope"))).toEqual(Array(4).fill("col"));
    expect(within(services).getAllByRole("cell").every((c) => c.classList.contains("numeric"))).toBe(true);

    expect(bodyRows(within(changes).getByRole("table", { name: "Nye linjer (1)" }))).toEqual([["Infrastruktur og utstyr", "Utstyr", "–", "400\u00a0000\u00a0kr", "Nye PC-er"]]);
    expect(bodyRows(within(changes).getByRole("table", { name: "Endrede linjer (2)" }))).toEqual([
      ["Drift og forvaltning", "Lisenser og programvare", "Demo sak/arkiv", "Beløp", "1\u00a0000\u00a0000\u00a0kr", "1\u00a0250\u00a0000\u00a0kr"],
      ["Drift og forvaltning", "Lisenser og programvare", "Demo sak/arkiv", "Kommentar", "Sak/arkiv", "Sak/arkiv og ny modul"],
      ["IKT-ledelse og administrasjon", "Egne ansatte", "–", "Fagsystem", "–", "Demo sak/arkiv"],
    ]);
    expect(bodyRows(within(changes).getByRole("table", { name: "Fjernede linjer (1)" }))).toEqual([["Utvikling", "Eksterne tjenester", "–", "300\u00a0000\u00a0kr", "–"]]);
    expect(within(changes).getByText("1 linje er uendret.")).toBeTruthy();
    expect(screen.queryByText("Filen gir ingen endringer")).toBeNull();
  });

  it("says so when the file changes nothing", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "finance.1103@demo.example" });
    draft(db);
    await upload(
      [HEADER, "Drift og forvaltning;Lisenser og programvare;1 000 000;Demo sak/arkiv;Sak/arkiv", "Brukerstøtte;Egne ansatte;2 000 000;;", "IKT-ledelse og administrasjon;Egne ansatte;900 000;;", "Utvikling;Eksterne tjenester;300 000;;"].join("\n"),
      "samme.csv",
    );
    await screen.findByText(/samme\.csv/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis import" }));
    const changes = await screen.findByTestId("import-changes");
    expect(within(changes).getByRole("status").textContent).toBe("Filen gir ingen endringer: rapporten har allerede disse 4 linjene. Velg en annen fil om du ventet endringer.");
    expect(within(changes).queryAllByRole("table")).toHaveLength(0);
  });
});

describe("an IT cooperative's report", () => {
  it("divides its costs by fixed shares that must reach 100 %, and the member sees its share", async () => {
    const { db } = renderApp("/samarbeid/912345678/kostnader/2024", { as: "admin@demo.example" });
    const ids = ["5025", "5026"].map((n) => getMunicipalityByNumber(db, n)?.id ?? 0);
    saveCooperative(db, { organisationNumber: "912345678", name: "IKT Demo-samarbeid", memberIds: ids, countyNumber: "50" });
    expect(await screen.findByRole("heading", { level: 1, name: "IKT-kostnader 2024 – IKT Demo-samarbeid" })).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "Legg til linje" }));
    fireEvent.change(screen.getByLabelText("Beløp (kr), linje 1"), { target: { value: "1 000 000" } });
    fireEvent.change(screen.getByLabelText("Fordelingsnøkkel"), { target: { value: "fixedShares" } });
    const [first, second] = [screen.getByLabelText(/^Andel for Røros/), screen.getByLabelText(/^Andel for Holtålen/)];
    fireEvent.change(first, { target: { value: "60" } });
    fireEvent.change(second, { target: { value: "30" } });
    expect(screen.getByTestId("shares-total").textContent).toMatch(/^Sum: 90\s?%/);
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    expect((await screen.findByTestId("report-errors")).textContent).toContain("De faste andelene må bli 100 % til sammen (nå 90 %).");

    fireEvent.change(second, { target: { value: "40" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await screen.findByText("Lagret.");
    const table = await screen.findByTestId("allocation-members");
    await waitFor(() => expect(nbsp(table.textContent)).toMatch(/Røros \(5025\).*600 000 kr.*Holtålen \(5026\).*400 000 kr/));
  });
});

describe("a report before approval, seen by the programme board (issue 17, finding 3)", () => {
  /** Stavanger's 2024 report, returned, corrected with 31 337 kr and submitted by finance. */
  function submitCorrection(db: Db) {
    const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
    const now = new Date().toISOString();
    const current = getCostReport(db, stavanger, 2024);
    const returned = setCostReportStatus(db, { reportId: current?.id ?? 0, expectedVersion: current?.version ?? 0, status: "returned", now, actorEmail: "manager.1103@demo.example", returnComment: "Rett lisensene" });
    const saved = saveCostReport(db, {
      organisationId: stavanger,
      year: 2024,
      expectedVersion: returned.ok ? returned.row.version : 0,
      content: { lines: [{ service: "operations", costType: "licences", systemId: null, amount: 31_337, comment: "Hemmelig linje" }], itUserAccounts: 31_337, employeesFte: null, populationOverride: null, grossOperatingExpenditureOverride: null, warningComments: {}, allocation: null },
      source: "entered",
      now,
    });
    setCostReportStatus(db, { reportId: current?.id ?? 0, expectedVersion: saved.ok ? saved.row.version : 0, status: "submitted", now, actorEmail: "finance.1103@demo.example" });
  }

  it("shows the status and who submitted it, says the content comes with approval, and shows no line or amount", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "board@demo.example" });
    submitCorrection(db);
    const withheld = await screen.findByTestId("withheld-report");
    expect(within(withheld).getByTestId("withheld-status").textContent).toBe("Sendt inn");
    expect(withheld.textContent).toContain("Sendt inn av Demo finance 1103");
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

describe("an IT cooperative's allocation, from a member's side", () => {
  /** Oslo and Trondheim's cooperative with a draft report of one line of `amount`. */
  function draftCooperative(db: Db, key: "perInhabitant" | "perItUser", amount: number) {
    const ids = ["0301", "5001"].map((n) => getMunicipalityByNumber(db, n)?.id ?? 0);
    const coop = saveCooperative(db, { organisationNumber: "923456789", name: "IKT Oslo–Trondheim", memberIds: ids, countyNumber: "50" });
    saveCostReport(db, {
      organisationId: coop,
      year: 2024,
      expectedVersion: null,
      content: { lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount, comment: null }], itUserAccounts: null, employeesFte: null, populationOverride: null, grossOperatingExpenditureOverride: null, warningComments: {}, allocation: { key, shares: null } },
      source: "entered",
      now: new Date().toISOString(),
    });
  }

  it("says the cooperative's report is not approved yet, without its figures", async () => {
    const { db } = renderApp("/kommune/5001/kostnader/2024", { as: "finance.5001@demo.example" });
    draftCooperative(db, "perInhabitant", 31_337);
    const from = await screen.findByTestId("allocated-from");
    expect(from.textContent).toContain("IKT Oslo–Trondheim: samarbeidets rapport er utkast og ikke godkjent ennå; andelen vises når den er godkjent.");
    expect(nbsp(from.textContent)).not.toMatch(/31 ?337/);
  });

  it("names the basis of each member in the cooperative's table", async () => {
    const { db } = renderApp("/samarbeid/923456789/kostnader/2024", { as: "admin@demo.example" });
    draftCooperative(db, "perItUser", 1_000_000);
    const table = await screen.findByTestId("allocation-members");
    expect(within(table).getByRole("columnheader", { name: "Grunnlag" })).toBeTruthy();
    const rows = within(table).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[1]?.textContent);
    expect(rows).toEqual(["godkjent rapport", "godkjent rapport"]);
  });
});

describe("saving a cost report (issue 19)", () => {
  it("refreshes the views that read the same indicators: the sector dashboard shows the new figures when the board goes back", async () => {
    const { db, router, queryClient } = renderApp("/sektor", { as: "admin@demo.example" });
    await screen.findByRole("heading", { level: 1, name: /^Sektoren \d{4}$/ });
    const dashboard = () => queryClient.getQueryCache().findAll({ queryKey: [["sector", "dashboard"]] })[0]?.state.dataUpdateCount ?? 0;
    const before = dashboard();
    expect(before).toBeGreaterThan(0);
    // Sent back to finance outside this page, so that the page's own step is a save alone.
    const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
    const current = getCostReport(db, stavanger, 2024);
    setCostReportStatus(db, { reportId: current?.id ?? 0, expectedVersion: current?.version ?? 0, status: "returned", now: new Date().toISOString(), actorEmail: "manager.1103@demo.example", returnComment: "Rett linjene" });

    await act(() => router.navigate("/kommune/1103/kostnader/2024"));
    fireEvent.change(await screen.findByLabelText("Beløp (kr), linje 1"), { target: { value: "1 234 567" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    expect((await screen.findByTestId("report-message")).textContent).toBe("Lagret.");

    await act(() => router.navigate("/sektor"));
    await waitFor(() => expect(dashboard()).toBeGreaterThan(before));
  });
});
