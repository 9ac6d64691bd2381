import { createTestDb, type DbConnection } from "@malestokk/db/testing";
import { TRPCError } from "@trpc/server";
import { afterEach, expect } from "vitest";

import { createContextInner } from "./context";
import { AppError } from "./errors";
import { createCaller } from "./root";

const connections: DbConnection[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) c.close();
});

export const FIXED_NOW = new Date("2026-03-01T12:00:00.000Z");

/** A caller on a fresh copy of the seeded demo database, through the real router. */
export function setupCaller(options: { seed?: boolean } = { seed: true }) {
  const connection = createTestDb(options);
  connections.push(connection);
  const caller = createCaller(createContextInner({ db: connection.db, now: () => FIXED_NOW }));
  return { caller, db: connection.db, sqlite: connection.sqlite };
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
