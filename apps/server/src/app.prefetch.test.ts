import { describe, expect, it } from "vitest";

import { routeParams } from "./prefetch";
import { saveDraftCostReport, startApp } from "./test-helpers";

const DRAFT_TOTAL = 7_123_456_789;

/** The web app's routes for the pages whose first queries the server runs (apps/web/src/app/route-table.ts). */
const ROUTES = [
  { path: "", source: "src/app/routes/home.route.tsx", public: false },
  { path: "kommune/:number", source: "src/app/routes/municipality.route.tsx", public: false },
  { path: "kommune/:number/profil", source: "src/app/routes/profile.route.tsx", public: false },
  { path: "kommune/:number/indikator/:code", source: "src/app/routes/indicator.route.tsx", public: false },
  { path: "sektor", source: "src/app/routes/sector.route.tsx", public: false },
  { path: "tilgjengelighet", source: "src/app/routes/accessibility.route.tsx", public: true },
];

interface Query {
  path: string;
  input?: unknown;
  data: unknown;
}

/** The queries in the page's JSON block, read as the web app reads them (JSON.parse of the element's text). */
function queriesOf(html: string): Query[] {
  const block = /<script type="application\/json" id="malestokk-bootstrap">(.*?)<\/script>/.exec(html)?.[1];
  expect(block).toBeDefined();
  return (JSON.parse(block ?? "{}") as { queries?: Query[] }).queries ?? [];
}

// ADR 034: a signed-in user's page carries its first queries' answers, run with the same checks as /trpc.
describe("the first screen's queries in the page", () => {
  async function setUp() {
    const started = await startApp({ webDist: true, routes: ROUTES });
    const page = async (path: string, cookie = "") => {
      const res = await fetch(`${started.base}${path}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return queriesOf(await res.text());
    };
    /** The same query through /trpc, as the page would ask for it. */
    const asked = async (query: Query, cookie: string) => {
      const input = query.input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(query.input))}`;
      const res = await fetch(`${started.base}/trpc/${query.path}${input}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { result: { data: unknown } }).result.data;
    };
    return { ...started, page, asked };
  }

  it("sends each main page's first answers, the same as the user's own requests would get", async () => {
    const { page, asked, signIn } = await setUp();
    const { cookie } = await signIn("board@demo.example");
    const paths = async (path: string) => (await page(path, cookie)).map((q) => q.path);
    expect(await paths("/kommune/5001")).toEqual(["municipalities.get"]);
    expect(await paths("/kommune/5001/profil")).toEqual(["municipalities.get", "years.list"]);
    expect(await paths("/kommune/5001/indikator/K1")).toEqual(["municipalities.get", "years.list"]);
    expect(await paths("/sektor")).toEqual(["sector.dashboard"]);
    // The list's rows are not what its largest text needs: the page asks for them.
    expect(await paths("/")).toEqual([]);
    const sector = await page("/sektor?year=2023", cookie);
    expect(sector[0]?.input).toEqual({ year: 2023 });
    for (const query of [...(await page("/kommune/5001/profil", cookie)), ...sector])
      expect(query.data).toEqual(await asked(query, cookie));
  });

  it("sends nothing a user may not read: not to a visitor without a session, not another organisation's draft", async () => {
    const { page, asked, signIn, base } = await setUp();
    expect(await page("/kommune/0301/profil")).toEqual([]);
    expect(await page("/tilgjengelighet", (await signIn("board@demo.example")).cookie)).toEqual([]);
    const oslo = (await signIn("finance.0301@demo.example")).cookie;
    const trondheim = (await signIn("finance.5001@demo.example")).cookie;
    // A finance user may not read the sector dashboard: the page leaves it to the request, which is refused.
    expect(await page("/sektor", trondheim)).toEqual([]);
    // A malformed number asks nothing; an unknown one is left to the page, which says it is not found.
    expect(await page("/kommune/abcd/profil", trondheim)).toEqual([]);
    expect(await page("/kommune/9999/profil", trondheim)).toEqual([]);
    await saveDraftCostReport(base, { finance: oslo, manager: (await signIn("manager.0301@demo.example")).cookie }, DRAFT_TOTAL);
    // Each reader gets what their own request gets, and no report's draft of Oslo's reaches Trondheim's reader.
    for (const cookie of [oslo, trondheim]) {
      for (const query of await page("/kommune/0301/indikator/K1?year=2024", cookie))
        expect(query.data).toEqual(await asked(query, cookie));
    }
    const other = JSON.stringify(await page("/kommune/0301/indikator/K1?year=2024", trondheim));
    expect(other).toContain("municipalities.get");
    expect(other).not.toContain(String(DRAFT_TOTAL));
    expect(other).not.toContain('"status":"draft"');
  });

  it("escapes what the data holds, so no text in it can close the JSON block or start a script", async () => {
    const { base, page, signIn, connection } = await setUp();
    const name = "Trondheim</script><script>alert(1)</script><!--\u2028";
    connection.sqlite.prepare("update organisations set name = ? where number = '5001'").run(name);
    connection.sqlite.prepare("update app_counters set value = value + 1 where key = 'dataVersion'").run();
    const { cookie } = await signIn("board@demo.example");
    const html = await (await fetch(`${base}/kommune/5001`, { headers: { cookie } })).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<!--\u2028");
    expect((await page("/kommune/5001", cookie))[0]?.data).toMatchObject({ number: "5001", name });
  });

  it("reads a route's parameters as the web app's router does", () => {
    expect(routeParams({ path: "kommune/:number/indikator/:code", source: "", public: false }, "/kommune/5001/indikator/K1")).toEqual({
      number: "5001",
      code: "K1",
    });
  });
});
