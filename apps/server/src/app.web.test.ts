import { writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";

import { removeDemoUsers } from "@malestokk/db";
import { TEST_PASSWORD } from "@malestokk/db/testing";
import { describe, expect, it } from "vitest";

import { withBootstrap } from "./app";
import { JSON_CSRF, startApp } from "./test-helpers";

/** The files a page names for its entry to preload once it has painted (`<meta name="malestokk-preload">`), sorted. */
function namedPreloads(html: string): string[] {
  const content = /<meta name="malestokk-preload" content="([^"]*)">/.exec(html)?.[1] ?? "";
  return content.split(" ").filter(Boolean).sort();
}

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
    expect(namedPreloads(anonymous)).toEqual(["/assets/field-Cc33.js", "/assets/sign-in-page-Dd44.js"]);
    const { cookie } = await signIn();
    expect(await (await fetch(`${base}/`, { headers: { cookie } })).text()).not.toContain("malestokk-preload");
  });

  it("preloads the bokmål texts for every page, signed in or not", async () => {
    const manifest = {
      "index.html": { file: "assets/index-Aa11.js", isEntry: true },
      "src/lib/bokmal.ts": { file: "assets/bokmal-Ee55.js" },
    };
    const { base, signIn } = await startApp({ webDist: true, manifest });
    const { cookie } = await signIn();
    for (const headers of [{}, { cookie }] as Record<string, string>[])
      expect(namedPreloads(await (await fetch(`${base}/kommune/5001`, { headers })).text())).toContain("/assets/bokmal-Ee55.js");
  });

  it("preloads the texts of the language the page will show: the account's municipality's, else the browser's", async () => {
    const manifest = {
      "index.html": { file: "assets/index-Aa11.js", isEntry: true },
      "src/lib/bokmal.ts": { file: "assets/bokmal-Ee55.js" },
      "src/lib/nynorsk.ts": { file: "assets/nynorsk-Ff66.js" },
      "src/lib/english.ts": { file: "assets/english-Gg77.js" },
    };
    const { base, signIn } = await startApp({ webDist: true, manifest });
    const texts = async (headers: Record<string, string>) =>
      namedPreloads(await (await fetch(`${base}/kommune/5001`, { headers })).text()).map((file) => /\/assets\/(\w+)-/.exec(file)?.[1]);
    expect(await texts({})).toEqual(["bokmal"]);
    expect(await texts({ "accept-language": "en-GB,en;q=0.9" })).toEqual(["bokmal", "english"]);
    expect(await texts({ "accept-language": "nn-NO,nb;q=0.8" })).toEqual(["bokmal", "nynorsk"]);
    expect(await texts({ "accept-language": "de-DE,nb;q=0.8,en;q=0.5" })).toEqual(["bokmal"]);
    // Signed in: the municipality's written standard (Oslo's gives bokmål) before the browser's.
    const { cookie } = await signIn();
    expect(await texts({ cookie, "accept-language": "en-GB" })).toEqual(["bokmal"]);
    const board = await signIn("board@demo.example");
    expect(await texts({ cookie: board.cookie, "accept-language": "en-GB" })).toEqual(["bokmal", "english"]);
  });

  it("preloads the chunks of the page's own route, as the web app's router picks it, beside the entry", async () => {
    const manifest = {
      "index.html": { file: "assets/index-Aa11.js", isEntry: true, imports: ["_react-Bb22.js"] },
      "_react-Bb22.js": { file: "assets/react-Bb22.js" },
      "_table-Cc33.js": { file: "assets/table-Cc33.js", imports: ["_react-Bb22.js"] },
      "src/app/routes/home.route.tsx": { file: "assets/home.route-Hh11.js", imports: ["_table-Cc33.js"] },
      "src/app/routes/municipality.route.tsx": { file: "assets/municipality.route-Mm22.js", imports: ["_table-Cc33.js", "_react-Bb22.js"] },
      "src/app/routes/meeting-pack.route.tsx": { file: "assets/meeting-pack.route-Pp33.js" },
      "src/app/routes/ideas.route.tsx": { file: "assets/ideas.route-Ii44.js" },
      "src/app/routes/accessibility.route.tsx": { file: "assets/accessibility.route-Tt55.js" },
      "src/app/routes/not-found.route.tsx": { file: "assets/not-found.route-Nn66.js" },
      "src/features/auth/sign-in-page.tsx": { file: "assets/sign-in-page-Dd44.js" },
    };
    const route = (path: string, module: string, isPublic = false) => ({
      path,
      source: `src/app/routes/${module}.route.tsx`,
      public: isPublic,
    });
    const routes = [
      route("", "home"),
      route("kommune/:number", "municipality"),
      route("ideer/motepakke", "meeting-pack"),
      route("ideer/:id", "ideas"),
      route("tilgjengelighet", "accessibility", true),
      route("*", "not-found"),
    ];
    const { base, signIn } = await startApp({ webDist: true, manifest, routes });
    const { cookie } = await signIn();
    const preloads = async (path: string, headers: Record<string, string> = { cookie }) =>
      namedPreloads(await (await fetch(`${base}${path}`, { headers })).text());
    expect(await preloads("/")).toEqual(["/assets/home.route-Hh11.js", "/assets/table-Cc33.js"]);
    expect(await preloads("/kommune/5001?aar=2024")).toEqual(["/assets/municipality.route-Mm22.js", "/assets/table-Cc33.js"]);
    // A static segment wins over a parameter, as in React Router.
    expect(await preloads("/ideer/motepakke")).toEqual(["/assets/meeting-pack.route-Pp33.js"]);
    expect(await preloads("/ideer/12")).toEqual(["/assets/ideas.route-Ii44.js"]);
    expect(await preloads("/kommune/5001/ukjent")).toEqual(["/assets/not-found.route-Nn66.js"]);
    // Without a session the sign-in form comes first, except on a public page.
    expect(await preloads("/kommune/5001", {})).toEqual([
      "/assets/municipality.route-Mm22.js",
      "/assets/sign-in-page-Dd44.js",
      "/assets/table-Cc33.js",
    ]);
    expect(await preloads("/tilgjengelighet", {})).toEqual(["/assets/accessibility.route-Tt55.js"]);
  });

  it("keeps the sign-in form the build drew into the page for a visitor without a session, and only there", async () => {
    const indexHtml =
      '<!doctype html><html lang="nb"><head><title>Målestokk</title></head><body><div id="root"><main class="app-main">' +
      '<!--sign-in:start--><form class="sign-in__form"><input id="sign-in-email"></form>' +
      '<!--demo-accounts:start--><section class="demo-accounts"><p>Demo</p></section><!--demo-accounts:end--><!--sign-in:end--></main></div></body></html>';
    const routes = [
      { path: "", source: "src/app/routes/home.route.tsx", public: false },
      { path: "tilgjengelighet", source: "src/app/routes/accessibility.route.tsx", public: true },
    ];
    const { base, connection, signIn } = await startApp({ webDist: true, indexHtml, routes });
    const page = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${base}${path}`, { headers })).text();
    const anonymous = await page("/");
    expect(anonymous).toContain('<form class="sign-in__form"><input id="sign-in-email"></form>');
    // The test database has demo accounts: their introduction stays.
    expect(anonymous).toContain('<!--demo-accounts:start--><section class="demo-accounts"><p>Demo</p></section><!--demo-accounts:end-->');
    // What the form asks first comes in the page too.
    expect(anonymous).toMatch(/"signIn":\{"options":\{"localSignIn":true,"providers":\[\]\},"demoAccounts":\[/);
    const { cookie } = await signIn();
    expect(await page("/", { cookie })).not.toContain('"signIn"');
    for (const html of [await page("/", { cookie }), await page("/tilgjengelighet")]) {
      expect(html).not.toContain("sign-in");
      expect(html).toContain('<main class="app-main"></main>');
    }
    // Without demo accounts the form stays, without their introduction.
    removeDemoUsers(connection.db);
    expect(await page("/")).toContain('<form class="sign-in__form"><input id="sign-in-email"></form><!--sign-in:end-->');
  });

  it("lets no inline script run: the page's data is a JSON block, not a script", async () => {
    const { base } = await startApp({ webDist: true });
    const res = await fetch(`${base}/`);
    const scriptSrc = /script-src ([^;]*)/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(scriptSrc).toBe("'self'");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.every((attributes) => /type="application\/json"|src="/.test(attributes))).toBe(true);
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
