import { eq } from "drizzle-orm";
import type { Role } from "@malestokk/domain";

import type { Db } from "../client";
import { insertGrant, insertUser } from "../queries/users";
import { organisations, users } from "../schema/index";

/** Municipalities that get a demo finance and a demo manager user. */
export const DEMO_USER_MUNICIPALITIES = ["0301", "5001", "4601", "1103"] as const;

export interface DemoAccount {
  readonly email: string;
  readonly role: Role;
  readonly municipalityNumber: string | null;
}

export function listDemoAccounts(): DemoAccount[] {
  return [
    { email: "admin@demo.example", role: "admin", municipalityNumber: null },
    { email: "board@demo.example", role: "board", municipalityNumber: null },
    { email: "secretariat@demo.example", role: "secretariat", municipalityNumber: null },
    { email: "council@demo.example", role: "sectorCouncil", municipalityNumber: null },
    ...DEMO_USER_MUNICIPALITIES.flatMap((number) => [
      { email: `finance.${number}@demo.example`, role: "finance" as const, municipalityNumber: number },
      { email: `manager.${number}@demo.example`, role: "manager" as const, municipalityNumber: number },
    ]),
  ];
}

/**
 * A demo user's name says whom they stand for in Norwegian, as the glossary names the roles
 * (docs/glossary.md); the one demo council sits in helse og velferd.
 */
const DEMO_NAMES: Record<Role, string> = {
  admin: "Demo administrator",
  board: "Demo programstyret",
  secretariat: "Demo sekretariatet",
  sectorCouncil: "Demo KPR helse og velferd",
  manager: "Demo leder",
  finance: "Demo økonomi",
};

/**
 * Creates the demo accounts (flagged is_demo) when none exist. They share one password, so one
 * argon2id hash serves them all: hashing each would only slow every start and test.
 */
export function seedDemoUsers(db: Db, options: { passwordHash: string; now: string }): number {
  const existing = db.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).limit(1).all();
  if (existing.length > 0) return 0;
  const numbers = new Map(
    db
      .select({ id: organisations.id, number: organisations.number })
      .from(organisations)
      .all()
      .map((o) => [o.number, o.id] as const),
  );
  let created = 0;
  db.transaction((tx) => {
    for (const account of listDemoAccounts()) {
      const organisationId = account.municipalityNumber ? (numbers.get(account.municipalityNumber) ?? null) : null;
      if (account.municipalityNumber && organisationId === null) continue;
      const user = insertUser(tx, {
        email: account.email,
        name: `${DEMO_NAMES[account.role]}${account.municipalityNumber ? ` ${account.municipalityNumber}` : ""}`,
        passwordHash: options.passwordHash,
        isDemo: true,
        now: options.now,
      });
      insertGrant(tx, {
        userId: user.id,
        role: account.role,
        organisationId,
        sector: account.role === "sectorCouncil" ? "helseVelferd" : null,
        now: options.now,
      });
      created += 1;
    }
  });
  return created;
}
