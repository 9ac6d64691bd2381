import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { startApp } from "./test-helpers";

const YEAR_IMMUTABLE = "public, max-age=31536000, immutable";

// Issue 21, point 2: one rule per kind of answer (decision 015).
describe("cache headers per kind of answer", () => {
  it("lets browsers keep hashed scripts, styles and fonts for a year, plain or precompressed", async () => {
    const { base, dir } = await startApp({ webDist: true });
    writeFileSync(join(dir, "assets", "index-Zz98Yy76.css"), "body{margin:0}");
    writeFileSync(join(dir, "assets", "index-Zz98Yy76.css.br"), brotliCompressSync("body{margin:0}"));
    writeFileSync(join(dir, "assets", "inter-latin-400-normal-C38fXH4l.woff2"), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
    for (const [path, encoding] of [
      ["/assets/index-B5x3qL9a.js", "identity"],
      ["/assets/index-Zz98Yy76.css", "br"],
      ["/assets/index-Zz98Yy76.css", "identity"],
      ["/assets/inter-latin-400-normal-C38fXH4l.woff2", "gzip, br"],
    ] as const) {
      const res = await fetch(`${base}${path}`, { headers: { "accept-encoding": encoding } });
      expect([res.status, res.headers.get("cache-control")], `${path} (${encoding})`).toEqual([200, YEAR_IMMUTABLE]);
    }
  });

  it("never stores a page, an API answer or the sign-in round trip, and keeps that rule off the assets", async () => {
    const { base, signIn } = await startApp({ webDist: true, metrics: true });
    const { cookie } = await signIn();
    const cacheControl = async (path: string) => (await fetch(`${base}${path}`, { headers: { cookie } })).headers.get("cache-control");
    // The provider round trip first: its no-store once leaked onto every later path.
    for (const path of ["/auth/oidc/nowhere/start", "/auth/oidc/callback", "/trpc/auth.me", "/healthz", "/metrics", "/", "/kommune/5001"])
      expect(await cacheControl(path), path).toBe("no-store");
    expect(await cacheControl("/assets/index-B5x3qL9a.js")).toBe(YEAR_IMMUTABLE);
    expect(await cacheControl("/favicon.svg")).toBe("no-cache");
    // Paths that only start like the sign-in routes are pages.
    expect(await cacheControl("/authors")).toBe("no-store");
  });

  it("answers a missing hashed asset with 404, not with the page (a page cached as a script breaks the app)", async () => {
    const { base } = await startApp({ webDist: true });
    const res = await fetch(`${base}/assets/index-Gone1234.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type") ?? "").not.toContain("html");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
