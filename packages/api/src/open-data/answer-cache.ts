import { getCounter, listPublicationDates, type DbOrTx } from "@malestokk/db";

import type { OpenDataLicence } from "./licence";

/** A built 200 answer as the HTTP layer sends it: the body once built, and its validator once hashed. */
export interface KeptOpenDataAnswer {
  readonly status: 200;
  readonly contentType: string;
  readonly body: string;
  /** A strong ETag of the body's bytes. */
  readonly etag: string;
}

/**
 * What every public answer is computed from, as one string: the figures everyone sees (`dataVersion`, bumped by
 * every approval, recompute and register change, the way the comparison pages' caches follow it), the publication
 * dates and the day in Norway (a year goes public, and a revision dated ahead counts, on a day, not by a write), the
 * licence, and for a token's own figures that organisation's drafts. docs/open-data.md#caching.
 */
export function openDataVersion(db: DbOrTx, args: { today: string; licence: OpenDataLicence; ownOrganisationId: number | null }): string {
  const publication = listPublicationDates(db)
    .map((d) => `${d.year}=${d.publishedOn ?? ""}`)
    .join(",");
  const drafts = args.ownOrganisationId === null ? "" : `|drafts:${getCounter(db, `draftVersion:${args.ownOrganisationId}`)}`;
  return `${getCounter(db, "dataVersion")}|${args.today}|${publication}|${args.licence.licence}:${args.licence.attribution}${drafts}`;
}

/**
 * The public API's built answers, keyed by the request's normalized parameters and kept while the version of the
 * data they were built from stands; the least recently used go first beyond a count or a size.
 */
export class OpenDataAnswerCache {
  private readonly entries = new Map<string, { version: string; answer: KeptOpenDataAnswer; bytes: number }>();
  private bytes = 0;

  /** The largest answers (every municipality × every year of an indicator) are under a megabyte. */
  constructor(private readonly limits = { entries: 500, bytes: 32 * 1024 * 1024 }) {}

  /** How many answers are kept. */
  get count(): number {
    return this.entries.size;
  }

  /** The kept answer for `key` at `version`, or `build`'s, which is then kept. */
  answer(key: string, version: string, build: () => KeptOpenDataAnswer): KeptOpenDataAnswer {
    const hit = this.entries.get(key);
    if (hit) {
      this.remove(key);
      if (hit.version === version) {
        this.entries.set(key, hit);
        this.bytes += hit.bytes;
        return hit.answer;
      }
    }
    const answer = build();
    const bytes = answer.body.length * 2;
    if (bytes > this.limits.bytes / 8) return answer;
    this.entries.set(key, { version, answer, bytes });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.remove(oldest);
    }
    return answer;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}
