import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

import { EnvIdentityProviderSchema } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { cleanups, startApp } from "./test-helpers";

describe("OpenID Connect routes", () => {
  /** Just enough of a provider for the first leg: its discovery document. */
  async function discoveryOnly() {
    let issuer = "";
    const server = createServer((req, res) => {
      if (req.url !== "/.well-known/openid-configuration") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ["code"],
          subject_types_supported: ["public"],
          id_token_signing_alg_values_supported: ["RS256"],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cleanups.push(() => server.close());
    return issuer;
  }

  it("sends the browser to the provider with PKCE (S256), state and nonce, and binds the state to this browser in an HttpOnly cookie", async () => {
    const issuer = await discoveryOnly();
    const { base, connection } = await startApp({
      publicOrigin: "self",
      identityProviders: [
        EnvIdentityProviderSchema.parse({ slug: "kommune", name: "Kommunen", issuer, clientId: "malestokk", clientSecret: "secret" }),
      ],
    });
    const res = await fetch(`${base}/auth/oidc/kommune/start?returnTo=%2Fkommune%2F5001`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(`${issuer}/authorize`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: "malestokk",
      response_type: "code",
      redirect_uri: `${base}/auth/oidc/callback`,
      code_challenge_method: "S256",
      scope: "openid email profile",
    });
    for (const name of ["state", "nonce", "code_challenge"]) expect(location.searchParams.get(name)?.length).toBeGreaterThanOrEqual(43);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^malestokk_oidc_state=${location.searchParams.get("state")};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // Only a hash of the state is kept; the verifier never leaves the server.
    const row = connection.sqlite.prepare("select * from oidc_sign_ins").get() as {
      state_hash: string;
      return_to: string;
      code_verifier: string;
    };
    expect(row.state_hash).not.toBe(location.searchParams.get("state"));
    expect(row.return_to).toBe("/kommune/5001");
    expect(location.href).not.toContain(row.code_verifier);
  });

  it("builds the redirect URI from PUBLIC_ORIGIN only: a forged Host header cannot change it", async () => {
    const issuer = await discoveryOnly();
    const { base } = await startApp({
      publicOrigin: "https://malestokk.example",
      identityProviders: [EnvIdentityProviderSchema.parse({ slug: "kommune", name: "Kommunen", issuer, clientId: "malestokk" })],
    });
    const { port } = new URL(base);
    const location = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path: "/auth/oidc/kommune/start",
          headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" },
        },
        (res) => {
          res.resume();
          resolve(res.headers.location ?? "");
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(new URL(location).searchParams.get("redirect_uri")).toBe("https://malestokk.example/auth/oidc/callback");
  });

  it("refuses provider sign-in while PUBLIC_ORIGIN is unset, rather than trusting the Host header, and says why", async () => {
    const issuer = await discoveryOnly();
    const { base, connection } = await startApp({
      identityProviders: [EnvIdentityProviderSchema.parse({ slug: "kommune", name: "Kommunen", issuer, clientId: "malestokk" })],
    });
    const start = await fetch(`${base}/auth/oidc/kommune/start`, { redirect: "manual" });
    expect([start.status, start.headers.get("location")]).toEqual([303, "/?innlogging=noPublicOrigin"]);
    expect(connection.sqlite.prepare("select count(*) as n from oidc_sign_ins").get()).toEqual({ n: 0 });
    const callback = await fetch(`${base}/auth/oidc/callback?code=abc&state=${"s".repeat(43)}`, {
      redirect: "manual",
      headers: { cookie: `malestokk_oidc_state=${"s".repeat(43)}` },
    });
    expect(callback.headers.get("location")).toBe("/?innlogging=noPublicOrigin");
  });

  it("caps the unfinished sign-ins one address may start, so a flood cannot fill the database", async () => {
    const issuer = await discoveryOnly();
    const { base, connection } = await startApp({
      publicOrigin: "self",
      identityProviders: [EnvIdentityProviderSchema.parse({ slug: "kommune", name: "Kommunen", issuer, clientId: "malestokk" })],
    });
    const start = () => fetch(`${base}/auth/oidc/kommune/start`, { redirect: "manual" }).then((r) => r.headers.get("location") ?? "");
    for (let i = 0; i < 20; i++) expect(await start()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/authorize\?/);
    expect(await start()).toBe("/?innlogging=busy");
    expect(connection.sqlite.prepare("select count(*) as n from oidc_sign_ins").get()).toEqual({ n: 20 });
  });

  it("sends a refusal back to the sign-in page with the reason: unknown provider, provider down, a callback without this browser's state", async () => {
    const { base } = await startApp({
      publicOrigin: "self",
      identityProviders: [EnvIdentityProviderSchema.parse({ slug: "nede", name: "Nede", issuer: "http://127.0.0.1:9", clientId: "m" })],
    });
    const unknown = await fetch(`${base}/auth/oidc/ukjent/start`, { redirect: "manual" });
    expect([unknown.status, unknown.headers.get("location")]).toEqual([303, "/?innlogging=unknownProvider"]);
    const down = await fetch(`${base}/auth/oidc/nede/start`, { redirect: "manual" });
    expect(down.headers.get("location")).toBe("/?innlogging=providerUnavailable");
    const planted = await fetch(`${base}/auth/oidc/callback?code=abc&state=${"s".repeat(43)}`, { redirect: "manual" });
    expect(planted.headers.get("location")).toBe("/?innlogging=wrongState");
    expect(planted.headers.get("set-cookie")).toMatch(/^malestokk_oidc_state=;/);
  });
});
