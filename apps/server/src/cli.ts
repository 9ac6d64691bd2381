import { AppError } from "@malestokk/api";
import { BackupError } from "@malestokk/db";

import { createUserCommand, localSignInCommand, rotateSecretsCommand } from "./cli/accounts";
import { importCostsCommand } from "./cli/cost-import";
import { backupCommand, restoreCommand } from "./cli/database";
import { importCommand, importKlassCommand } from "./cli/imports";
import { USAGE } from "./cli/usage";
import { EnvError } from "./env";

// `pnpm cli <command>`: the dispatcher; each group of commands is a module in cli/.

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
