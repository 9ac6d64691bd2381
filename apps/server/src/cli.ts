import { parseArgs } from "node:util";
import { createInterface } from "node:readline";

import { readFile } from "node:fs/promises";
import { resolve as resolvePath } from "node:path";

import {
  AppError,
  COMMAND_LINE_ACTOR,
  createUserWithPassword,
  hashPassword,
  isCommonPassword,
  isGuessablePassword,
  importJsonStat,
  importKostraGroups,
  importRegisterNames,
  importRegionChanges,
  importCostFile,
  FileReader,
  readLocalFile,
  LOCAL_SIGN_IN,
  createSecretBox,
  resealStoredSecrets,
  type ImportReport,
} from "@malestokk/api";
import { appendAudit, setSetting, BackupError, backupDatabase, checkBackup, createDb, getCostReport, restoreDatabase, getReportingUnitByNumber, runMigrations, seedReferenceData } from "@malestokk/db";
import {
  describeCostFileChanges,
  describeCostFileIssue,
  describeCostFileNote,
  describeCostFileProblems,
  describeCostFileRead,
  describeCostImportDone,
  describeCostImportRefusal,
  EmailSchema,
  IMPORT_MEASURE_CODES,
  isCostImportReportRefusal,
  MAX_COST_FILE_BYTES,
  nameSchema,
  PasswordSchema,
  ROLES,
  SECTORS,
  type ImportMeasure,
  type Role,
  type Sector,
} from "@malestokk/domain";

import { EnvError, loadCliLanguage, loadEnv } from "./env";

const USAGE = `Usage:
  pnpm cli user:create --email <e-mail> --role <${ROLES.join("|")}> [--name <name>]
                       [--municipality <NNNN>] [--sector <${SECTORS.join("|")}>]

  pnpm cli import:costs <file.csv|file.xlsx> --org <NNNN|NNNNNNNNN> --year <YYYY> [--dry-run]
                       (a cost report's lines; prints every problem by row and column)

  pnpm cli import:jsonstat <file-or-url> --measure <${IMPORT_MEASURE_CODES.join("|")}> [--dry-run]
  pnpm cli import:klass <file-or-url> --kostra-groups --year <YYYY> [--dry-run]
  pnpm cli import:klass <file-or-url> --names [--dry-run]      (KLASS 131 codes: names, Sámi/Kven names)
  pnpm cli import:klass <file-or-url> --changes [--dry-run]    (KLASS 131 changes: older numbers, e.g. 2020 reform)

The password is read from standard input when it is piped, or asked for twice.
  pnpm cli backup <file>      (a consistent copy of the database, also while the server runs)
  pnpm cli restore <file>     (stop the server first; checks the backup, keeps the replaced database)
  pnpm cli secrets:rotate   (re-seals stored secrets with SECRET_KEY; the old key is read from standard input,
                              empty if they were stored unsealed; stop the server first)
  pnpm cli local-sign-in <on|off>
                              (password sign-in; "on" lets people in again when a provider fails)

An import writes nothing with --dry-run, and otherwise everything or nothing.`;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += String(chunk);
    return data.replace(/\r?\n$/, "");
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(question)) process.stdout.write(question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  const second = await ask("Repeat password: ");
  if (first !== second) throw new Error("The passwords differ.");
  return first;
}

async function createUserCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      municipality: { type: "string" },
      sector: { type: "string" },
    },
  });
  const email = EmailSchema.safeParse(values.email ?? "");
  if (!email.success) throw new Error(`--email: not a valid e-mail address\n\n${USAGE}`);
  if (!ROLES.includes(values.role as Role)) throw new Error(`--role: one of ${ROLES.join(", ")}\n\n${USAGE}`);
  const name = nameSchema(200).safeParse(values.name ?? email.data);
  if (!name.success) throw new Error("--name: 1 to 200 characters; spaces and invisible characters do not count.");
  if (values.sector !== undefined && !SECTORS.includes(values.sector as Sector)) {
    throw new Error(`--sector: one of ${SECTORS.join(", ")}`);
  }
  const password = PasswordSchema.safeParse(await readPassword());
  if (!password.success) throw new Error("The password must be 12 to 128 characters.");
  if (await isCommonPassword(password.data)) {
    throw new Error("The password is on a list of common or leaked passwords, which attackers try first. Choose another, for example a few unrelated words.");
  }
  const env = loadEnv();
  const connection = createDb(env.DATABASE_PATH);
  try {
    runMigrations(connection.sqlite, connection.db);
    seedReferenceData(connection.db);
    if (isGuessablePassword(connection.db, password.data, { email: email.data, name: name.data })) {
      throw new Error("The password is made only of words that are easy to guess here (a season or month, a municipality's name, Målestokk, your own name). Choose a few unrelated words instead.");
    }
    const { userId } = createUserWithPassword(connection.db, {
      email: email.data,
      name: name.data,
      role: values.role as Role,
      municipalityNumber: values.municipality ?? null,
      sector: (values.sector as Sector | undefined) ?? null,
      passwordHash: await hashPassword(password.data),
      now: new Date(),
    });
    console.log(`Created user ${email.data} (id ${userId}) with role ${values.role}.`);
  } finally {
    connection.close();
  }
}

function printReport(report: ImportReport): void {
  const { totals } = report;
  const line = (label: string, t: { count: number; sum: number }) =>
    console.log(`  ${label.padEnd(18)} ${String(t.count).padStart(7)} values  sum ${t.sum}`);
  console.log(`${report.dryRun ? "DRY RUN (nothing written)" : "Imported"}: ${report.measure} from table ${report.tableId ?? "?"}`);
  line("in the file", totals.file);
  line("imported", totals.imported);
  line("skipped", totals.skipped);
  line("not allocatable", totals.notAllocatable);
  console.log(`  ${report.preview.changes.length} new or changed, ${report.preview.unchanged} unchanged, ${report.written} written`);
  const reasons = new Map<string, number>();
  for (const s of report.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  for (const [reason, count] of reasons) console.log(`  skipped ${count} × ${reason}`);
  for (const n of report.notAllocatable) console.log(`  not allocatable: ${n.code} ${n.label} ${n.year} (split into ${n.into.join(", ")})`);
  const balanced = totals.imported.count + totals.skipped.count + totals.notAllocatable.count === totals.file.count;
  console.log(`  every value accounted for: ${balanced ? "yes" : "NO"}`);
}

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`${source} answered ${response.status}`);
    return response.text();
  }
  return readFile(source, "utf8");
}

async function withDatabase<T>(fn: (db: ReturnType<typeof createDb>["db"]) => T | Promise<T>): Promise<T> {
  const env = loadEnv();
  const connection = createDb(env.DATABASE_PATH);
  try {
    runMigrations(connection.sqlite, connection.db);
    seedReferenceData(connection.db);
    return await fn(connection.db);
  } finally {
    connection.close();
  }
}

async function importKlassCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "kostra-groups": { type: "boolean", default: false },
      names: { type: "boolean", default: false },
      changes: { type: "boolean", default: false },
      year: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const source = positionals[0];
  const kinds = [values["kostra-groups"], values.names, values.changes].filter(Boolean).length;
  if (!source || kinds !== 1) throw new Error(`Name a file or URL and one of --kostra-groups, --names or --changes.\n\n${USAGE}`);
  if (values.changes) {
    const text = await readSource(source);
    const report = await withDatabase((db) =>
      importRegionChanges(db, { text, dryRun: values["dry-run"] }, { now: new Date(), actor: COMMAND_LINE_ACTOR }),
    );
    const { summary, preview } = report;
    console.log(`${report.dryRun ? "DRY RUN (nothing written)" : "Imported"}: changes of municipality numbers ${summary.firstDate ?? ""} – ${summary.lastDate ?? ""}`);
    console.log(`  ${summary.renumbered} renumbered, ${summary.merges} merges, ${summary.splits.length} splits`);
    console.log(`  ${preview.added.length} added, ${preview.removed.length} removed, ${preview.unchanged} unchanged`);
    for (const split of summary.splits) console.log(`  split ${split.occurred}: ${split.from} → ${split.into.join(", ")} (its figures cannot be allocated)`);
    console.log(`  data years mapped from ${report.firstMappedYear.after} (was ${report.firstMappedYear.before})`);
    return;
  }
  if (values.names) {
    const text = await readSource(source);
    const report = await withDatabase((db) =>
      importRegisterNames(db, { text, dryRun: values["dry-run"] }, { now: new Date(), actor: COMMAND_LINE_ACTOR }),
    );
    console.log(`${report.dryRun ? "DRY RUN (nothing written)" : "Imported"}: register names`);
    console.log(`  ${report.changes.length} changed, ${report.unchanged} unchanged, ${report.written} written`);
    for (const c of report.changes) console.log(`  ${c.number}: ${c.before.name} (${c.before.altName ?? "–"}) → ${c.after.name} (${c.after.altName ?? "–"})`);
    if (report.unknown.length > 0) console.log(`  not in the 2024 division, ignored: ${report.unknown.join(", ")}`);
    if (report.missing.length > 0) console.log(`  ${report.missing.length} municipalities not in the file`);
    return;
  }
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2020 || year > 2100) throw new Error("--year: the year the groups apply to, 2020 or later");
  const text = await readSource(source);
  const report = await withDatabase((db) =>
    importKostraGroups(db, { text, year, dryRun: values["dry-run"] }, { now: new Date(), actor: COMMAND_LINE_ACTOR }),
  );
  console.log(`${report.dryRun ? "DRY RUN (nothing written)" : "Imported"}: KOSTRA groups ${report.year}`);
  console.log(`  ${report.changes.length} new or changed, ${report.unchanged} unchanged, ${report.written} written`);
  for (const s of report.skipped) console.log(`  skipped ${s.code} ${s.name}: ${s.reason}`);
  if (report.unassigned.length > 0) console.log(`  ${report.unassigned.length} municipalities got no group from this file`);
}

async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { measure: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  const source = positionals[0];
  if (!source) throw new Error(`Name a file or URL.\n\n${USAGE}`);
  if (!IMPORT_MEASURE_CODES.includes(values.measure as ImportMeasure)) {
    throw new Error(`--measure: one of ${IMPORT_MEASURE_CODES.join(", ")}`);
  }
  const text = await readSource(source);
  const report = await withDatabase((db) =>
    importJsonStat(db, {
      text,
      measure: values.measure as ImportMeasure,
      dryRun: values["dry-run"],
      fileName: source,
    }, { now: new Date(), actor: COMMAND_LINE_ACTOR }),
  );
  printReport(report);
}

/**
 * `import:costs`: a dry run first, then (without --dry-run) the import. Every refusal is one sentence
 * in the user's language (LANG), from the same texts as the web (ADR 011); row problems come one per
 * line, then a summary. Exit code 1 on any refusal, of a preview too.
 */
async function importCostsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: "string" }, year: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  const file = positionals[0];
  if (!file) throw new Error(`Name a CSV or XLSX file.\n\n${USAGE}`);
  if (!/^(\d{4}|\d{9})$/.test(values.org ?? "")) throw new Error("--org: a municipality number (4 digits) or an IT cooperative's organisation number (9)");
  const year = Number(values.year);
  if (!Number.isInteger(year)) throw new Error("--year: the reporting year, e.g. 2025");
  const lang = loadCliLanguage();
  const context = { fileName: file, year };
  // A file over the limit is refused from its size: only its first bytes are read (issue 18). A
  // smaller one is read once, for both runs.
  const { bytes, size } = await readLocalFile(file, MAX_COST_FILE_BYTES);
  if (size > MAX_COST_FILE_BYTES) {
    console.log(describeCostImportRefusal({ code: "FILE_TOO_LARGE", params: { bytes: size, maxBytes: MAX_COST_FILE_BYTES } }, context, lang));
    process.exitCode = 1;
    return;
  }
  const fileReader = new FileReader();
  let ok: boolean;
  try {
    ok = await withDatabase(async (db) => {
      const municipality = getReportingUnitByNumber(db, values.org ?? "");
      if (!municipality) throw new Error(`--org: no municipality or IT cooperative ${values.org}`);
      const version = getCostReport(db, municipality.id, year)?.version ?? null;
      const run = async (dryRun: boolean) => {
        try {
          return await importCostFile(db, municipality, { year, expectedVersion: version, bytes, size, fileName: file, dryRun }, { now: new Date(), actor: COMMAND_LINE_ACTOR, fileReader });
        } catch (error) {
          // The report cannot take the lines (its status, a closed year, a change meanwhile): said as the web says it.
          if (!(error instanceof AppError) || !isCostImportReportRefusal(error.appCode)) throw error;
          console.log(describeCostImportRefusal({ code: error.appCode, params: error.params }, context, lang));
          return null;
        }
      };
      const report = await run(true);
      if (!report) return false;
      if (report.fileError) {
        console.log(describeCostImportRefusal(report.fileError, context, lang));
        return false;
      }
      if (report.ok) console.log(describeCostFileRead({ fileName: file, format: report.format, encoding: report.encoding, delimiter: report.delimiter }, lang));
      for (const warning of report.warnings) console.log(`  ${describeCostFileNote(warning, lang)}`);
      if (!report.ok) {
        for (const issue of report.issues) console.log(`  ${describeCostFileIssue(issue, lang)}`);
        console.log(describeCostFileProblems(file, report.issues, lang));
        return false;
      }
      const changes = report.changes ?? { added: [], changed: [], removed: [] };
      console.log(
        `  ${describeCostFileChanges({ lineCount: report.lineCount, total: report.total.after ?? 0, before: report.total.before, added: changes.added.length, changed: changes.changed.length, removed: changes.removed.length }, lang)}`,
      );
      if (values["dry-run"]) {
        console.log(describeCostImportDone({ dryRun: true }, lang));
        return true;
      }
      const done = await run(false);
      if (!done) return false;
      console.log(describeCostImportDone({ dryRun: false, written: done.written, year, name: municipality.name, version: done.version }, lang));
      return true;
    });
  } finally {
    await fileReader.close();
  }
  if (!ok) process.exitCode = 1;
}

/** `backup <file>`: SQLite's online backup, consistent while the server runs. */
async function backupCommand(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file) throw new Error("Name the backup file: pnpm cli backup <file>");
  const env = loadEnv();
  const connection = createDb(env.DATABASE_PATH);
  try {
    const result = await backupDatabase(connection.sqlite, resolvePath(file));
    const state = checkBackup(resolvePath(file));
    console.log(`Backed up ${env.DATABASE_PATH} to ${resolvePath(file)}: ${result.bytes} bytes, integrity ok, schema ${state.latest}.`);
  } finally {
    connection.close();
  }
}

/** `restore <file>`: checks the backup first, then replaces the database and keeps the replaced file. */
function restoreCommand(args: string[]): void {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file) throw new Error("Name the backup to restore: pnpm cli restore <file> (stop the server first)");
  const env = loadEnv();
  const { state, keptAs } = restoreDatabase(resolvePath(file), env.DATABASE_PATH, new Date());
  console.log(`Restored ${env.DATABASE_PATH} from ${resolvePath(file)} (integrity ok, schema ${state.latest}, ${state.known - state.applied} migrations to apply at start).`);
  console.log(keptAs ? `The replaced database is kept as ${keptAs}.` : "There was no database to replace.");
}

/** `local-sign-in on|off`: the way back in when the only identity provider is down or misconfigured. */
function localSignInCommand(args: string[]): void {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [value] = positionals;
  if (value !== "on" && value !== "off") throw new Error("Say on or off: pnpm cli local-sign-in <on|off>");
  const env = loadEnv();
  const connection = createDb(env.DATABASE_PATH);
  try {
    runMigrations(connection.sqlite, connection.db);
    const at = new Date().toISOString();
    connection.db.transaction((tx) => {
      setSetting(tx, LOCAL_SIGN_IN, value === "on", at);
      appendAudit(tx, { at, actorUserId: null, actorEmail: "cli", action: "admin.localSignInChanged", details: { enabled: value === "on", via: "cli" } });
    });
    console.log(`Password sign-in is now ${value === "on" ? "on" : "off"}.`);
  } finally {
    connection.close();
  }
}

/** `secrets:rotate`: from the old key (standard input) to SECRET_KEY, all or nothing. */
async function rotateSecretsCommand(): Promise<void> {
  const env = loadEnv();
  if (!env.SECRET_KEY) throw new Error("Set the new key in SECRET_KEY first.");
  let old = "";
  for await (const chunk of process.stdin) old += String(chunk);
  old = old.replace(/\r?\n$/, "");
  const connection = createDb(env.DATABASE_PATH);
  try {
    runMigrations(connection.sqlite, connection.db);
    const { resealed } = resealStoredSecrets(connection.db, createSecretBox(old || null), createSecretBox(env.SECRET_KEY));
    appendAudit(connection.db, { at: new Date().toISOString(), actorUserId: null, actorEmail: "cli", action: "admin.secretsRotated", details: { resealed } });
    console.log(`Re-sealed ${resealed} stored secrets with the new SECRET_KEY. Start the server with it.`);
  } finally {
    connection.close();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "backup") return backupCommand(rest);
  if (command === "restore") return restoreCommand(rest);
  if (command === "local-sign-in") return localSignInCommand(rest);
  if (command === "secrets:rotate") return rotateSecretsCommand();
  if (command === "user:create") return createUserCommand(rest);
  if (command === "import:jsonstat") return importCommand(rest);
  if (command === "import:klass") return importKlassCommand(rest);
  if (command === "import:costs") return importCostsCommand(rest);
  console.error(USAGE);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    const issue = error.issues[0];
    const params = Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : "";
    console.error(`Error: ${error.message}${issue ? ` (${issue.path.join(".")}: ${issue.code})` : ""}${params}`);
  } else if (error instanceof BackupError) {
    console.error(`Error (${error.code}): ${error.message}`);
  } else if (error instanceof EnvError || error instanceof Error) {
    console.error(`Error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
