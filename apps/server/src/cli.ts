import { parseArgs } from "node:util";
import { createInterface } from "node:readline";

import { AppError, createUserWithPassword, hashPassword } from "@malestokk/api";
import { createDb, runMigrations, seedReferenceData } from "@malestokk/db";
import { EmailSchema, PasswordSchema, ROLES, SECTORS, type Role, type Sector } from "@malestokk/domain";

import { EnvError, loadEnv } from "./env";

const USAGE = `Usage:
  pnpm cli user:create --email <e-mail> --role <${ROLES.join("|")}> [--name <name>]
                       [--municipality <NNNN>] [--sector <${SECTORS.join("|")}>]

The password is read from standard input when it is piped, or asked for twice.`;

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
  if (values.sector !== undefined && !SECTORS.includes(values.sector as Sector)) {
    throw new Error(`--sector: one of ${SECTORS.join(", ")}`);
  }
  const password = PasswordSchema.safeParse(await readPassword());
  if (!password.success) throw new Error("The password must be 12 to 128 characters.");
  const env = loadEnv();
  const connection = createDb(env.DATABASE_PATH);
  try {
    runMigrations(connection.sqlite, connection.db);
    seedReferenceData(connection.db);
    const { userId } = createUserWithPassword(connection.db, {
      email: email.data,
      name: values.name ?? email.data,
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

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "user:create") return createUserCommand(rest);
  console.error(USAGE);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    const issue = error.issues[0];
    console.error(`Error: ${error.message}${issue ? ` (${issue.path.join(".")}: ${issue.code})` : ""}`);
  } else if (error instanceof EnvError || error instanceof Error) {
    console.error(`Error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
