import { describe, expect, it } from "vitest";

import { cliLanguage, EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("has defaults for everything", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toMatch(/data\/malestokk\.db$/);
    expect(env.DEMO).toBe("on");
    expect(env.SESSION_IDLE_MINUTES).toBe(30);
    expect(env.SESSION_ABSOLUTE_HOURS).toBe(12);
  });

  it("reads PORT, DATABASE_PATH, DEMO and DEMO_PASSWORD", () => {
    const env = parseEnv({ PORT: "8080", DATABASE_PATH: "/tmp/x.db", DEMO: "off", DEMO_PASSWORD: "a long demo password" });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_PATH: "/tmp/x.db", DEMO: "off", DEMO_PASSWORD: "a long demo password" });
  });

  it("refuses a short demo password and a malformed public origin", () => {
    expect(() => parseEnv({ DEMO_PASSWORD: "short" })).toThrow(/DEMO_PASSWORD/);
    expect(() => parseEnv({ PUBLIC_ORIGIN: "not a url" })).toThrow(/PUBLIC_ORIGIN/);
  });

  it("reads the public API's rate limit as requests/seconds, 120 a minute by default", () => {
    expect(parseEnv({}).API_RATE_LIMIT).toEqual({ limit: 120, windowSeconds: 60 });
    expect(parseEnv({ API_RATE_LIMIT: "600/3600" }).API_RATE_LIMIT).toEqual({ limit: 600, windowSeconds: 3600 });
    expect(() => parseEnv({ API_RATE_LIMIT: "120 per minute" })).toThrow(/API_RATE_LIMIT/);
    expect(() => parseEnv({ API_RATE_LIMIT: "0/60" })).toThrow(/API_RATE_LIMIT/);
  });

  it("takes PUBLIC_ORIGIN as an origin only (scheme, host, port), without a trailing slash", () => {
    expect(parseEnv({ PUBLIC_ORIGIN: "https://malestokk.kommune.no/" }).PUBLIC_ORIGIN).toBe("https://malestokk.kommune.no");
    expect(parseEnv({ PUBLIC_ORIGIN: "http://127.0.0.1:3000" }).PUBLIC_ORIGIN).toBe("http://127.0.0.1:3000");
    expect(() => parseEnv({ PUBLIC_ORIGIN: "https://malestokk.kommune.no/app" })).toThrow(
      /PUBLIC_ORIGIN="https:\/\/malestokk.kommune.no\/app": must be scheme, host and port only/,
    );
    expect(() => parseEnv({ PUBLIC_ORIGIN: "https://malestokk.kommune.no/?x=1" })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => parseEnv({ PUBLIC_ORIGIN: "ftp://malestokk.kommune.no" })).toThrow(/PUBLIC_ORIGIN/);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT="eighty"/);
    expect(() => parseEnv({ PORT: "70000", LOG_LEVEL: "loud" })).toThrow(/PORT="70000"[\s\S]*LOG_LEVEL="loud"/);
  });

  it("reads OpenID Connect providers from OIDC_PROVIDERS and names a wrong entry without printing its secret", () => {
    const env = parseEnv({
      OIDC_PROVIDERS: JSON.stringify([
        {
          slug: "entra",
          name: "Entra ID",
          issuer: "https://login.microsoftonline.com/t/v2.0",
          clientId: "abc",
          clientSecret: "top secret",
          emailClaim: "preferred_username",
          requireVerifiedEmail: false,
          organisations: ["5001"],
        },
      ]),
    });
    expect(env.OIDC_PROVIDERS).toEqual([
      {
        slug: "entra",
        name: "Entra ID",
        issuer: "https://login.microsoftonline.com/t/v2.0",
        clientId: "abc",
        clientSecret: "top secret",
        emailClaim: "preferred_username",
        requireVerifiedEmail: false,
        organisations: ["5001"],
        // Both off unless said: no national roles, and the local second factor for admins and the board.
        nationalRoles: false,
        vouchesForMfa: false,
        mfaAmrValues: ["mfa", "mca", "otp", "hwk", "swk", "fido"],
        mfaAcrValues: ["https://refeds.org/profile/mfa", "http://schemas.openid.net/pape/policies/2007/06/multi-factor"],
      },
    ]);
    const marked = parseEnv({
      OIDC_PROVIDERS: JSON.stringify([
        {
          slug: "sektor",
          name: "Sektoren",
          issuer: "https://login.example",
          clientId: "a",
          nationalRoles: true,
          vouchesForMfa: true,
          mfaAmrValues: ["mfa"],
          mfaAcrValues: [],
        },
      ]),
    });
    expect(marked.OIDC_PROVIDERS[0]).toMatchObject({ nationalRoles: true, vouchesForMfa: true, mfaAmrValues: ["mfa"], mfaAcrValues: [] });
    expect(() =>
      parseEnv({
        OIDC_PROVIDERS: JSON.stringify([
          {
            slug: "sektor",
            name: "S",
            issuer: "https://login.example",
            clientId: "a",
            vouchesForMfa: true,
            mfaAmrValues: [],
            mfaAcrValues: [],
          },
        ]),
      }),
    ).toThrow(/OIDC_PROVIDERS: entry 0\.mfaAmrValues: name at least one amr or acr value/);
    expect(parseEnv({}).OIDC_PROVIDERS).toEqual([]);
    const wrong = () =>
      parseEnv({
        OIDC_PROVIDERS: JSON.stringify([
          { slug: "entra", name: "Entra", issuer: "http://idp.example", clientId: "a", clientSecret: "top secret" },
        ]),
      });
    expect(wrong).toThrow(/OIDC_PROVIDERS: entry 0\.issuer: must be https/);
    expect(wrong).not.toThrow(/top secret/);
    expect(() => parseEnv({ OIDC_PROVIDERS: "[{" })).toThrow(/OIDC_PROVIDERS: must be a JSON array/);
    const twice = JSON.stringify([1, 2].map(() => ({ slug: "same", name: "x", issuer: "https://x.example", clientId: "a" })));
    expect(() => parseEnv({ OIDC_PROVIDERS: twice })).toThrow(/each provider needs its own slug/);
  });
});

describe("cliLanguage", () => {
  it("speaks English under an English locale, nynorsk under a nynorsk one and bokmål under any other, LC_ALL and LC_MESSAGES first", () => {
    expect(cliLanguage({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(cliLanguage({ LANG: "en" })).toBe("en");
    expect(cliLanguage({ LANG: "nb_NO.UTF-8" })).toBe("nb");
    expect(cliLanguage({ LANG: "nn_NO.UTF-8" })).toBe("nn");
    expect(cliLanguage({ LANG: "nn_NO" })).toBe("nn");
    expect(cliLanguage({ LANG: "nn" })).toBe("nn");
    expect(cliLanguage({ LC_MESSAGES: "nn_NO.UTF-8", LANG: "nb_NO.UTF-8" })).toBe("nn");
    expect(cliLanguage({ LC_ALL: "nb_NO.UTF-8", LANG: "nn_NO.UTF-8" })).toBe("nb");
    expect(cliLanguage({ LANG: "nno" })).toBe("nb");
    expect(cliLanguage({ LANG: "C.UTF-8" })).toBe("nb");
    expect(cliLanguage({ LANG: "eng" })).toBe("nb");
    expect(cliLanguage({})).toBe("nb");
    expect(cliLanguage({ LC_ALL: "nb_NO.UTF-8", LANG: "en_GB.UTF-8" })).toBe("nb");
    expect(cliLanguage({ LC_ALL: "", LC_MESSAGES: "en_GB.UTF-8", LANG: "nb_NO.UTF-8" })).toBe("en");
  });
});
