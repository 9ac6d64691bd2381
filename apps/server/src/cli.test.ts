import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { writeFileSync } from "node:fs";

import {
  createDb,
  findUserByEmail,
  getCostReport,
  getSetting,
  getMunicipalityByNumber,
  getPopulationRow,
  listAudit,
  listGrants,
  setCostReportStatus,
} from "@malestokk/db";
import { createSecretBox } from "@malestokk/api";
import { populationFixture2022, writeXlsx } from "@malestokk/domain";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function cli(args: string[], databasePath: string, stdin: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", DATABASE_PATH: databasePath, ...env },
    input: stdin,
    encoding: "utf8",
  });
}

describe("pnpm cli user:create", () => {
  it("creates the first admin of a real deployment with a password from stdin", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const result = cli(
      ["user:create", "--email", "It.Sjef@Kommune.no", "--role", "admin", "--name", "\u202eIT-sjef\u200b"],
      path,
      "a strong first password\n",
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Created user it\.sjef@kommune\.no/);
    const connection = createDb(path);
    const user = findUserByEmail(connection.db, "it.sjef@kommune.no");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.name).toBe("IT-sjef");
    expect(listGrants(connection.db, user?.id ?? 0).map((g) => g.role)).toEqual(["admin"]);
    expect(listAudit(connection.db, { limit: 5 })[0]).toMatchObject({ action: "admin.userCreated", actorEmail: "cli" });
    connection.close();

    const finance = cli(
      ["user:create", "--email", "okonomi@oslo.kommune.no", "--role", "finance", "--municipality", "0301"],
      path,
      "a strong first password\n",
    );
    expect(finance.status).toBe(0);

    const again = cli(["user:create", "--email", "it.sjef@kommune.no", "--role", "admin"], path, "a strong first password\n");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already in use/);
  }, 120_000);

  it("explains a bad role or a short password and creates nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const badRole = cli(["user:create", "--email", "a@b.no", "--role", "king"], path, "a strong first password\n");
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toMatch(/--role: one of admin/);
    const short = cli(["user:create", "--email", "a@b.no", "--role", "admin"], path, "short\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/12 to 128 characters/);
    const invisible = cli(
      ["user:create", "--email", "a@b.no", "--role", "admin", "--name", "\u200b \u202e"],
      path,
      "a strong first password\n",
    );
    expect(invisible.status).toBe(1);
    expect(invisible.stderr).toMatch(/--name: /);
    const common = cli(["user:create", "--email", "a@b.no", "--role", "admin"], path, "Password1234\n");
    expect(common.status).toBe(1);
    expect(common.stderr).toMatch(/list of common or leaked passwords/);
    // Refused before the database is even opened.
    expect(existsSync(path)).toBe(false);
    // Words from the register need the database: refused once it is open, with no user made.
    const guessable = cli(["user:create", "--email", "a@b.no", "--role", "admin"], path, "Trondheim2026!!\n");
    expect(guessable.status).toBe(1);
    expect(guessable.stderr).toMatch(/easy to guess here/);
    const db = createDb(path);
    expect(findUserByEmail(db.db, "a@b.no")).toBeNull();
    db.close();
  }, 120_000);
});

describe("pnpm cli import:jsonstat", () => {
  it("previews with --dry-run, then imports a 07459 file all at once, accounting for every value", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const file = join(dir, "07459.json");
    writeFileSync(file, populationFixture2022());
    const dry = cli(["import:jsonstat", file, "--measure", "population", "--dry-run"], path, "");
    expect(dry.stderr).toBe("");
    expect(dry.stdout).toMatch(/DRY RUN/);
    expect(dry.stdout).toMatch(/not allocatable: K-1507 Ålesund 2022 \(split into 1508, 1580\)/);
    expect(dry.stdout).toMatch(/every value accounted for: yes/);
    const check = createDb(path);
    const halden = getMunicipalityByNumber(check.db, "3101");
    expect(getPopulationRow(check.db, halden?.id ?? 0, 2022)).toBeNull();
    check.close();

    const real = cli(["import:jsonstat", file, "--measure", "population"], path, "");
    expect(real.status).toBe(0);
    expect(real.stdout).toMatch(/5 new or changed, 0 unchanged, 5 written/);
    const after = createDb(path);
    expect(getPopulationRow(after.db, halden?.id ?? 0, 2022)).toMatchObject({ value: 31444, source: "ssb:07459" });
    after.close();

    writeFileSync(file, "{ broken");
    const bad = cli(["import:jsonstat", file, "--measure", "population"], path, "");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/BAD_JSON/);
  }, 60_000);
});

describe("pnpm cli import:klass", () => {
  it("imports KOSTRA groups from a KLASS correspondence", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const file = join(dir, "kostra.json");
    writeFileSync(
      file,
      JSON.stringify({
        correspondenceItems: [{ sourceCode: "0301", sourceName: "Oslo", targetCode: "EKG16", targetName: "Oslo kommune" }],
      }),
    );
    const result = cli(["import:klass", file, "--kostra-groups", "--year", "2024"], path, "");
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/1 new or changed, 0 unchanged, 1 written/);
    const check = createDb(path);
    expect(getMunicipalityByNumber(check.db, "0301")).toMatchObject({ kostraGroup: "EKG16", kostraGroupSource: "klass:112 2024" });
    check.close();
  }, 120_000);

  it("imports the change list of municipality numbers, with a dry run first", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const file = join(dir, "changes.json");
    writeFileSync(
      file,
      JSON.stringify({
        codeChanges: [
          { oldCode: "0704", newCode: "3803", changeOccurred: "2020-01-01" },
          { oldCode: "0716", newCode: "3803", changeOccurred: "2020-01-01" },
        ],
      }),
    );
    const dry = cli(["import:klass", file, "--changes", "--dry-run"], path, "");
    expect(dry.stdout).toMatch(/DRY RUN \(nothing written\)/);
    expect(dry.stdout).toMatch(/0 renumbered, 1 merges, 0 splits/);
    expect(dry.stdout).toMatch(/data years mapped from 2019 \(was 2020\)/);
    const real = cli(["import:klass", file, "--changes"], path, "");
    expect(real.stdout).toMatch(/2 added, 0 removed, 0 unchanged/);
    const both = cli(["import:klass", file, "--changes", "--names"], path, "");
    expect(both.status).not.toBe(0);
    expect(both.stderr).toMatch(/one of --kostra-groups, --names or --changes/);
  }, 120_000);
});

describe("pnpm cli import:costs", () => {
  it("prints every problem by row and exits non-zero, then imports a good file once", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;1 200 000\r\nKaffe;Egne ansatte;12,5 kr\r\n");
    const refused = cli(["import:costs", bad, "--org", "4601", "--year", "2024"], path, "", EN);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain("  row 3, IT service “Kaffe”: unknown IT service; use one of the services in the template: ");
    expect(refused.stdout).toContain("Nothing was saved.");

    const good = join(dir, "good.csv");
    // Windows-1252, as an older ERP export writes it.
    writeFileSync(
      good,
      Buffer.from(
        "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;1 200 000\r\nDrift og forvaltning;Lisenser og programvare;800 000,00\r\n",
        "latin1",
      ),
    );
    const dry = cli(["import:costs", good, "--org", "4601", "--year", "2024", "--dry-run"], path, "", EN);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("Reading “good.csv” as CSV (windows-1252, separated by “;”).");
    expect(dry.stdout).toContain("2 lines, 2,000,000 kr in all (now no report); 2 added, 0 changed and 0 removed.");
    expect(dry.stdout).toContain("Dry run: nothing was saved.");
    const done = cli(["import:costs", good, "--org", "4601", "--year", "2024"], path, "", EN);
    expect(done.stdout).toContain("Imported: the 2024 report of Bergen is now version 1 (draft).");
    const again = cli(["import:costs", good, "--org", "4601", "--year", "2024"], path, "");
    expect(again.stdout).toContain("Ingenting å endre: rapporten har allerede disse linjene.");
    const check = createDb(path);
    const bergen = getMunicipalityByNumber(check.db, "4601");
    expect(check.sqlite.prepare("select total_it_cost as t, source from cost_reports where organisation_id = ?").get(bergen?.id)).toEqual({
      t: 2_000_000,
      source: "import",
    });
    check.close();
  }, 60_000);
});

const EN = { LANG: "en_US.UTF-8" };
/** Intl writes no-break spaces in "2 000"; the sentences below are written with plain ones. */
const flat = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** A workbook whose worksheet is not well-formed XML, as a broken save or a hand-edited file leaves it. */
function damagedWorkbook(): Uint8Array {
  const parts = unzipSync(writeXlsx([{ name: "Kostnader", rows: [["IKT-tjeneste", "Kostnadstype", "Beløp (kr)"]] }]));
  const sheet = Object.keys(parts).find((name) => /^xl\/worksheets\/.*\.xml$/.test(name)) ?? "";
  parts[sheet] = strToU8(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</c></v></row></sheetData></worksheet>',
  );
  return zipSync(parts);
}

describe("pnpm cli import:costs says why a file is refused, in one sentence in the user's language (issue 18)", () => {
  const MB = 1024 * 1024;
  /** A fresh database and the path of a cost file named `name` beside it. */
  function workspace(name: string) {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    return { path: join(dir, "prod.db"), file: join(dir, name) };
  }
  const importCosts = (path: string, file: string, options: { dryRun?: boolean; env?: Record<string, string> } = {}) =>
    cli(["import:costs", file, "--org", "4601", "--year", "2024", ...(options.dryRun ? ["--dry-run"] : [])], path, "", options.env);
  it.each([
    [
      "a binary file",
      "kostnader.pdf",
      (file: string) => writeFileSync(file, Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(64), Buffer.from("\n%%EOF\n")])),
      "«kostnader.pdf» er verken en CSV-fil eller en Excel-arbeidsbok (den inneholder binære data, slik en PDF eller et bilde gjør); lagre kostnadslinjene som .xlsx eller CSV og velg den filen.",
      "“kostnader.pdf” is neither a CSV file nor an Excel workbook (it holds binary data, as a PDF or an image does); save the cost lines as .xlsx or CSV and choose that file.",
    ],
    [
      "an empty file",
      "kostnader.csv",
      (file: string) => writeFileSync(file, ""),
      "«kostnader.csv» er tom; velg filen med kostnadslinjene, eller last ned malen og fyll den ut.",
      "“kostnader.csv” is empty; choose the file with the cost lines, or download the template and fill it in.",
    ],
    [
      "a fake .xlsx",
      "kostnader.xlsx",
      (file: string) => writeFileSync(file, "IKT-tjeneste;Kostnadstype;Beløp (kr)\nBrukerstøtte;Egne ansatte;100\n"),
      "«kostnader.xlsx» heter .xlsx, men er ikke en Excel-arbeidsbok; åpne den i programmet den kom fra og lagre den som Excel-arbeidsbok (.xlsx) eller CSV.",
      "“kostnader.xlsx” is named .xlsx but is not an Excel workbook; open it in the program it came from and save it as an Excel workbook (.xlsx) or CSV.",
    ],
    [
      "a wrong header",
      "kostnader.csv",
      (file: string) => writeFileSync(file, "Område;Kostnadstype;Beløp (kr)\nBrukerstøtte;Egne ansatte;100\n"),
      "«kostnader.csv» mangler kolonnen «IKT-tjeneste» (fant «Område», som malen ikke har); bruk overskriftene fra malen: «IKT-tjeneste», «Kostnadstype» og «Beløp (kr)», og eventuelt «Fagsystem» og «Kommentar».",
      "“kostnader.csv” lacks the column “IT service” (found “Område”, which the template does not have); use the template's headers: “IT service”, “Cost type” and “Amount (NOK)”, and optionally “Line-of-business system” and “Comment”.",
    ],
    [
      "a file over 50 MB",
      "kostnader.csv",
      // Sparse: 60.2 MB on paper, next to nothing on disk.
      (file: string) => {
        writeFileSync(file, "");
        truncateSync(file, 60 * MB + 200_000);
      },
      "«kostnader.csv» er for stor til å importeres: filen er 60,2 MB, og grensen er 50 MB; lagre bare kostnadslinjene (høyst 2 000) i en ny fil og importer den.",
      "“kostnader.csv” is too large to import: the file is 60.2 MB and the limit is 50 MB; save only the cost lines (at most 2,000) in a new file and import that.",
    ],
    [
      "a damaged workbook",
      "kostnader.xlsx",
      (file: string) => writeFileSync(file, damagedWorkbook()),
      "«kostnader.xlsx» ser ut som en Excel-arbeidsbok, men innholdet er skadet eller ikke et vanlig regneark; åpne den i Excel eller LibreOffice og lagre den på nytt som .xlsx eller CSV.",
      "“kostnader.xlsx” looks like an Excel workbook, but its content is damaged or not an ordinary spreadsheet; open it in Excel or LibreOffice and save it again as .xlsx or CSV.",
    ],
  ])(
    "refuses %s with one sentence, in bokmål and (LANG=en_US.UTF-8) in English",
    (_name, fileName, write, nb, en) => {
      const { path, file } = workspace(fileName);
      write(file);
      const inBokmal = importCosts(path, file, { dryRun: true, env: { LANG: "nb_NO.UTF-8" } });
      expect([inBokmal.status, flat(inBokmal.stdout), inBokmal.stderr]).toEqual([1, `${nb}\n`, ""]);
      const inEnglish = importCosts(path, file, { env: EN });
      expect([inEnglish.status, flat(inEnglish.stdout), inEnglish.stderr]).toEqual([1, `${en}\n`, ""]);
    },
    60_000,
  );

  it("lists row problems one per line with the template's header, the value cut short and the reason, naming the earlier row of a duplicate", () => {
    const { path, file } = workspace("kostnader.csv");
    const longComment = "lang kommentar ".repeat(10_000);
    writeFileSync(
      file,
      [
        "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar",
        "Brukerstøtte;Egne ansatte;1 200 000;;",
        "Kaffe;Egne ansatte;100;;",
        `Brukerstøtte;Egne ansatte;5;;${longComment}`,
      ].join("\r\n"),
    );
    const cut = `${"lang kommentar ".repeat(4).slice(0, 59)}…`;
    const inBokmal = importCosts(path, file);
    expect(inBokmal.status).toBe(1);
    expect(flat(inBokmal.stdout).split("\n")).toEqual([
      "  rad 3, IKT-tjeneste «Kaffe»: ukjent IKT-tjeneste; bruk en av tjenestene i malen: «Brukerstøtte», «Drift og forvaltning», «Utvikling», «Infrastruktur og utstyr» eller «IKT-ledelse og administrasjon»",
      `  rad 4, Kommentar «${cut}»: kommentaren har 149 999 tegn, og grensen er 500; forkort den`,
      "  rad 4, IKT-tjeneste «Brukerstøtte»: samme tjeneste, kostnadstype og fagsystem som rad 2; slå de to radene sammen",
      "«kostnader.csv» kan ikke importeres: 3 feil på 2 rader; rett filen og prøv igjen. Ingenting er lagret.",
      "",
    ]);
    const inNynorsk = importCosts(path, file, { env: { LANG: "nn_NO.UTF-8" } });
    expect(flat(inNynorsk.stdout).split("\n")).toEqual([
      "  rad 3, IKT-teneste «Kaffe»: ukjend IKT-teneste; bruk ei av tenestene i malen: «Brukarstøtte», «Drift og forvaltning», «Utvikling», «Infrastruktur og utstyr» eller «IKT-leiing og administrasjon»",
      `  rad 4, Kommentar «${cut}»: kommentaren har 149 999 teikn, og grensa er 500; gjer han kortare`,
      "  rad 4, IKT-teneste «Brukerstøtte»: same teneste, kostnadstype og fagsystem som rad 2; slå dei to radene saman",
      "«kostnader.csv» kan ikkje importerast: 3 feil på 2 rader; rett fila og prøv igjen. Ingenting er lagra.",
      "",
    ]);
    const inEnglish = importCosts(path, file, { env: EN });
    expect(flat(inEnglish.stdout).split("\n")).toEqual([
      "  row 3, IT service “Kaffe”: unknown IT service; use one of the services in the template: “User support”, “Operations and application management”, “Development”, “Infrastructure and equipment” or “IT management and administration”",
      `  row 4, Comment “${cut}”: the comment has 149,999 characters and the limit is 500; shorten it`,
      "  row 4, IT service “Brukerstøtte”: same service, cost type and system as row 2; merge the two rows",
      "“kostnader.csv” cannot be imported: 3 problems in 2 rows; correct the file and try again. Nothing was saved.",
      "",
    ]);
  }, 60_000);

  it("refuses a dry run against an approved report as the real run refuses it, in the same words, and changes nothing", () => {
    const { path, file } = workspace("kostnader.csv");
    writeFileSync(file, "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;1 200 000\r\n");
    expect(importCosts(path, file).status).toBe(0);
    const connection = createDb(path);
    const bergen = getMunicipalityByNumber(connection.db, "4601")?.id ?? 0;
    const report = getCostReport(connection.db, bergen, 2024);
    for (const [status, version] of [
      ["submitted", 1],
      ["approved", 2],
    ] as const) {
      setCostReportStatus(connection.db, {
        reportId: report?.id ?? 0,
        expectedVersion: version,
        status,
        now: new Date().toISOString(),
        by: "manager@bergen.kommune.no",
      });
    }
    connection.close();
    writeFileSync(file, "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;9 999 999\r\n");

    const sentence =
      "«kostnader.csv» kan ikke importeres nå: rapporten for 2024 er godkjent; be en leder sende den tilbake, så kan du importere.\n";
    const dry = importCosts(path, file, { dryRun: true });
    expect([dry.status, dry.stdout, dry.stderr]).toEqual([1, sentence, ""]);
    const real = importCosts(path, file);
    expect([real.status, real.stdout, real.stderr]).toEqual([1, sentence, ""]);
    const inEnglish = importCosts(path, file, { dryRun: true, env: EN });
    expect(inEnglish.stdout).toBe(
      "“kostnader.csv” cannot be imported now: the 2024 report is approved; ask a manager to return it, and then import.\n",
    );
    const after = createDb(path);
    expect(getCostReport(after.db, bergen, 2024)).toMatchObject({ status: "approved", version: 3, totalItCost: 1_200_000 });
    after.close();
  }, 60_000);
});

describe("pnpm cli backup and restore", () => {
  it("backs up, refuses to overwrite or restore a bad file, and restores a good one keeping the replaced database", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const good = join(dir, "good.csv");
    writeFileSync(good, "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;1 200 000\r\n");
    expect(cli(["import:costs", good, "--org", "4601", "--year", "2024"], path, "").status).toBe(0);
    const backup = cli(["backup", join(dir, "backup.db")], path, "");
    expect(backup.stdout).toMatch(/Backed up .* integrity ok, schema \d{4}_/);
    const again = cli(["backup", join(dir, "backup.db")], path, "");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Error (EXISTS)");

    // A change after the backup is undone by the restore; the changed database is kept.
    writeFileSync(good, "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;9 999 999\r\n");
    expect(cli(["import:costs", good, "--org", "4601", "--year", "2024"], path, "").status).toBe(0);
    writeFileSync(join(dir, "junk.db"), "junk, not a database, long enough to be read as a header by SQLite");
    const refused = cli(["restore", join(dir, "junk.db")], path, "");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Error (NOT_A_DATABASE)");
    const restored = cli(["restore", join(dir, "backup.db")], path, "");
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/The replaced database is kept as .*prod\.db\.before-restore-/);
    const check = createDb(path);
    expect(check.sqlite.prepare("select total_it_cost as t from cost_reports").get()).toEqual({ t: 1_200_000 });
    expect(check.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();
  }, 60_000);
});

describe("pnpm cli local-sign-in", () => {
  it("switches password sign-in back on from the server, audited, when no provider lets anyone in", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    expect(cli(["local-sign-in", "off"], path, "").stdout).toMatch(/Password sign-in is now off/);
    const on = cli(["local-sign-in", "on"], path, "");
    expect([on.status, on.stdout.trim()]).toEqual([0, "Password sign-in is now on."]);
    const wrong = cli(["local-sign-in", "maybe"], path, "");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/Say on or off/);
    const connection = createDb(path);
    expect(getSetting(connection.db, "localSignIn", null)).toBe(true);
    expect(listAudit(connection.db, { action: "admin.localSignInChanged", limit: 5 }).map((a) => a.actorEmail)).toEqual(["cli", "cli"]);
    connection.close();
  });
});

describe("pnpm cli secrets:rotate", () => {
  it("re-seals stored secrets from the old key to SECRET_KEY, and changes nothing when the old key is wrong", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    cli(["local-sign-in", "on"], path, "");
    const oldKey = "the old key of at least thirty-two characters";
    const newKey = "the new key of at least thirty-two characters";
    const connection = createDb(path);
    const sealed = createSecretBox(oldKey).seal("client secret");
    connection.sqlite
      .prepare(
        "insert into identity_providers (slug, name, issuer, client_id, client_secret, created_at, updated_at) values ('k', 'K', 'https://idp.example', 'c', ?, 'x', 'x')",
      )
      .run(sealed);
    connection.close();
    const stored = () => {
      const c = createDb(path);
      const value = (c.sqlite.prepare("select client_secret from identity_providers").get() as { client_secret: string }).client_secret;
      c.close();
      return value;
    };

    const wrong = cli(["secrets:rotate"], path, "not the old key at all, but long enough\n", { SECRET_KEY: newKey });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/does not open/);
    expect(stored()).toBe(sealed);

    const done = cli(["secrets:rotate"], path, `${oldKey}\n`, { SECRET_KEY: newKey });
    expect([done.status, done.stdout.trim()]).toEqual([0, "Re-sealed 1 stored secrets with the new SECRET_KEY. Start the server with it."]);
    expect(createSecretBox(newKey).open(stored())).toBe("client secret");
  });
});
