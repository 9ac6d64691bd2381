import { getCostReport, getMunicipalityByNumber, listSystems, saveCostReport, setCostReportStatus, type Db } from "@malestokk/db";
import type { CostType, ItService } from "@malestokk/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { confirm, nbsp, returnReport, saveMeanwhile } from "../../test/cost-report";
import { renderApp } from "../../test/render";

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
    const rows = within(issues)
      .getAllByRole("row")
      .map((r) =>
        within(r)
          .queryAllByRole("cell")
          .map((c) => nbsp(c.textContent)),
      );
    expect(rows.slice(1)).toEqual([
      ["2", "Beløp (kr)", "mange", "ikke et beløp; skriv hele kroner, for eksempel 1 250 000"],
      [
        "3",
        "IKT-tjeneste",
        "Kaffe",
        "ukjent IKT-tjeneste; bruk en av tjenestene i malen: «Brukerstøtte», «Drift og forvaltning», «Utvikling», «Infrastruktur og utstyr» eller «IKT-ledelse og administrasjon»",
      ],
    ]);
    expect(screen.getByTestId("import-refused").textContent).toBe(
      "«feil.csv» kan ikke importeres: 2 feil på 2 rader; rett filen og prøv igjen. Ingenting er lagret.",
    );
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Importer" }).disabled).toBe(true);

    upload(
      "IKT-tjeneste;Kostnadstype;Beløp (kr)\nBrukerstøtte;Egne ansatte;1 200 000\nUtvikling;Eksterne tjenester;300 000,40\n",
      "riktig.csv",
    );
    await screen.findByText(/riktig\.csv/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis import" }));
    expect(nbsp((await screen.findByTestId("import-summary")).textContent)).toMatch(
      /^2 linjer, til sammen 1 500 000 kr \(nå [\d ]+ kr\)\. 0 nye, 2 endrede og \d+ fjernede linjer\.$/,
    );
    expect(
      screen.getByText(
        (_, element) =>
          element?.tagName === "LI" &&
          nbsp(element.textContent) === "Rad 3: 300 000,40 lagres som 300 000 kr: øre rundes til nærmeste hele krone, 50 øre og mer opp.",
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Importer" }));
    await confirm("Importer");
    expect((await screen.findByTestId("import-message")).textContent).toBe("Importert: 2 linjer. Rapporten er et utkast.");
    await waitFor(() => expect(within(screen.getByTestId("cost-lines")).getAllByRole("row")).toHaveLength(3));
    expect(getCostReport(db, getMunicipalityByNumber(db, "1103")?.id ?? 0, 2024)).toMatchObject({
      totalItCost: 1_500_000,
      source: "import",
    });
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
    const [fileLabel, previewLabel] =
      language === "nb" ? ["Fil (CSV eller XLSX)", "Forhåndsvis import"] : ["File (CSV or XLSX)", "Preview import"];
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
    const text = [
      "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar",
      "Brukerstøtte;Egne ansatte;1 200 000;;",
      "Kaffe;Egne ansatte;mange;;",
      `Brukerstøtte;Egne ansatte;5;;${"lang kommentar ".repeat(100)}`,
    ].join("\n");
    expect(await previewOf(text, "rader.csv")).toBe(
      "«rader.csv» kan ikke importeres: 4 feil på 2 rader; rett filen og prøv igjen. Ingenting er lagret.",
    );
    const rows = within(screen.getByTestId("import-issues"))
      .getAllByRole("row")
      .map((r) =>
        within(r)
          .queryAllByRole("cell")
          .map((c) => nbsp(c.textContent)),
      );
    expect(rows.slice(1)).toEqual([
      [
        "3",
        "IKT-tjeneste",
        "Kaffe",
        "ukjent IKT-tjeneste; bruk en av tjenestene i malen: «Brukerstøtte», «Drift og forvaltning», «Utvikling», «Infrastruktur og utstyr» eller «IKT-ledelse og administrasjon»",
      ],
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
    expect(await previewOf("", "empty.csv", "en")).toBe(
      "“empty.csv” is empty; choose the file with the cost lines, or download the template and fill it in.",
    );
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

describe("the import preview: what the file will change (issue 18)", () => {
  async function upload(text: string, name: string) {
    fireEvent.change(await screen.findByLabelText("Fil (CSV eller XLSX)"), {
      target: { files: [new File([text], name, { type: "text/csv" })] },
    });
  }
  /** Stavanger's 2024 report returned and saved as a draft of these four lines. */
  function draft(db: Db) {
    const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
    const archive = listSystems(db, stavanger).find((s) => s.name === "Demo sak/arkiv")?.id ?? null;
    const now = new Date().toISOString();
    const current = getCostReport(db, stavanger, 2024);
    const returned = setCostReportStatus(db, {
      reportId: current?.id ?? 0,
      expectedVersion: current?.version ?? 0,
      status: "returned",
      now,
      by: "manager.1103@demo.example",
      returnComment: "Bruk økonomisystemet",
    });
    const line = (
      service: ItService,
      costType: CostType,
      amount: number,
      systemId: number | null = null,
      comment: string | null = null,
    ) => ({ service, costType, systemId, amount, comment });
    saveCostReport(db, {
      organisationId: stavanger,
      year: 2024,
      expectedVersion: returned.ok ? returned.row.version : 0,
      content: {
        lines: [
          line("operations", "licences", 1_000_000, archive, "Sak/arkiv"),
          line("userSupport", "ownStaff", 2_000_000),
          line("management", "ownStaff", 900_000),
          line("development", "externalServices", 300_000),
        ],
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
  const bodyRows = (table: HTMLElement) =>
    within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => Array.from(r.querySelectorAll("th, td"), (c) => c.textContent));
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
    expect(
      within(services)
        .getAllByRole("rowheader")
        .map((h) => h.getAttribute("scope")),
    ).toEqual(Array(6).fill("row"));
    expect(
      within(services)
        .getAllByRole("columnheader")
        .map((h) => h.getAttribute("scope")),
    ).toEqual(Array(4).fill("col"));
    expect(
      within(services)
        .getAllByRole("cell")
        .every((c) => c.classList.contains("numeric")),
    ).toBe(true);

    expect(bodyRows(within(changes).getByRole("table", { name: "Nye linjer (1)" }))).toEqual([
      ["Infrastruktur og utstyr", "Utstyr", "–", "400\u00a0000\u00a0kr", "Nye PC-er"],
    ]);
    expect(bodyRows(within(changes).getByRole("table", { name: "Endrede linjer (2)" }))).toEqual([
      [
        "Drift og forvaltning",
        "Lisenser og programvare",
        "Demo sak/arkiv",
        "Beløp",
        "1\u00a0000\u00a0000\u00a0kr",
        "1\u00a0250\u00a0000\u00a0kr",
      ],
      ["Drift og forvaltning", "Lisenser og programvare", "Demo sak/arkiv", "Kommentar", "Sak/arkiv", "Sak/arkiv og ny modul"],
      ["IKT-ledelse og administrasjon", "Egne ansatte", "–", "Fagsystem", "–", "Demo sak/arkiv"],
    ]);
    expect(bodyRows(within(changes).getByRole("table", { name: "Fjernede linjer (1)" }))).toEqual([
      ["Utvikling", "Eksterne tjenester", "–", "300\u00a0000\u00a0kr", "–"],
    ]);
    expect(within(changes).getByText("1 linje er uendret.")).toBeTruthy();
    expect(screen.queryByText("Filen gir ingen endringer")).toBeNull();
  });

  it("says so when the file changes nothing", async () => {
    const { db } = renderApp("/kommune/1103/kostnader/2024", { as: "finance.1103@demo.example" });
    draft(db);
    await upload(
      [
        HEADER,
        "Drift og forvaltning;Lisenser og programvare;1 000 000;Demo sak/arkiv;Sak/arkiv",
        "Brukerstøtte;Egne ansatte;2 000 000;;",
        "IKT-ledelse og administrasjon;Egne ansatte;900 000;;",
        "Utvikling;Eksterne tjenester;300 000;;",
      ].join("\n"),
      "samme.csv",
    );
    await screen.findByText(/samme\.csv/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis import" }));
    const changes = await screen.findByTestId("import-changes");
    expect(within(changes).getByRole("status").textContent).toBe(
      "Filen gir ingen endringer: rapporten har allerede disse 4 linjene. Velg en annen fil om du ventet endringer.",
    );
    expect(within(changes).queryAllByRole("table")).toHaveLength(0);
  });
});
