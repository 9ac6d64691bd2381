import type { DbOrTx } from "../client";

/**
 * A query prepared once per database handle. Drizzle otherwise builds the SQL and SQLite
 * prepares it on every call: on the per-request path (session, grants, municipality, data
 * version) that was most of the cost of a cached read (issue 7's throughput target).
 */
export function preparedQuery<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const byDb = new WeakMap<DbOrTx, T>();
  return (db) => {
    let query = byDb.get(db);
    if (query === undefined) {
      query = build(db);
      byDb.set(db, query);
    }
    return query;
  };
}
