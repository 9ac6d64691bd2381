import { eq, sql } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { appCounters } from "../schema/index";

const DATA_VERSION = "dataVersion";

/** Marks every cached comparison stale: call in the transaction that changes what they are computed from. */
export function bumpDataVersion(db: DbOrTx): void {
  db.insert(appCounters)
    .values({ key: DATA_VERSION, value: 1 })
    .onConflictDoUpdate({ target: appCounters.key, set: { value: sql`${appCounters.value} + 1` } })
    .run();
}

export function getDataVersion(db: DbOrTx): number {
  return db.select({ value: appCounters.value }).from(appCounters).where(eq(appCounters.key, DATA_VERSION)).get()?.value ?? 0;
}
