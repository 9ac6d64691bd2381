import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { AnswerCache } from "./answer-cache";

describe("AnswerCache", () => {
  it("gives an answer back only at the version it was kept at", () => {
    const cache = new AnswerCache();
    const etag = cache.set({ key: "a", version: "1:1" }, Buffer.from('{"x":1}'));
    expect(cache.get({ key: "a", version: "1:1" })?.etag).toBe(etag);
    expect(cache.get({ key: "a", version: "2:1" })).toBeUndefined();
    // A stale answer is given up, not kept beside the new one.
    expect(cache.get({ key: "a", version: "1:1" })).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it("stays within its count and size, giving up the least recently used first", () => {
    const cache = new AnswerCache(2, 80);
    cache.set({ key: "a", version: "1" }, Buffer.alloc(10));
    cache.set({ key: "b", version: "1" }, Buffer.alloc(10));
    cache.get({ key: "a", version: "1" });
    cache.set({ key: "c", version: "1" }, Buffer.alloc(10));
    expect(cache.get({ key: "b", version: "1" })).toBeUndefined();
    expect(cache.get({ key: "a", version: "1" })).toBeDefined();
    // Larger than an eighth of the whole: sent with its tag, never kept.
    expect(cache.set({ key: "d", version: "1" }, Buffer.alloc(11))).toMatch(/^W\/"/);
    expect(cache.get({ key: "d", version: "1" })).toBeUndefined();
    cache.set({ key: "e", version: "1" }, Buffer.alloc(10));
    expect(cache.size.entries).toBeLessThanOrEqual(2);
    expect(cache.size.bytes).toBeLessThanOrEqual(80);
  });

  it("compresses a kept answer once per encoding and counts the copies in its size", () => {
    const cache = new AnswerCache();
    const body = Buffer.from(JSON.stringify({ points: Array.from({ length: 200 }, (_, year) => ({ year, value: 1 })) }));
    cache.set({ key: "a", version: "1" }, body);
    const kept = cache.get({ key: "a", version: "1" });
    if (!kept) throw new Error("not kept");
    const br = cache.encoded(kept, "br");
    expect(brotliDecompressSync(br).equals(body)).toBe(true);
    expect(cache.encoded(kept, "br")).toBe(br);
    expect(gunzipSync(cache.encoded(kept, "gzip")).equals(body)).toBe(true);
    expect(cache.size.bytes).toBe(body.length + br.length + (kept.encoded.gzip?.length ?? Number.NaN));
  });

  it("makes a batch's answer of its calls' kept answers at their version, and keeps it for its own ETag", () => {
    const cache = new AnswerCache();
    cache.set({ key: "a", version: "1" }, Buffer.from('{"result":{"data":1}}'));
    const batch = { key: "batch|a,b", version: "1", calls: ["a", "b"] };
    expect(cache.getBatch(batch)).toBeUndefined();
    cache.set({ key: "b", version: "1" }, Buffer.from('{"result":{"data":2}}'));
    expect(cache.getBatch({ ...batch, version: "2" })).toBeUndefined();
    cache.set({ key: "a", version: "2" }, Buffer.from('{"result":{"data":3}}'));
    expect(cache.getBatch({ ...batch, version: "2" })).toBeUndefined();
    cache.set({ key: "b", version: "2" }, Buffer.from('{"result":{"data":4}}'));
    const kept = cache.getBatch({ ...batch, version: "2" });
    expect(kept?.body.toString()).toBe('[{"result":{"data":3}},{"result":{"data":4}}]');
    expect(cache.get({ key: "batch|a,b", version: "2" })?.etag).toBe(kept?.etag);
  });
});
