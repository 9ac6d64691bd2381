import { randomBytes } from "node:crypto";

import { hashPassword } from "@malestokk/api";
import {
  listDemoAccounts,
  removeDemoUsers,
  seedDemoBenefits,
  seedDemoData,
  seedDemoToolbox,
  seedDemoUsers,
  setDemoPasswords,
  type Db,
} from "@malestokk/db";

import type { Env } from "./env";
import type { Logger } from "./logger";

/**
 * DEMO=on: demo data on an empty database, demo users of every role (flagged), and sign-in
 * instructions on the console. DEMO=off: no demo users at all.
 */
export async function prepareDemo(db: Db, env: Env, logger: Logger, port: () => number): Promise<(() => void) | null> {
  if (env.DEMO === "off") {
    const removed = removeDemoUsers(db);
    if (removed > 0) logger.info({ removed }, "DEMO=off: removed the demo users");
    return null;
  }
  const now = new Date().toISOString();
  const seeded = seedDemoData(db, { now });
  if (seeded.seeded) {
    logger.info(
      { municipalities: seeded.municipalities, costReports: seeded.costReports },
      "empty database: filled with DEMO data (invented figures, labelled as demo in the app)",
    );
  }
  const password = env.DEMO_PASSWORD ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  seedDemoUsers(db, { passwordHash, now });
  // Benefit owners are demo users, so the plans come after them.
  seedDemoBenefits(db, { now });
  seedDemoToolbox(db, { now });
  setDemoPasswords(db, { passwordHash, now });
  return () => {
    const accounts = listDemoAccounts()
      .map((a) => `    ${a.email.padEnd(34)} ${a.role}${a.municipalityNumber ? ` (${a.municipalityNumber})` : ""}`)
      .join("\n");
    console.log(
      [
        "",
        `  DEMO: sign in at http://localhost:${port()} as one of these demo users:`,
        accounts,
        `  Password for all of them: ${password}${env.DEMO_PASSWORD ? " (from DEMO_PASSWORD)" : " (random for this start; set DEMO_PASSWORD to choose one)"}`,
        "  Demo users and data are invented and flagged as demo. DEMO=off removes the demo users.",
        "",
      ].join("\n"),
    );
  };
}
