import { writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";

import { TEST_PASSWORD } from "@malestokk/db/testing";
import { describe, expect, it } from "vitest";

import { withBootstrap } from "./app";
import { JSON_CSRF, startApp } from "./test-helpers";

describe("web app hosting", () => {
  it("serves index.html for client-side routes with security headers", async () => {
    const { base } = await startApp({ webDist: true });
    const res = await fetch(`${base}/kommune/0301?year=2024`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>Målestokk</title>");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS and upgrade-insecure-requests over HTTPS", async () => {
    const { base } = await startApp({ webDist: true, https: true });
    const res = await fetch(`${base}/`);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("lets browsers keep hashed assets for a year, asks again for other files, and never stores a page or an API answer", async () => {
    const { base } = await startApp({ webDist: true, metrics: true });
    const cacheControl = async (path: string) => (await fetch(`${base}${path}`)).headers.get("cache-control");
    expect(await cacheControl("/assets/index-B5x3qL9a.js")).toBe("public, max-age=31536000, immutable");
    expect(await cacheControl("/favicon.svg")).toBe("no-cache");
    for (const page of ["/", "/kommune/0301", "/index.html"]) expect(await cacheControl(page), page).toBe("no-store");
    for (const api of ["/trpc/municipalities.list", "/auth/oidc/nowhere/start", "/auth/oidc/callback", "/healthz", "/readyz", "/metrics"])
      expect(await cacheControl(api), api).toBe("no-store");
  });

  it("preloads the sign-in form's code for a visitor without a session, and not for one who is signed in", async () => {
    const manifest = {
      "index.html": { file: "assets/index-Aa11.js", isEntry: true, imports: ["_react-Bb22.js"] },
      "_react-Bb22.js": { file: "assets/react-Bb22.js" },
      "_field-Cc33.js": { file: "assets/field-Cc33.js", imports: ["_react-Bb22.js"] },
      "src/features/auth/sign-in-page.tsx": { file: "assets/sign-in-page-Dd44.js", imports: ["_react-Bb22.js", "_field-Cc33.js"] },
    };
    const { base, signIn } = await startApp({ webDist: true, manifest });
    const anonymous = await (await fetch(`${base}/`)).text();
    const preloads = [...anonymous.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    expect(preloads.sort()).toEqual(["/assets/field-Cc33.js", "/assets/sign-in-page-Dd44.js"]);
    const { cookie } = await signIn();
    expect(await (await fetch(`${base}/`, { headers: { cookie } })).text()).not.toContain("modulepreload");
  });

  it("preloads the bokmål texts for every page, signed in or not", async () => {
    const manifest = {
      "index.html": { file: "assets/index-Aa11.js", isEntry: true },
      "src/lib/bokmal.ts": { file: "assets/bokmal-Ee55.js" },
    };
    const { base, signIn } = await startApp({ webDist: true, manifest });
    const { cookie } = await signIn();
    for (const headers of [{}, { cookie }] as Record<string, string>[])
      expect(await (await fetch(`${base}/kommune/5001`, { headers })).text()).toContain(
        '<link rel="modulepreload" crossorigin href="/assets/bokmal-Ee55.js">',
      );
  });

  it("explains how to build when the web app is missing", async () => {
    const { base } = await startApp();
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/pnpm build/);
  });
});

/** A GET whose answer is not decoded: fetch would undo the Content-Encoding under test. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compression (decision 015)", () => {
  it("sends the build's brotli or gzip copy of an asset as the browser accepts it, with the asset's type and cache", async () => {
    const { base, dir } = await startApp({ webDist: true });
    const script = Buffer.from(
      `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, name: `kommune ${i}` })))};`,
    );
    writeFileSync(join(dir, "assets", "chart-Ab12Cd34.js"), script);
    writeFileSync(join(dir, "assets", "chart-Ab12Cd34.js.br"), brotliCompressSync(script));
    writeFileSync(join(dir, "assets", "chart-Ab12Cd34.js.gz"), gzipSync(script));
    const url = `${base}/assets/chart-Ab12Cd34.js`;

    const br = await rawGet(url, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(br.body).equals(script)).toBe(true);

    const gz = await rawGet(url, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.body.length).toBeLessThan(script.length / 3);

    const plain = await rawGet(url, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.body.equals(script)).toBe(true);
  });

  it("compresses pages and API answers over 1 kB on the fly, never an answer that carries a secret, nor a small one", async () => {
    const { base, signIn, dir } = await startApp({ webDist: true });
    writeFileSync(
      join(dir, "index.html"),
      `<!doctype html><html lang="nb"><head><title>Målestokk</title></head><body>${"<p>Målestokk</p>".repeat(200)}</body></html>`,
    );
    const { cookie } = await signIn("admin@demo.example");
    const list = await rawGet(`${base}/trpc/municipalities.list`, { cookie, "accept-encoding": "br" });
    expect(list.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(list.body).toString()) as unknown).toMatchObject({
      result: { data: expect.any(Array) as unknown },
    });
    const page = await rawGet(`${base}/kommune/5001`, { cookie, "accept-encoding": "gzip" });
    expect([page.headers["content-encoding"], page.headers["cache-control"]]).toEqual(["gzip", "no-store"]);

    const secret = await fetch(`${base}/trpc/auth.signIn`, {
      method: "POST",
      headers: { ...JSON_CSRF, "accept-encoding": "gzip, br" },
      body: JSON.stringify({ email: "manager.5001@demo.example", password: TEST_PASSWORD }),
    });
    expect(secret.headers.get("content-encoding")).toBeNull();
    const batch = await rawGet(`${base}/trpc/municipalities.list,auth.me?batch=1&input=${encodeURIComponent("{}")}`, {
      cookie,
      "accept-encoding": "br",
    });
    expect(batch.headers["content-encoding"]).toBeUndefined();
    const health = await rawGet(`${base}/healthz`, { "accept-encoding": "br" });
    expect(health.headers["content-encoding"]).toBeUndefined();
  });
});

describe("compression of whole answers", () => {
  it("compresses a large answer off the main thread and a small one at once, each with its own length", async () => {
    const { base, dir, signIn } = await startApp({ webDist: true });
    const rows = Array.from({ length: 4000 }, (_, i) => `<p>kommune ${i} ${(i * 7919) % 1000}</p>`).join("");
    const html = `<!doctype html><html lang="nb"><head><title>Målestokk</title></head><body>${rows}</body></html>`;
    writeFileSync(join(dir, "index.html"), html);
    const large = await rawGet(`${base}/kommune/5001`, { "accept-encoding": "br" });
    expect(large.headers["content-encoding"]).toBe("br");
    expect(Number(large.headers["content-length"])).toBe(large.body.length);
    expect(brotliDecompressSync(large.body).toString()).toContain("kommune 3999");
    const { cookie } = await signIn("admin@demo.example");
    const list = await rawGet(`${base}/trpc/municipalities.list`, { cookie, "accept-encoding": "gzip" });
    expect(list.headers["content-encoding"]).toBe("gzip");
    expect(Number(list.headers["content-length"])).toBe(list.body.length);
    expect(list.headers.vary).toMatch(/Accept-Encoding/);
  });
});

describe("the web app's page", () => {
  it("marks the root element when the database holds demo data, so the banner is there from the first paint", async () => {
    const { base, connection } = await startApp({ webDist: true });
    expect(await (await fetch(`${base}/kommune/4601`)).text()).toContain('<html data-demo="on" lang="nb">');
    connection.sqlite.prepare("update indicator_values set is_demo = 0").run();
    connection.sqlite.prepare("update app_counters set value = value + 1 where key = 'dataVersion'").run();
    expect(await (await fetch(`${base}/kommune/4601`)).text()).toContain('<html lang="nb">');
  });

  it("carries who is signed in as a JSON block, escaped, and is never cached", async () => {
    const { base, signIn } = await startApp({ webDist: true });
    const bootstrap = (html: string) =>
      JSON.parse(/<script type="application\/json" id="malestokk-bootstrap">(.*?)<\/script>/.exec(html)?.[1] ?? "null") as {
        me: { email: string; grants: { role: string }[] } | null;
      };
    const anonymous = await fetch(`${base}/`);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    expect(bootstrap(await anonymous.text()).me).toBeNull();
    const { cookie } = await signIn("finance.0301@demo.example");
    const page = await (await fetch(`${base}/kommune/0301`, { headers: { cookie } })).text();
    expect(bootstrap(page).me).toMatchObject({ email: "finance.0301@demo.example", grants: [{ role: "finance" }] });
    expect(withBootstrap("<head></head>", { name: "</script><script>alert(1)</script>" })).not.toContain("</script><script>");
  });
});
