import { describe, expect, it } from "vitest";

import { JSON_CSRF, startApp } from "./test-helpers";

const DRAFT_TOTAL = 7_123_456_789;

type Own = { numerator: number; status: string } | null;
interface SeriesBody {
  result: { data: { points: { year: number; own: Own }[] } };
}

// Issue 21, point 7: whole answers of hot reads are kept by the server and sent again without tRPC,
// after the session check and authorization, keyed by whose drafts the reader may see.
describe("the server's cache of whole read answers", () => {
  async function setUp() {
    const started = await startApp();
    const { base } = started;
    const input = { indicatorCode: "K1", municipalityNumber: "0301" };
    const seriesUrl = `${base}/trpc/benchmarks.series?input=${encodeURIComponent(JSON.stringify(input))}`;
    // As the web app's batch link sends a query alone.
    const batchedUrl = `${base}/trpc/benchmarks.series?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`;
    const series = async (cookie: string, headers: Record<string, string> = {}) => fetch(seriesUrl, { headers: { cookie, ...headers } });
    const own2024 = async (cookie: string): Promise<Own> => {
      const [single, batched] = await Promise.all([series(cookie), fetch(batchedUrl, { headers: { cookie } })]);
      expect([single.status, batched.status]).toEqual([200, 200]);
      const own = (JSON.parse(await single.text()) as SeriesBody).result.data.points.find((p) => p.year === 2024)?.own ?? null;
      const [fromBatch] = JSON.parse(await batched.text()) as SeriesBody[];
      expect(fromBatch?.result.data.points.find((p) => p.year === 2024)?.own ?? null).toEqual(own);
      return own;
    };
    /** Oslo's 2024 report returned by its manager and saved again by its finance user as a draft of one line. */
    const saveOsloDraft = async (finance: string, manager: string) => {
      const reportUrl = `${base}/trpc/costs.report?input=${encodeURIComponent(JSON.stringify({ municipalityNumber: "0301", year: 2024 }))}`;
      const report = async () =>
        (
          (await (await fetch(reportUrl, { headers: { cookie: finance } })).json()) as {
            result: { data: { report: { version: number; status: string } } };
          }
        ).result.data.report;
      const post = (path: string, cookie: string, body: object) =>
        fetch(`${base}/trpc/${path}`, { method: "POST", headers: { ...JSON_CSRF, cookie }, body: JSON.stringify(body) });
      const common = { municipalityNumber: "0301", year: 2024 };
      const returned = await post("costs.return", manager, {
        ...common,
        expectedVersion: (await report()).version,
        comment: "Rett tallene",
      });
      expect(returned.status).toBe(200);
      const saved = await post("costs.save", finance, {
        ...common,
        expectedVersion: (await report()).version,
        lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount: DRAFT_TOTAL, comment: null }],
        itUserAccounts: null,
        employeesFte: null,
        populationOverride: null,
        grossOperatingExpenditureOverride: null,
        warningComments: {},
      });
      expect(saved.status).toBe(200);
    };
    return { ...started, series, batchedUrl, own2024, saveOsloDraft };
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
});
