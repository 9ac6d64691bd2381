import { getMunicipalityByNumber, setPublicationDate } from "@malestokk/db";
import { parseCsv } from "@malestokk/domain";
import JSONstat from "jsonstat-toolkit";
import { describe, expect, it } from "vitest";

import { JSON_CSRF, startApp } from "./test-helpers";

// The public API over HTTP (docs/open-data.md#api): its formats read back by real readers, and its headers.

interface Value {
  indicator: string;
  unit: string;
  year: number;
  value: number | null;
  numerator: number;
  denominator: number;
  status: string;
}

async function published(options: Parameters<typeof startApp>[0] = {}) {
  const app = await startApp(options);
  for (const year of [2023, 2024]) setPublicationDate(app.connection.db, year, "2025-06-01");
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.base}/api/v1/${path}`, { headers });
  const json = async <T>(path: string) => (await (await get(path)).json()) as { data: T; licence: { licence: string }; demo: boolean };
  return { ...app, get, json };
}

describe("open data API over HTTP: formats", () => {
  it("gives the same values in JSON-stat, read by jsonstat-toolkit, as in JSON", async () => {
    const { get, json } = await published();
    const query = "values?indicator=K1,Q1&unit=0301,4601,5001,1103&year=2020-2025";
    const { data } = await json<Value[]>(query);
    expect(data.length).toBeGreaterThan(10);
    const answer = await get(`${query}&format=jsonstat`);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    const cube = JSONstat((await answer.json()) as object);
    expect(cube.class).toBe("dataset");
    expect(cube.id).toEqual(["indicator", "unit", "year"]);
    expect(cube.Dimension("unit").Category("5001")?.label).toBe("Trondheim");
    expect(cube.Dimension("indicator").Category("K1")?.unit).toEqual({ label: "NOK", decimals: 0 });
    for (const v of data) {
      expect(cube.Data({ indicator: v.indicator, unit: v.unit, year: String(v.year) })?.value).toBe(v.value);
    }
    expect(cube.extension).toMatchObject({ licence: { licence: "NLOD-2.0" }, demo: true });
  });

  it("gives the same statistics in JSON-stat as in JSON, hidden ones as null with their status", async () => {
    const { get, json } = await published();
    const query = "statistics?indicator=K1&group=kostra&year=2024";
    const { data } =
      await json<{ group: string; year: number; status: string; n: number; median: number | null; ratioOfSums: number | null }[]>(query);
    const cube = JSONstat((await (await get(`${query}&format=jsonstat`)).json()) as object);
    expect(data.some((s) => s.status === "hidden")).toBe(true);
    for (const s of data) {
      const at = (measure: string) => cube.Data({ indicator: "K1", group: s.group, year: String(s.year), measure });
      expect(at("n")?.value).toBe(s.n);
      expect(at("median")?.value).toBe(s.median);
      expect(at("ratioOfSums")?.value).toBe(s.ratioOfSums);
      expect(at("median")?.status).toBe(s.status === "hidden" ? "hidden" : null);
    }
  });

  it("gives the catalogues as JSON-stat dimensions", async () => {
    const { get } = await published();
    const indicators = JSONstat((await (await get("indicators?format=jsonstat&lang=nn")).json()) as object);
    expect(indicators.class).toBe("dimension");
    expect(indicators.Category("K1")?.label).toBe("IKT-kostnad per innbyggjar");
    const units = JSONstat((await (await get("units?format=jsonstat")).json()) as object);
    expect(units.length).toBe(357);
    const groups = JSONstat((await (await get("groups?format=jsonstat&lang=en")).json()) as object);
    expect(groups.Category("all")?.label).toBe("All municipalities");
  });

  it("writes CSV (comma, decimal point, no BOM) and Norwegian CSV (semicolon, decimal comma, BOM) that read back as the JSON", async () => {
    const { get, json } = await published();
    const query = "values?indicator=K2&unit=0301,4601,5001&year=2023-2024";
    const { data } = await json<Value[]>(query);
    const csv = await get(`${query}&format=csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const csvText = await csv.text();
    expect(csvText.charCodeAt(0)).not.toBe(0xfeff);
    expect(csvText).toContain("\r\n");
    const noBytes = new Uint8Array(await (await get(`${query}&format=csv-no`)).arrayBuffer());
    expect([...noBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const noText = new TextDecoder().decode(noBytes);
    for (const [text, delimiter, toNumber] of [
      [csvText, ",", (s: string) => Number(s)],
      [noText, ";", (s: string) => Number(s.replace(",", "."))],
    ] as const) {
      const parsed = parseCsv(text);
      if (!parsed.ok) throw new Error("unreadable CSV");
      expect(parsed.delimiter).toBe(delimiter);
      const [header, ...rows] = parsed.rows;
      expect(header?.slice(0, 5)).toEqual(["indicator", "unit", "unit_name", "year", "value"]);
      expect(rows).toHaveLength(data.length);
      rows.forEach((row, i) => {
        const v = data[i] as Value;
        expect([row[0], row[1], Number(row[3]), toNumber(row[4] ?? ""), Number(row[5]), row[7]]).toEqual([
          v.indicator,
          v.unit,
          v.year,
          v.value,
          v.numerator,
          v.status,
        ]);
      });
    }
    expect(noText).toMatch(/;\d+,\d+;/);
  });
});

describe("open data API over HTTP: headers", () => {
  it("sends a strong ETag and answers 304 to it, with public caching, open CORS and the licence", async () => {
    const { get } = await published();
    const first = await get("values?indicator=K1&unit=5001");
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("access-control-allow-credentials")).toBeNull();
    expect(first.headers.get("link")).toBe('<https://data.norge.no/nlod/no/2.0>; rel="license"');
    expect(first.headers.get("vary")).toMatch(/Authorization/);
    const again = await get("values?indicator=K1&unit=5001", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    const other = await get("values?indicator=K1&unit=0301", { "if-none-match": etag });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("sends the kept answer's ETag again until a year is published, then the new answer at once (docs/open-data.md#caching)", async () => {
    const { get, connection } = await published();
    const etag = (await get("values?indicator=K1&unit=5001")).headers.get("etag") ?? "";
    expect((await get("values?unit=5001&indicator=K1", { "if-none-match": etag })).status).toBe(304);
    setPublicationDate(connection.db, 2022, "2025-06-01");
    const after = await get("values?indicator=K1&unit=5001", { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(((await after.json()) as { data: Value[] }).data.some((v) => v.year === 2022)).toBe(true);
  });

  it("answers a CORS preflight for GET and refuses writes", async () => {
    const { base } = await published();
    const preflight = await fetch(`${base}/api/v1/values`, {
      method: "OPTIONS",
      headers: { origin: "https://example.org", "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
    const post = await fetch(`${base}/api/v1/values`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("limits each address to its budget with 429 and Retry-After", async () => {
    const { get } = await published({ openData: { rateLimit: { limit: 3, windowSeconds: 60 } } });
    for (let i = 0; i < 3; i++) expect((await get("indicators")).status).toBe(200);
    const refused = await get("indicators");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
  });

  it("keeps a token's answer out of every cache, with its own drafts", async () => {
    let organisationId = 0;
    const app = await published({ openData: { resolveViewer: () => ({ tokenId: 1, organisationId, scope: "read-own" }) } });
    organisationId = getMunicipalityByNumber(app.connection.db, "5001")?.id ?? 0;
    app.connection.sqlite
      .prepare("update indicator_values set status = 'draft' where indicator_code = 'K1' and year = 2025 and organisation_id = ?")
      .run(organisationId);
    const answer = await app.get("values?indicator=K1&unit=5001");
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    const { data } = (await answer.json()) as { data: Value[] };
    expect(data.find((v) => v.year === 2025)?.status).toBe("draft");
  });

  it("reads a municipality's own drafts with its manager's token through the real middleware, and refuses the token once revoked", async () => {
    const app = await published();
    const oslo = getMunicipalityByNumber(app.connection.db, "0301")?.id ?? 0;
    app.connection.sqlite
      .prepare("update indicator_values set status = 'draft' where indicator_code = 'K1' and year = 2025 and organisation_id = ?")
      .run(oslo);
    const { cookie } = await app.signIn("manager.0301@demo.example");
    const trpc = async (path: string, input: unknown) => {
      const res = await fetch(`${app.base}/trpc/${path}`, {
        method: "POST",
        headers: { ...JSON_CSRF, cookie },
        body: JSON.stringify(input),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { result: { data: unknown } }).result.data;
    };
    const { token, item } = (await trpc("apiTokens.create", { municipalityNumber: "0301", name: "Power BI", expiresInDays: 30 })) as {
      token: string;
      item: { id: number };
    };
    const bearer = { authorization: `Bearer ${token}` };

    const anonymous = (await (await app.get("values?indicator=K1&unit=0301")).json()) as { data: Value[] };
    expect(anonymous.data.some((v) => v.year === 2025)).toBe(false);
    const own = await app.get("values?indicator=K1&unit=0301", bearer);
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect(((await own.json()) as { data: Value[] }).data.find((v) => v.year === 2025)?.status).toBe("draft");
    // Another municipality's draft stays its own, token or not.
    const others = (await (await app.get("values?indicator=K1&unit=4601&year=2025", bearer)).json()) as { data: Value[] };
    expect(others.data).toEqual([]);

    await trpc("apiTokens.revoke", { municipalityNumber: "0301", tokenId: item.id });
    const revoked = await app.get("values?indicator=K1&unit=0301", bearer);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
    expect((await app.get("indicators", { authorization: "Bearer mlst_nonsense" })).status).toBe(401);
  });

  it("says 400 with the parameter, and 404 for an unknown endpoint, never cached", async () => {
    const { get } = await published();
    const bad = await get("values?year=twenty");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("cache-control")).toBe("no-store");
    expect(((await bad.json()) as { error: { parameter: string } }).error.parameter).toBe("year");
    const missing = await get("valuez");
    expect(missing.status).toBe(404);
  });
});
