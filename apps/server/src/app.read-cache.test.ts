import pino from "pino";
import { describe, expect, it } from "vitest";

import { JSON_CSRF, saveDraftCostReport, startApp } from "./test-helpers";

const DRAFT_TOTAL = 7_123_456_789;

type Own = { numerator: number; status: string } | null;
interface SeriesBody {
  result: { data: { points: { year: number; own: Own }[] } };
}

// Issue 21, point 7: whole answers of hot reads are kept by the server and sent again without tRPC,
// after the session check and authorization, keyed by whose drafts the reader may see.
describe("the server's cache of whole read answers", () => {
  async function setUp(options: Parameters<typeof startApp>[0] = {}) {
    const started = await startApp(options);
    const { base } = started;
    const input = { indicatorCode: "K1", municipalityNumber: "0301" };
    const seriesUrl = `${base}/trpc/benchmarks.series?input=${encodeURIComponent(JSON.stringify(input))}`;
    // As the web app's batch link sends a query alone.
    const batchedUrl = `${base}/trpc/benchmarks.series?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`;
    // A batch of two calls: the municipality's series against two peer groups.
    const pairUrl = `${base}/trpc/benchmarks.series,benchmarks.series?batch=1&input=${encodeURIComponent(
      JSON.stringify({ 0: input, 1: { ...input, peerGroup: "county" } }),
    )}`;
    const series = async (cookie: string, headers: Record<string, string> = {}) => fetch(seriesUrl, { headers: { cookie, ...headers } });
    const own2024 = async (cookie: string): Promise<Own> => {
      const [single, batched, pair] = await Promise.all([
        series(cookie),
        fetch(batchedUrl, { headers: { cookie } }),
        fetch(pairUrl, { headers: { cookie } }),
      ]);
      expect([single.status, batched.status, pair.status]).toEqual([200, 200, 200]);
      const own = (JSON.parse(await single.text()) as SeriesBody).result.data.points.find((p) => p.year === 2024)?.own ?? null;
      for (const batch of [batched, pair]) {
        for (const fromBatch of JSON.parse(await batch.text()) as SeriesBody[])
          expect(fromBatch.result.data.points.find((p) => p.year === 2024)?.own ?? null).toEqual(own);
      }
      return own;
    };
    const saveOsloDraft = (finance: string, manager: string) => saveDraftCostReport(base, { finance, manager }, DRAFT_TOTAL);
    return { ...started, series, seriesUrl, batchedUrl, pairUrl, own2024, saveOsloDraft };
  }

  it("never gives one organisation's draft to a reader of another, whoever asked first", async () => {
    const { signIn, own2024, saveOsloDraft } = await setUp();
    const oslo = (await signIn("finance.0301@demo.example")).cookie;
    const trondheim = (await signIn("finance.5001@demo.example")).cookie;
    const manager = (await signIn("manager.0301@demo.example")).cookie;
    // Both readers' answers are in the cache before the draft.
    const approved = await own2024(oslo);
    expect(await own2024(trondheim)).toEqual(approved);
    await saveOsloDraft(oslo, manager);

    // Oslo asks first (its answer with the draft is kept), then Trondheim, twice each.
    for (let round = 0; round < 2; round++) {
      expect(await own2024(oslo)).toMatchObject({ numerator: DRAFT_TOTAL, status: "draft" });
      const other = await own2024(trondheim);
      expect(other?.numerator).toBe(approved?.numerator);
      expect(other?.numerator).not.toBe(DRAFT_TOTAL);
    }
  });

  it("answers a batch of two reads per call from the kept answers, the same as the two calls alone", async () => {
    const { base, signIn, seriesUrl, pairUrl } = await setUp();
    const { cookie } = await signIn("finance.0301@demo.example");
    const countyUrl = `${base}/trpc/benchmarks.series?input=${encodeURIComponent(
      JSON.stringify({ indicatorCode: "K1", municipalityNumber: "0301", peerGroup: "county" }),
    )}`;
    const text = async (url: string) => {
      const res = await fetch(url, { headers: { cookie } });
      expect(res.status).toBe(200);
      return res.text();
    };
    // The calls alone first: the batch is then made of their kept answers, without tRPC.
    const alone = [await text(seriesUrl), await text(countyUrl)];
    expect(alone[0]).not.toBe(alone[1]);
    for (let round = 0; round < 2; round++) expect(await text(pairUrl)).toBe(`[${alone.join(",")}]`);
    // A batch asked first keeps each call's answer too, under the key the call alone has.
    const reversed = `${base}/trpc/benchmarks.series,benchmarks.series?batch=1&input=${encodeURIComponent(
      JSON.stringify({
        0: { indicatorCode: "K2", municipalityNumber: "0301", peerGroup: "county" },
        1: { indicatorCode: "K2", municipalityNumber: "0301" },
      }),
    )}`;
    const [k2County, k2] = JSON.parse(await text(reversed)) as unknown[];
    const k2Url = `${base}/trpc/benchmarks.series?input=${encodeURIComponent(JSON.stringify({ indicatorCode: "K2", municipalityNumber: "0301" }))}`;
    expect(JSON.parse(await text(k2Url))).toEqual(k2);
    expect(k2County).not.toEqual(k2);
    // One call in the batch that may not be kept (another procedure) leaves the whole batch to tRPC, which answers it as always.
    const mixed = `${base}/trpc/benchmarks.series,municipalities.list?batch=1&input=${encodeURIComponent(
      JSON.stringify({ 0: { indicatorCode: "K1", municipalityNumber: "0301" }, 1: {} }),
    )}`;
    const [first] = JSON.parse(await text(mixed)) as unknown[];
    expect(first).toEqual(JSON.parse(alone[0] ?? ""));
  });

  it("sends a kept answer with every header the app sets, and refuses a batch of it to a reader without a session", async () => {
    const { signIn, series, pairUrl } = await setUp();
    const { cookie } = await signIn("finance.0301@demo.example");
    await series(cookie);
    const kept = await series(cookie, { "x-request-id": "client-1234-abcd" });
    expect(kept.status).toBe(200);
    expect(kept.headers.get("x-request-id")).toBe("client-1234-abcd");
    expect(kept.headers.get("content-security-policy")).toContain("object-src 'none'");
    expect(kept.headers.get("x-content-type-options")).toBe("nosniff");
    expect(kept.headers.get("referrer-policy")).toBe("no-referrer");
    expect(kept.headers.get("content-type")).toContain("application/json");
    expect(kept.headers.get("vary")).toBe("Cookie, Accept-Encoding");
    await fetch(pairUrl, { headers: { cookie } });
    const anonymous = await fetch(pairUrl);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a kept answer at once when the session ends, the role is removed or the session is deleted by another hand", async () => {
    const { base, signIn, series, connection } = await setUp();
    const post = (path: string, cookie: string, body: object = {}) =>
      fetch(`${base}/trpc/${path}`, { method: "POST", headers: { ...JSON_CSRF, cookie }, body: JSON.stringify(body) });
    const kept = async (cookie: string) => {
      for (let round = 0; round < 2; round++) expect((await series(cookie)).status).toBe(200);
    };
    // Signed out: the session is gone for the next request, not after a while.
    const trondheim = (await signIn("finance.5001@demo.example")).cookie;
    await kept(trondheim);
    expect((await post("auth.signOut", trondheim)).status).toBe(200);
    expect((await series(trondheim)).status).toBe(401);

    // The reader's only role removed by an administrator: refused at the next request.
    const oslo = (await signIn("finance.0301@demo.example")).cookie;
    await kept(oslo);
    const admin = (await signIn("admin@demo.example")).cookie;
    const users = (await (await fetch(`${base}/trpc/admin.users`, { headers: { cookie: admin } })).json()) as {
      result: { data: { email: string; grants: { id: number }[] }[] };
    };
    const grants = users.result.data.find((u) => u.email === "finance.0301@demo.example")?.grants ?? [];
    expect(grants).toHaveLength(1);
    expect((await post("admin.removeRole", admin, { grantId: grants[0]?.id })).status).toBe(200);
    expect((await series(oslo)).status).toBe(403);

    // A session ended outside the app's requests (as the command line would): refused at once too.
    const manager = (await signIn("manager.0301@demo.example")).cookie;
    await kept(manager);
    connection.sqlite
      .prepare("delete from sessions where user_id = (select id from users where email = ?)")
      .run("manager.0301@demo.example");
    expect((await series(manager)).status).toBe(401);
  });

  it("leaves a read of a saved peer set to the procedure, which checks the reader may see the set", async () => {
    const { base, signIn } = await startApp();
    const oslo = (await signIn("finance.0301@demo.example")).cookie;
    const trondheim = (await signIn("finance.5001@demo.example")).cookie;
    const saved = await fetch(`${base}/trpc/peers.saveSet`, {
      method: "POST",
      headers: { ...JSON_CSRF, cookie: oslo },
      body: JSON.stringify({ name: "Storbyene", memberNumbers: ["4601", "5001", "1103"], shareWithMunicipality: null }),
    });
    const { id } = ((await saved.json()) as { result: { data: { id: number } } }).result.data;
    const url = `${base}/trpc/benchmarks.series?input=${encodeURIComponent(JSON.stringify({ indicatorCode: "K1", municipalityNumber: "0301", peerSetId: id }))}`;
    for (let round = 0; round < 2; round++) expect((await fetch(url, { headers: { cookie: oslo } })).status).toBe(200);
    const other = await fetch(url, { headers: { cookie: trondheim } });
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain("Storbyene");
  });

  it("answers 304 to the answer's ETag only after the session check, and a new ETag once the figures change", async () => {
    const { signIn, series, batchedUrl, saveOsloDraft } = await setUp();
    const oslo = (await signIn("finance.0301@demo.example")).cookie;
    await series(oslo);
    const first = await series(oslo);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/".+"$/);
    // Kept by the browser for this reader only, and checked again on every use.
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    // Compressed as every answer over 1 kB is, to the same JSON.
    const compressed = await series(oslo, { "accept-encoding": "br" });
    expect(compressed.headers.get("content-encoding")).toBe("br");
    expect(await compressed.text()).toBe(await (await series(oslo, { "accept-encoding": "identity" })).text());

    const notModified = await series(oslo, { "if-none-match": etag });
    expect(notModified.status).toBe(304);
    // The web app's batch of this one call is kept too, under a tag of its own.
    await fetch(batchedUrl, { headers: { cookie: oslo } });
    const batchTag = (await fetch(batchedUrl, { headers: { cookie: oslo } })).headers.get("etag") ?? "";
    expect(batchTag).toMatch(/^W\/".+"$/);
    expect(batchTag).not.toBe(etag);
    expect((await fetch(batchedUrl, { headers: { cookie: oslo, "if-none-match": batchTag } })).status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("x-request-id")).toBeTruthy();
    // Without a session the tag gets nothing: the session check comes first.
    const anonymous = await series("", { "if-none-match": etag });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    expect(await series("malestokk_session=forged", { "if-none-match": etag }).then((r) => r.status)).toBe(401);

    await saveOsloDraft(oslo, (await signIn("manager.0301@demo.example")).cookie);
    const changed = await series(oslo, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("takes the encoding the client accepts, a q of 0 refusing one, for a kept answer as for one built anew", async () => {
    const { signIn, series } = await setUp();
    const oslo = (await signIn("finance.0301@demo.example")).cookie;
    const encodings = async () => {
      const sent: (string | null)[] = [];
      for (const accept of ["gzip, br", "gzip, br;q=0", "br;q=0, gzip;q=0", "identity", "*"])
        sent.push((await series(oslo, { "accept-encoding": accept })).headers.get("content-encoding"));
      return sent;
    };
    const expected = ["br", "gzip", null, null, "br"];
    // The first read of each is built by the procedure; the next ones are the kept answer.
    expect(await encodings()).toEqual(expected);
    expect(await encodings()).toEqual(expected);
  });

  it("answers through the app when a kept answer cannot be sent, and logs why", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    // The clock fails once when told to: inside the session check of the kept answer's path, before Express.
    let failNext = false;
    const now = () => {
      if (failNext) {
        failNext = false;
        throw new Error("clock failure");
      }
      return new Date();
    };
    const { signIn, series } = await setUp({ logger, now });
    const oslo = (await signIn("finance.0301@demo.example")).cookie;
    const first = await series(oslo);
    const body = await first.text();
    failNext = true;
    const answered = await series(oslo);
    expect(answered.status).toBe(200);
    expect(await answered.text()).toBe(body);
    expect(lines.some((line) => line.includes("a kept answer could not be sent") && line.includes("clock failure"))).toBe(true);
    // Kept and sent again as before.
    expect((await series(oslo)).status).toBe(200);
  });
});
