import { describe, expect, it } from "vitest";

import { LANGUAGES } from "../text/localized";
import { MAX_COST_FILE_BYTES, parseCostFile, type CostFileIssue } from "./cost-file";
import { costFileTemplateRows } from "./cost-file-template";
import {
  COST_FILE_MESSAGES,
  costFileIssueReason,
  describeCostFileChanges,
  describeCostFileIssue,
  describeCostFileProblems,
  describeCostFileRead,
  describeCostFileWarning,
  describeCostImportDone,
  describeCostImportRefusal,
} from "./cost-file-messages";
import templateNb from "./cost-file-template.nb.json";
import templateNn from "./cost-file-template.nn.json";
const context = { fileName: "/home/okonomi/Nedlastinger/kostnader.xlsx", year: 2024 };
/** Intl writes no-break spaces in "2 000"; expectations are written with plain ones. */
const flat = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** Parameters as the parser and the service give them, for every text that has parameters. */
const PARAMS: Readonly<Record<string, Record<string, string | number | boolean>>> = {
  FILE_TOO_LARGE: { bytes: 64_172_851, maxBytes: MAX_COST_FILE_BYTES },
  FILE_TOO_LARGE_unpacked: { unpacked: true, maxBytes: MAX_COST_FILE_BYTES },
  NOT_A_ZIP_named: { extension: "xlsx" },
  UNTERMINATED_QUOTE: { line: 7 },
  MIXED_ENCODING: { line: 3, sample: "Utvikling;Annet;5 000 blåbær" },
  HEADER_ENCODING: { row: 1, sample: "BelÃ¸p (kr)" },
  MISSING_COLUMN: { column: "amount" },
  DUPLICATE_COLUMN: { column: "amount" },
  TOO_MANY_ROWS: { max: 2_000 },
  TOO_MANY_ROWS_sheet: { max: 100_000, sheet: true },
  READ_TIME_LIMIT: { seconds: 10 },
  READ_MEMORY_LIMIT: { megabytes: 512 },
  STATUS_CONFLICT: { status: "draft", action: "edit" },
  STATUS_CONFLICT_submitted: { status: "submitted", action: "edit" },
  STATUS_CONFLICT_approved: { status: "approved", action: "edit" },
  YEAR_OUT_OF_RANGE: { min: 2015, max: 2025 },
};

describe("the texts of cost file messages", () => {
  it("are the same keys in bokmål, nynorsk and English", () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`))
        : [prefix];
    expect(keys(COST_FILE_MESSAGES.en)).toEqual(keys(COST_FILE_MESSAGES.nb));
    expect(keys(COST_FILE_MESSAGES.nn)).toEqual(keys(COST_FILE_MESSAGES.nb));
  });

  it("differ in nynorsk from bokmål, in the messages and the template, except where both write alike", () => {
    const leaves = (value: unknown, prefix = ""): [string, unknown][] =>
      typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${prefix}${key}.`))
        : [[prefix, value]];
    const same = (nb: unknown, nn: unknown) => {
      const nnTexts = new Map(leaves(nn));
      return leaves(nb)
        .filter(([key, text]) => text !== "" && nnTexts.get(key) === text)
        .map(([key]) => key.slice(0, -1));
    };
    expect(same(COST_FILE_MESSAGES.nb, COST_FILE_MESSAGES.nn)).toEqual([
      ...["columns.costType", "columns.amount", "columns.system", "columns.comment", "quoted", "more", "missing_one", "headers"],
      ...["issueLine", "issueLineNoValue", "problems_one", "problems_other", "rows_one", "rows_other"],
      ...["outcome.note", "outcome.lines_one", "outcome.lines_other", "outcome.kroner", "outcome.noReport"],
    ]);
    expect(same(templateNb, templateNn)).toEqual([
      ...["costSheet", "catalogueSheet", "explanation", "systemClass"],
      ...["exampleComments.userSupport", "exampleComments.operations"],
    ]);
  });

  it("name the columns with the template's own headers", () => {
    for (const lang of LANGUAGES) {
      const columns = COST_FILE_MESSAGES[lang].columns;
      expect(costFileTemplateRows(lang)[0]).toEqual([columns.service, columns.costType, columns.amount, columns.system, columns.comment]);
    }
  });

  it.each(LANGUAGES)("say every refusal in one sentence that names the file, with every parameter filled in (%s)", (lang) => {
    for (const key of Object.keys(COST_FILE_MESSAGES[lang].errors)) {
      const [code = key] = /^[A-Z_]+?(?=_[a-z]+$)|^[A-Z_]+$/.exec(key) ?? [];
      const sentence = describeCostImportRefusal({ code, params: PARAMS[key] ?? {} }, context, lang);
      expect(sentence, key).toContain(lang === "en" ? "“kostnader.xlsx”" : "«kostnader.xlsx»");
      expect(sentence, key).not.toMatch(/\{\{|undefined|null|NaN/);
      expect(sentence, key).toMatch(/[.]$/);
    }
  });
});

describe("describeCostImportRefusal", () => {
  it("gives the actual size and the limit, in the numbers of the language", () => {
    const refusal = { code: "FILE_TOO_LARGE", params: { bytes: 64_172_851, maxBytes: MAX_COST_FILE_BYTES } };
    expect(flat(describeCostImportRefusal(refusal, context, "nb"))).toBe(
      "«kostnader.xlsx» er for stor til å importeres: filen er 61,2 MB, og grensen er 50 MB; lagre bare kostnadslinjene (høyst 2 000) i en ny fil og importer den.",
    );
    expect(describeCostImportRefusal(refusal, context, "en")).toBe(
      "“kostnader.xlsx” is too large to import: the file is 61.2 MB and the limit is 50 MB; save only the cost lines (at most 2,000) in a new file and import that.",
    );
    expect(flat(describeCostImportRefusal(refusal, context, "nn"))).toBe(
      "«kostnader.xlsx» er for stor til å bli importert: fila er 61,2 MB, og grensa er 50 MB; lagre berre kostnadslinjene (høgst 2 000) i ei ny fil og importer ho.",
    );
  });

  it("names every missing column by the template's header, and the unknown ones found, each cut, and how many more", () => {
    const parsed = parseCostFile({
      bytes: new TextEncoder().encode(`Kostnadsart;${Array.from({ length: 11 }, (_, i) => `K${i + 1}`).join(";")};${"x".repeat(500)}\n1\n`),
      fileName: "kostnader.csv",
      systems: [],
    });
    expect(parsed.ok).toBe(false);
    const error = parsed.ok ? null : parsed.fileError;
    expect(describeCostImportRefusal(error ?? { code: "", params: {} }, { fileName: "kostnader.csv", year: 2024 }, "nb")).toBe(
      `«kostnader.csv» mangler kolonnene «IKT-tjeneste» og «Beløp (kr)» (fant «K1», «K2», «K3», «K4», «K5», «K6», «K7», «K8», «K9», «K10» og 2 til, som malen ikke har); bruk overskriftene fra malen: «IKT-tjeneste», «Kostnadstype» og «Beløp (kr)», og eventuelt «Fagsystem» og «Kommentar».`,
    );
  });

  it("says what the report's status, a closed year and a stale version mean for the import, and what to do", () => {
    const at = { fileName: "kostnader.csv", year: 2024 };
    expect(describeCostImportRefusal({ code: "STATUS_CONFLICT", params: { status: "submitted", action: "edit" } }, at, "nb")).toBe(
      "«kostnader.csv» kan ikke importeres nå: rapporten for 2024 er sendt inn og venter på godkjenning; be en leder sende den tilbake, så kan du importere.",
    );
    expect(describeCostImportRefusal({ code: "PERIOD_LOCKED", params: { year: 2024 } }, at, "en")).toBe(
      "“kostnader.csv” cannot be imported: the year 2024 is closed for changes; ask an administrator to reopen the year if the report must be corrected.",
    );
    expect(describeCostImportRefusal({ code: "SOMETHING_NEW", params: {} }, at, "nb")).toBe(
      "«kostnader.csv» kan ikke importeres (SOMETHING_NEW); prøv igjen, og gi koden til brukerstøtte hvis det skjer igjen.",
    );
  });

  it("cuts a long file name, and quotes nothing from the file that could steer a terminal", () => {
    const sentence = describeCostImportRefusal(
      { code: "EMPTY_FILE", params: {} },
      { fileName: `${"a".repeat(100)}\u001b[2J.csv`, year: 2024 },
      "en",
    );
    expect(sentence).toBe(`“${"a".repeat(59)}…” is empty; choose the file with the cost lines, or download the template and fill it in.`);
  });
});

describe("describeCostFileIssue and describeCostFileProblems", () => {
  const issue = (over: Partial<CostFileIssue>): CostFileIssue => ({
    row: 4,
    column: "service",
    value: "",
    code: "EMPTY",
    params: {},
    ...over,
  });

  it("gives row, the template's header, the value cut short and the reason", () => {
    expect(describeCostFileIssue(issue({ column: "amount", value: "mange", code: "NOT_A_NUMBER" }), "nb")).toBe(
      "rad 4, Beløp (kr) «mange»: ikke et beløp; skriv hele kroner, for eksempel 1\u00a0250\u00a0000",
    );
    expect(describeCostFileIssue(issue({ column: "costType" }), "en")).toBe("row 4, Cost type: empty cell; fill it in");
    expect(describeCostFileIssue(issue({ column: "service", value: "Drift", code: "UNKNOWN_SERVICE" }), "nn")).toBe(
      "rad 4, IKT-teneste «Drift»: ukjend IKT-teneste; bruk ei av tenestene i malen: «Brukarstøtte», «Drift og forvaltning», «Utvikling», «Infrastruktur og utstyr» eller «IKT-leiing og administrasjon»",
    );
    expect(
      describeCostFileIssue(
        issue({ column: "comment", value: "ord ".repeat(2_000_000), code: "COMMENT_TOO_LONG", params: { length: 7_999_999, max: 500 } }),
        "nb",
      ),
    ).toBe(
      `rad 4, Kommentar «${"ord ".repeat(15).slice(0, 59)}…»: kommentaren har 7\u00a0999\u00a0999 tegn, og grensen er 500; forkort den`,
    );
  });

  it("names the earlier row a duplicate repeats, and the choices for an unknown cost type", () => {
    expect(costFileIssueReason({ code: "DUPLICATE_LINE", params: { firstRow: 2 } }, "en")).toBe(
      "same service, cost type and system as row 2; merge the two rows",
    );
    expect(costFileIssueReason({ code: "UNKNOWN_COST_TYPE", params: {} }, "nb")).toBe(
      "ukjent kostnadstype; bruk en av typene i malen: «Egne ansatte», «Eksterne tjenester», «Lisenser og programvare», «Utstyr» eller «Annet»",
    );
    expect(flat(costFileIssueReason({ code: "TOO_LARGE", params: {} }, "nb"))).toBe(
      "urimelig stort beløp (over 20 000 000 000 kr); sjekk at beløpet står i kroner, ikke øre",
    );
  });

  it("counts problems and rows in the summary, in the singular where it is one", () => {
    expect(describeCostFileProblems("a.csv", [issue({}), issue({ column: "amount" }), issue({ row: 9 })], "nb")).toBe(
      "«a.csv» kan ikke importeres: 3 feil på 2 rader; rett filen og prøv igjen. Ingenting er lagret.",
    );
    expect(describeCostFileProblems("a.csv", [issue({})], "en")).toBe(
      "“a.csv” cannot be imported: 1 problem in 1 row; correct the file and try again. Nothing was saved.",
    );
  });
});

describe("the other lines of an import", () => {
  it("say how the file was read, what the import changes, and how it ended", () => {
    expect(describeCostFileRead({ fileName: "/tmp/k.csv", format: "csv", encoding: "windows-1252", delimiter: ";" }, "nb")).toBe(
      "Leser «k.csv» som CSV (windows-1252, skilletegn «;»).",
    );
    expect(describeCostFileRead({ fileName: "k.xlsx", format: "xlsx", encoding: null, delimiter: null }, "en")).toBe(
      "Reading “k.xlsx” as an Excel workbook (XLSX).",
    );
    expect(
      flat(describeCostFileChanges({ lineCount: 1, total: 1_200_000, before: 5_000_000, added: 1, changed: 0, removed: 12 }, "nb")),
    ).toBe("1 linje, til sammen 1 200 000 kr (nå 5 000 000 kr); 1 lagt til, 0 endret og 12 fjernet.");
    expect(describeCostImportDone({ dryRun: true }, "en")).toBe("Dry run: nothing was saved.");
    expect(describeCostImportDone({ dryRun: false, written: true, year: 2024, name: "Bergen", version: 3 }, "nb")).toBe(
      "Importert: rapporten for 2024 for Bergen er nå versjon 3 (utkast).",
    );
    expect(describeCostFileWarning({ code: "UNKNOWN_COLUMN", row: 1, value: "x".repeat(100), params: { columnNumber: 4 } }, "nb")).toBe(
      `Kolonnen «${"x".repeat(59)}…» brukes ikke og hoppes over.`,
    );
  });
});

describe("describeCostFileWarning", () => {
  it("says what a rounded amount is saved as, and by which rule", () => {
    const warning = { code: "ROUNDED", row: 3, value: "2 400 000,50", params: { amount: 2_400_001 } } as const;
    expect(flat(describeCostFileWarning(warning, "nb"))).toBe(
      "Rad 3: 2 400 000,50 lagres som 2 400 001 kr: øre rundes til nærmeste hele krone, 50 øre og mer opp.",
    );
    expect(describeCostFileWarning(warning, "en")).toBe(
      "Row 3: 2 400 000,50 is saved as 2,400,001 kr: øre are rounded to the nearest whole krone, 50 øre and more up.",
    );
  });
});
