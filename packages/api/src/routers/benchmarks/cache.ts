import { getDataVersion, type Db } from "@malestokk/db";

/** Computed comparisons per database, valid while its data version stands (any write to the figures bumps it). */
const caches = new WeakMap<Db, { version: number; entries: Map<string, unknown> }>();
const MAX_ENTRIES = 2_000;

/**
 * The result of `compute` for `key`, from the cache while nothing it depends on has changed. The
 * caller checks access first and puts everything the result depends on (the reader's draft
 * visibility included) in the key.
 */
export function cached<T>(db: Db, key: string, compute: () => T): T {
  const version = getDataVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    caches.set(db, cache);
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = compute();
  if (cache.entries.size >= MAX_ENTRIES) {
    const oldest = cache.entries.keys().next();
    if (!oldest.done) cache.entries.delete(oldest.value);
  }
  cache.entries.set(key, value);
  return value;
}
