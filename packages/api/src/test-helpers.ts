import { findUserByEmail, insertSession } from "@malestokk/db";
import type { EnvIdentityProvider } from "@malestokk/domain";
import { createTestDb, type DbConnection } from "@malestokk/db/testing";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

import type { SecretBox } from "./auth/secret-box";
import { createToken } from "./auth/tokens";
import { createContextInner, DEFAULT_AUTH_SETTINGS, resolveSession, type SessionCookies } from "./context";
import { AppError } from "./errors";
import type { MailSettings } from "./mail/notify";
import { createCaller } from "./root";

const connections: DbConnection[] = [];

/**
 * Closes the databases the test opened. Called after each test by the setup file (test-setup.ts), not by a hook
 * here: the suite runs without isolation, so this module is imported once and a hook registered at import would
 * serve only the first test file.
 */
export function closeTestConnections(): void {
  for (const c of connections.splice(0)) c.close();
}

export const FIXED_NOW = new Date("2026-03-01T12:00:00.000Z");

export type Caller = ReturnType<typeof createCaller>;

/** Records what a procedure did to the session cookie. */
export function cookieJar(): SessionCookies & { token: string | null; cleared: boolean } {
  const jar = {
    token: null as string | null,
    cleared: false,
    set(token: string) {
      jar.token = token;
    },
    clear() {
      jar.cleared = true;
      jar.token = null;
    },
  };
  return jar;
}

/**
 * A fresh copy of the seeded demo database and callers through the real router: anonymous, or
 * signed in as a demo user (a real session row, resolved the way a request resolves its cookie).
 */
export function setupApi(
  options: {
    seed?: boolean;
    now?: () => Date;
    envIdentityProviders?: readonly EnvIdentityProvider[];
    secrets?: SecretBox;
    publicOrigin?: string;
    /** Mail on (issue 25): notices are queued in the outbox. */
    mail?: MailSettings;
  } = {},
) {
  const connection = createTestDb({ seed: options.seed ?? true });
  connections.push(connection);
  const { db } = connection;
  const now = options.now ?? (() => FIXED_NOW);

  function tokenFor(email: string): string {
    const user = findUserByEmail(db, email);
    if (!user) throw new Error(`no user ${email} in the test database`);
    const { token, hash } = createToken();
    const at = now();
    insertSession(db, {
      tokenHash: hash,
      userId: user.id,
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + 3_600_000).toISOString(),
    });
    return token;
  }

  function callerWithToken(token: string | null, extra: { cookies?: SessionCookies; clientIp?: string } = {}): Caller {
    const session = resolveSession(db, token, now(), DEFAULT_AUTH_SETTINGS);
    return createCaller(
      createContextInner({
        db,
        session,
        now,
        envIdentityProviders: options.envIdentityProviders ?? [],
        publicOrigin: options.publicOrigin ?? null,
        ...(options.secrets ? { secrets: options.secrets } : {}),
        ...(options.mail ? { mail: options.mail } : {}),
        ...extra,
      }),
    );
  }

  return {
    db,
    sqlite: connection.sqlite,
    anonymous: (extra: { cookies?: SessionCookies; clientIp?: string } = {}) => callerWithToken(null, extra),
    as: (email: string) => callerWithToken(tokenFor(email)),
    tokenFor,
    callerWithToken,
  };
}

/** The usual case: a caller signed in as the demo admin. */
export function setupCaller(options: { seed?: boolean; as?: string } = {}) {
  const api = setupApi(options);
  const caller = options.seed === false ? api.anonymous() : api.as(options.as ?? "admin@demo.example");
  return { caller, db: api.db, sqlite: api.sqlite, api };
}

/** Runs `fn`, expects it to throw a TRPCError, and returns it. */
export async function expectTrpcError(fn: () => Promise<unknown>): Promise<TRPCError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }
  throw new Error("expected a TRPCError, but the call succeeded");
}

export function expectAppError(error: TRPCError, code: string): AppError {
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.appCode).toBe(code);
  return appError;
}

/** A cost report input with no lines and nothing else filled in, to spread over in tests. */
export function emptyReportInput(municipalityNumber: string, year = 2024, expectedVersion: number | null = null) {
  return {
    municipalityNumber,
    year,
    expectedVersion,
    lines: [] as { service: "operations"; costType: "ownStaff"; systemId: null; amount: number; comment: null }[],
    itUserAccounts: null,
    employeesFte: null,
    populationOverride: null,
    grossOperatingExpenditureOverride: null,
    warningComments: {},
  };
}

/**
 * Saves a report as a draft of one line of `total` kroner, as the municipality's finance user:
 * an approved or submitted (demo) report is first returned by the admin, as a real correction is.
 */
export async function saveDraftTotal(api: ReturnType<typeof setupApi>, number: string, year: number, total: number) {
  const finance = api.as(`finance.${number}@demo.example`);
  let view = await finance.costs.report({ municipalityNumber: number, year });
  if (view.report && (view.report.status === "approved" || view.report.status === "submitted")) {
    await api
      .as("admin@demo.example")
      .costs.return({ municipalityNumber: number, year, expectedVersion: view.report.version, comment: "Rett tallet" });
    view = await finance.costs.report({ municipalityNumber: number, year });
  }
  return finance.costs.save({
    ...emptyReportInput(number, year, view.report?.version ?? null),
    lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount: total, comment: null }],
    itUserAccounts: view.report?.itUserAccounts ?? null,
  });
}

/**
 * A municipality's cost report corrected through the real workflow: returned, saved as one line of `total` kroner
 * with every plausibility warning explained, submitted by finance and approved by the manager.
 */
export async function approveCorrectedTotal(api: ReturnType<typeof setupApi>, number: string, year: number, total: number) {
  const key = { municipalityNumber: number, year };
  const finance = api.as(`finance.${number}@demo.example`);
  const { version } = await saveDraftTotal(api, number, year, total);
  const { unexplained, report } = await finance.costs.report(key);
  const saved = await finance.costs.save({
    ...emptyReportInput(number, year, version),
    lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount: total, comment: null }],
    itUserAccounts: report?.itUserAccounts ?? null,
    warningComments: Object.fromEntries(unexplained.map((k) => [k, "Rettet etter revisjon"])),
  });
  await finance.costs.submit({ ...key, expectedVersion: saved.version });
  await api.as(`manager.${number}@demo.example`).costs.approve({ ...key, expectedVersion: saved.version + 1 });
}
