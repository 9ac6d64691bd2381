import { parseArgs } from "node:util";
import { createInterface } from "node:readline";

import {
  auditBy,
  COMMAND_LINE_ACTOR,
  createSecretBox,
  createUserWithPassword,
  hashPassword,
  isCommonPassword,
  isGuessablePassword,
  LOCAL_SIGN_IN,
  resealStoredSecrets,
} from "@malestokk/api";
import { appendAudit, createDb, runMigrations, setSetting } from "@malestokk/db";
import { EmailSchema, nameSchema, PasswordSchema, ROLES, SECTORS, type Role, type Sector } from "@malestokk/domain";

import { loadEnv } from "../env";
import { withDatabase } from "./database";
import { USAGE } from "./usage";

// Accounts and sign-in: the first administrator, the way back to password sign-in, the secrets' key.

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

export async function createUserCommand(args: string[]): Promise<void> {
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
    throw new Error(
      "The password is on a list of common or leaked passwords, which attackers try first. Choose another, for example a few unrelated words.",
    );
  }
  await withDatabase(async (db) => {
    if (isGuessablePassword(db, password.data, { email: email.data, name: name.data })) {
      throw new Error(
        "The password is made only of words that are easy to guess here (a season or month, a municipality's name, Målestokk, your own name). Choose a few unrelated words instead.",
      );
    }
    const { userId } = createUserWithPassword(db, {
      email: email.data,
      name: name.data,
      role: values.role as Role,
      municipalityNumber: values.municipality ?? null,
      sector: (values.sector as Sector | undefined) ?? null,
      passwordHash: await hashPassword(password.data),
      now: new Date(),
    });
    console.log(`Created user ${email.data} (id ${userId}) with role ${values.role}.`);
  });
}

/** `local-sign-in on|off`: the way back in when the only identity provider is down or misconfigured. */
export function localSignInCommand(args: string[]): void {
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
      appendAudit(tx, {
        at,
        ...auditBy(COMMAND_LINE_ACTOR),
        action: "admin.localSignInChanged",
        details: { enabled: value === "on", via: "cli" },
      });
    });
    console.log(`Password sign-in is now ${value === "on" ? "on" : "off"}.`);
  } finally {
    connection.close();
  }
}

/** `secrets:rotate`: from the old key (standard input) to SECRET_KEY, all or nothing. */
export async function rotateSecretsCommand(): Promise<void> {
  const env = loadEnv();
  if (!env.SECRET_KEY) throw new Error("Set the new key in SECRET_KEY first.");
  let old = "";
  for await (const chunk of process.stdin) old += String(chunk);
  old = old.replace(/\r?\n$/, "");
  const connection = createDb(env.DATABASE_PATH);
  try {
    runMigrations(connection.sqlite, connection.db);
    const { resealed } = resealStoredSecrets(connection.db, createSecretBox(old || null), createSecretBox(env.SECRET_KEY));
    appendAudit(connection.db, {
      at: new Date().toISOString(),
      ...auditBy(COMMAND_LINE_ACTOR),
      action: "admin.secretsRotated",
      details: { resealed },
    });
    console.log(`Re-sealed ${resealed} stored secrets with the new SECRET_KEY. Start the server with it.`);
  } finally {
    connection.close();
  }
}
