import { IMPORT_MEASURE_CODES, ROLES, SECTORS } from "@malestokk/domain";

export const USAGE = `Usage:
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
