import { getCounter, type CounterKey, type Db } from "@malestokk/db";

/** Computed results per database and counter, valid while that counter stands (the writes that change their inputs bump it). */
const caches = new WeakMap<
  Db,
  Map<CounterKey, { version: number; entries: Map<string, unknown> }>
>();
const MAX_ENTRIES = 2_000;

/**
 * The result of `compute` for `key`, from the cache while nothing it depends on has changed. The
 * caller checks access first and puts everything the result depends on (the reader's draft
 * visibility included) in the key. Comparisons follow the figures ("dataVersion"); the unit list
 * follows the register only ("registerVersion"), so a saved cost report does not re-read it.
 */
export function cached<T>(
  db: Db,
  key: string,
  compute: () => T,
  counter: CounterKey = "dataVersion",
): T {
  const version = getCounter(db, counter);
  let byCounter = caches.get(db);
  if (!byCounter) {
    byCounter = new Map();
    caches.set(db, byCounter);
  }
  let cache = byCounter.get(counter);
  if (!cache || cache.version !== version) {
    cache = { version, entries: new Map() };
    byCounter.set(counter, cache);
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
