import { getCounter, type CounterKey, type Db } from "@malestokk/db";

/** Computed results per database, each with the versions of the counters it was computed at. */
const caches = new WeakMap<Db, Map<string, { version: string; value: unknown }>>();
const MAX_ENTRIES = 5_000;

/**
 * The result of `compute` for `key`, from the cache while nothing it depends on has changed. The
 * caller checks access first and puts everything the result depends on (the reader's draft
 * visibility included) in the key, and names the counters the result follows: the figures everyone
 * sees ("dataVersion"), the drafts the reader may see, or the register alone ("registerVersion").
 */
export function cached<T>(db: Db, key: string, compute: () => T, counters: readonly CounterKey[] = ["dataVersion"]): T {
  const version = counters.map((c) => getCounter(db, c)).join(":");
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  if (!hit && cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, { version, value });
  return value;
}
