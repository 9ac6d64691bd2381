import { enableSecondFactor, findUserByEmail, listAudit, listUserIdentities, setUserDisabled } from "@malestokk/db";
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from "@malestokk/db/testing";
import { EnvIdentityProviderSchema } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { createSecretBox } from "../../auth/secret-box";
import { createContextInner } from "../../context";
import { hashToken } from "../../auth/tokens";
import { totp } from "../../auth/totp";
import { createUserWithPassword } from "../admin/admin.service";
import { cookieJar, expectAppError, expectTrpcError, FIXED_NOW, setupApi } from "../../test-helpers";
import { resolveProviders, type ResolvedProvider } from "./identity.service";
import { beginOidcSignIn, completeOidcSignIn, finishOidcSignIn, linkAndCheck, OidcSignInError } from "./oidc-sign-in.service";

const ISSUER = "https://login.kommune.example";

const provider = (overrides: Partial<ResolvedProvider> = {}): ResolvedProvider => ({
  source: "settings",
  id: 1,
  version: 1,
  slug: "kommune",
  name: "Kommunens innlogging",
  issuer: ISSUER,
  clientId: "malestokk",
  clientSecret: "secret",
  emailClaim: "email",
  requireVerifiedEmail: true,
  enabled: true,
  organisations: [],
  unknownOrganisations: [],
  vouchesForMfa: false,
  mfaAmrValues: ["mfa", "otp"],
  mfaAcrValues: [],
  nationalRoles: false,
  ...overrides,
});

const claims = (sub: string, email: unknown, extra: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  sub,
  email,
  email_verified: true,
  ...extra,
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(OidcSignInError);
    return (error as OidcSignInError).reason;
  }
  throw new Error("expected a refusal");
}

const input = {
  slug: "kommune",
  name: "Kommunens innlogging",
  issuer: ISSUER,
  clientId: "malestokk",
  clientSecret: "s3cret",
  emailClaim: "email",
  requireVerifiedEmail: true,
  organisations: [] as string[],
  enabled: true,
};

describe("identity providers in settings", () => {
  it("adds, lists without the secret, changes with a version check, keeps the secret when left out, and audits", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const created = await admin.admin.saveIdentityProvider({ ...input, organisations: ["5001"] });
    const listed = await admin.admin.identityProviders();
    expect(listed.callbackUrl).toBeNull();
    expect(listed.providers).toHaveLength(1);
    expect(listed.providers[0]).toMatchObject({
      slug: "kommune",
      hasClientSecret: true,
      source: "settings",
      organisations: [{ number: "5001" }],
    });
    expect(JSON.stringify(listed)).not.toContain("s3cret");

    const changed = await admin.admin.saveIdentityProvider({
      ...input,
      id: created.id,
      version: created.version,
      clientSecret: undefined,
      name: "Trondheim kommune",
    });
    expect(changed.version).toBe(created.version + 1);
    const stale = await expectTrpcError(() =>
      admin.admin.saveIdentityProvider({ ...input, id: created.id, version: created.version, name: "Stale" }),
    );
    expectAppError(stale, "VERSION_CONFLICT");
    const [kept] = resolveProviders(createContextInner({ db: api.db }));
    expect(kept).toMatchObject({ name: "Trondheim kommune", clientSecret: "s3cret" });

    const audit = listAudit(api.db, { action: "admin.identityProviderChanged", limit: 50 });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("s3cret");

    await expectTrpcError(() => admin.admin.deleteIdentityProvider({ id: created.id, version: created.version }));
    await admin.admin.deleteIdentityProvider({ id: created.id, version: changed.version });
    expect((await admin.admin.identityProviders()).providers).toEqual([]);
    expect(listAudit(api.db, { action: "admin.identityProviderRemoved", limit: 50 })).toHaveLength(1);
  });

  it("refuses plain HTTP off this machine, an unknown organisation, a taken slug, and callers who are not admins", async () => {
    const api = setupApi({
      envIdentityProviders: [
        EnvIdentityProviderSchema.parse({
          slug: "entra",
          name: "Entra ID",
          issuer: "https://login.microsoftonline.com/t/v2.0",
          clientId: "x",
        }),
      ],
    });
    const admin = api.as("admin@demo.example");
    expect((await expectTrpcError(() => admin.admin.saveIdentityProvider({ ...input, issuer: "http://idp.example" }))).code).toBe(
      "BAD_REQUEST",
    );
    const unknown = expectAppError(
      await expectTrpcError(() => admin.admin.saveIdentityProvider({ ...input, organisations: ["9999"] })),
      "NOT_FOUND",
    );
    expect(unknown.issues[0]?.path).toEqual(["organisations"]);
    expectAppError(await expectTrpcError(() => admin.admin.saveIdentityProvider({ ...input, slug: "entra" })), "NAME_TAKEN");
    await admin.admin.saveIdentityProvider(input);
    expectAppError(await expectTrpcError(() => admin.admin.saveIdentityProvider({ ...input, name: "Copy" })), "NAME_TAKEN");
    await expectTrpcError(() => api.as("manager.5001@demo.example").admin.saveIdentityProvider({ ...input, slug: "other" }));
    // http://localhost is allowed: a provider on this machine.
    await admin.admin.saveIdentityProvider({ ...input, slug: "local", issuer: "http://127.0.0.1:9999" });
    expect((await admin.admin.identityProviders()).providers.map((p) => [p.slug, p.source])).toEqual([
      ["entra", "environment"],
      ["kommune", "settings"],
      ["local", "settings"],
    ]);
  });

  it("shows enabled providers on the sign-in page; an environment provider bound to an unknown organisation stays off", async () => {
    const api = setupApi({
      envIdentityProviders: [
        EnvIdentityProviderSchema.parse({ slug: "entra", name: "Entra ID", issuer: "https://login.example/v2.0", clientId: "x" }),
        EnvIdentityProviderSchema.parse({
          slug: "broken",
          name: "Broken",
          issuer: "https://login.example/b",
          clientId: "x",
          organisations: ["9999"],
        }),
      ],
    });
    await api.as("admin@demo.example").admin.saveIdentityProvider({ ...input, enabled: false });
    expect(await api.anonymous().auth.signInOptions()).toEqual({ localSignIn: true, providers: [{ slug: "entra", name: "Entra ID" }] });
    const admin = await api.as("admin@demo.example").admin.identityProviders();
    expect(admin.providers.find((p) => p.slug === "broken")).toMatchObject({ enabled: false, unknownOrganisations: ["9999"] });
  });
});

describe("the admin's sign-in page", () => {
  it("says whether stored secrets are sealed (SECRET_KEY), so an unsealed install is visible", async () => {
    expect((await setupApi().as("admin@demo.example").admin.identityProviders()).secretsSealed).toBe(false);
    const sealed = setupApi({ secrets: createSecretBox("a long random server key for the tests 0123456789") });
    expect((await sealed.as("admin@demo.example").admin.identityProviders()).secretsSealed).toBe(true);
  });
});

describe("the provider callback address (PUBLIC_ORIGIN)", () => {
  it("is PUBLIC_ORIGIN + /auth/oidc/callback for the admin; without PUBLIC_ORIGIN a provider sign-in is refused (audited) and password sign-in stays on", async () => {
    const configured = setupApi({ publicOrigin: "https://malestokk.kommune.no" });
    expect((await configured.as("admin@demo.example").admin.identityProviders()).callbackUrl).toBe(
      "https://malestokk.kommune.no/auth/oidc/callback",
    );

    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.admin.saveIdentityProvider({ ...input, nationalRoles: true });
    const ctx = createContextInner({ db: api.db, now: () => FIXED_NOW });
    const refused = await beginOidcSignIn(ctx, { slug: "kommune", returnTo: null }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(OidcSignInError);
    expect((refused as OidcSignInError).reason).toBe("noPublicOrigin");
    expect(listAudit(api.db, { action: "auth.oidcSignInFailed", limit: 5 }).map((a) => JSON.parse(a.details ?? "{}") as unknown)).toEqual([
      { provider: "kommune", reason: "noPublicOrigin", detail: "PUBLIC_ORIGIN is not set" },
    ]);
    linkAndCheck(ctx, provider({ nationalRoles: true }), claims("admin-sub", "admin@demo.example"));
    expect(expectAppError(await expectTrpcError(() => admin.admin.setLocalSignIn({ enabled: false })), "IN_USE").params.reason).toBe(
      "noPublicOrigin",
    );
  });
});

describe("switching password sign-in off", () => {
  it("needs an enabled provider and an admin who has signed in through one; then passwords, reset links and demo accounts stop", async () => {
    const api = setupApi({ publicOrigin: "https://malestokk.kommune.no" });
    const admin = api.as("admin@demo.example");
    expect(expectAppError(await expectTrpcError(() => admin.admin.setLocalSignIn({ enabled: false })), "IN_USE").params.reason).toBe(
      "noProvider",
    );
    const created = await admin.admin.saveIdentityProvider({ ...input, nationalRoles: true });
    expect(expectAppError(await expectTrpcError(() => admin.admin.setLocalSignIn({ enabled: false })), "IN_USE").params.reason).toBe(
      "notLinked",
    );

    const ctx = createContextInner({ db: api.db, now: () => FIXED_NOW });
    linkAndCheck(ctx, provider({ nationalRoles: true }), claims("admin-sub", "admin@demo.example"));
    await admin.admin.setLocalSignIn({ enabled: false });
    expect(await api.anonymous().auth.signInOptions()).toMatchObject({ localSignIn: false });
    expect(await api.anonymous().auth.demoAccounts()).toEqual([]);
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.signIn({ email: "admin@demo.example", password: TEST_PASSWORD })),
      "LOCAL_SIGN_IN_OFF",
    );
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.completeReset({ token: "x".repeat(43), newPassword: "a long new password" })),
      "LOCAL_SIGN_IN_OFF",
    );
    expectAppError(
      await expectTrpcError(() => admin.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a long new password" })),
      "LOCAL_SIGN_IN_OFF",
    );
    // The last provider anyone can use cannot be removed or switched off meanwhile.
    expect(
      expectAppError(
        await expectTrpcError(() => admin.admin.deleteIdentityProvider({ id: created.id, version: created.version })),
        "IN_USE",
      ).params.reason,
    ).toBe("lastProvider");
    expectAppError(
      await expectTrpcError(() =>
        admin.admin.saveIdentityProvider({ ...input, nationalRoles: true, id: created.id, version: created.version, enabled: false }),
      ),
      "IN_USE",
    );
    expect((await admin.admin.identityProviders()).providers).toHaveLength(1);

    await admin.admin.setLocalSignIn({ enabled: true });
    const cookies = cookieJar();
    await api.anonymous({ cookies }).auth.signIn({ email: "manager.5001@demo.example", password: TEST_PASSWORD });
    expect(cookies.token).not.toBeNull();
    expect(listAudit(api.db, { action: "admin.localSignInChanged", limit: 50 })).toHaveLength(2);
  });
});

describe("password sign-in off and the providers that can sign in administrators", () => {
  it("goes off only while an enabled provider may sign in national roles, and then that provider cannot be unmarked", async () => {
    const api = setupApi({ publicOrigin: "https://malestokk.kommune.no" });
    const admin = api.as("admin@demo.example");
    const created = await admin.admin.saveIdentityProvider(input);
    linkAndCheck(
      createContextInner({ db: api.db, now: () => FIXED_NOW }),
      provider({ nationalRoles: true }),
      claims("admin-sub", "admin@demo.example"),
    );
    // No provider could sign the administrators in again.
    expect(expectAppError(await expectTrpcError(() => admin.admin.setLocalSignIn({ enabled: false })), "IN_USE").params.reason).toBe(
      "noNationalProvider",
    );
    const marked = await admin.admin.saveIdentityProvider({ ...input, id: created.id, version: created.version, nationalRoles: true });
    await admin.admin.setLocalSignIn({ enabled: false });
    const unmark = await expectTrpcError(() =>
      admin.admin.saveIdentityProvider({ ...input, id: created.id, version: marked.version, nationalRoles: false }),
    );
    expect(expectAppError(unmark, "IN_USE").params.reason).toBe("lastNationalProvider");
    expect(resolveProviders(createContextInner({ db: api.db }))[0]?.nationalRoles).toBe(true);
  });
});

describe("linking a provider account to a user", () => {
  it("links the first time by verified e-mail, then by issuer and subject even when the e-mail changes", () => {
    const api = setupApi();
    const ctx = createContextInner({ db: api.db, now: () => FIXED_NOW });
    const user = linkAndCheck(ctx, provider(), claims("ola-1", "Manager.5001@demo.example"));
    expect(user.email).toBe("manager.5001@demo.example");
    expect(listUserIdentities(api.db, user.id).map((i) => [i.issuer, i.subject])).toEqual([[ISSUER, "ola-1"]]);
    expect(linkAndCheck(ctx, provider(), claims("ola-1", "ola@new.example")).id).toBe(user.id);
    expect(listAudit(api.db, { action: "auth.identityLinked", limit: 50 })).toHaveLength(1);
  });

  it("refuses an unknown e-mail, an unverified one, a missing claim, a second account for the same person, and a disabled user; refusals link nothing", () => {
    const api = setupApi();
    const ctx = createContextInner({ db: api.db, now: () => FIXED_NOW });
    expect(refusal(() => linkAndCheck(ctx, provider(), claims("x", "stranger@kommune.example")))).toBe("unknownUser");
    expect(refusal(() => linkAndCheck(ctx, provider(), claims("x", "manager.5001@demo.example", { email_verified: false })))).toBe(
      "emailNotVerified",
    );
    expect(refusal(() => linkAndCheck(ctx, provider(), claims("x", undefined)))).toBe("noEmail");
    const manager = findUserByEmail(api.db, "manager.5001@demo.example");
    expect(listUserIdentities(api.db, manager?.id ?? 0)).toEqual([]);

    // A tenant that vouches for its directory (Entra ID's preferred_username) need not say email_verified.
    const entra = provider({ emailClaim: "preferred_username", requireVerifiedEmail: false });
    linkAndCheck(ctx, entra, { iss: ISSUER, sub: "ola-1", preferred_username: "manager.5001@demo.example" });
    expect(refusal(() => linkAndCheck(ctx, provider(), claims("someone-else", "manager.5001@demo.example")))).toBe("alreadyLinked");

    setUserDisabled(api.db, { userId: manager?.id ?? 0, disabled: true, now: FIXED_NOW.toISOString() });
    expect(refusal(() => linkAndCheck(ctx, provider(), claims("ola-1", "manager.5001@demo.example")))).toBe("disabled");
  });

  it("a provider bound to a municipality signs in only that municipality's people: not a national role, not a neighbour", async () => {
    const api = setupApi();
    await api.as("admin@demo.example").admin.saveIdentityProvider({ ...input, organisations: ["5001"] });
    const [bound] = resolveProviders(createContextInner({ db: api.db }));
    if (!bound) throw new Error("no provider");
    const ctx = createContextInner({ db: api.db, now: () => FIXED_NOW });
    expect(linkAndCheck(ctx, bound, claims("a", "finance.5001@demo.example")).email).toBe("finance.5001@demo.example");
    expect(refusal(() => linkAndCheck(ctx, bound, claims("b", "finance.0301@demo.example")))).toBe("notAllowedHere");
    expect(refusal(() => linkAndCheck(ctx, bound, claims("c", "admin@demo.example")))).toBe("nationalRoleNotAllowed");
    expect(listUserIdentities(api.db, findUserByEmail(api.db, "admin@demo.example")?.id ?? 0)).toEqual([]);
  });

  it("signs in a national role only through a provider an administrator has marked for it; a refusal links nothing and is audited", async () => {
    const api = setupApi();
    const ctx = createContextInner({ db: api.db, now: () => FIXED_NOW });
    const emails = ["admin@demo.example", "board@demo.example", "secretariat@demo.example", "council@demo.example"];
    // An unbound provider used to sign these in by e-mail alone.
    for (const [i, email] of emails.entries()) {
      expect(
        refusal(() => linkAndCheck(ctx, provider(), claims(`n${i}`, email))),
        email,
      ).toBe("nationalRoleNotAllowed");
      expect(listUserIdentities(api.db, findUserByEmail(api.db, email)?.id ?? -1), email).toEqual([]);
    }
    expect(linkAndCheck(ctx, provider(), claims("m", "manager.5001@demo.example")).email).toBe("manager.5001@demo.example");

    // Marked by an administrator (saved, versioned, audited), the same provider signs them in.
    const admin = api.as("admin@demo.example");
    const saved = await admin.admin.saveIdentityProvider(input);
    await admin.admin.saveIdentityProvider({ ...input, id: saved.id, version: saved.version, nationalRoles: true });
    const [marked] = resolveProviders(ctx);
    if (!marked) throw new Error("no provider");
    expect(marked.nationalRoles).toBe(true);
    for (const [i, email] of emails.entries()) expect(linkAndCheck(ctx, marked, claims(`n${i}`, email)).email).toBe(email);
    const change = listAudit(api.db, { action: "admin.identityProviderChanged", limit: 5 })[0];
    expect(JSON.parse(change?.details ?? "{}")).toMatchObject({ before: { nationalRoles: false }, after: { nationalRoles: true } });
  });
});

describe("MFA for a provider sign-in", () => {
  /** A clock the test moves: TOTP depends on the time step. */
  function clock(start = "2026-11-28T12:00:05Z") {
    let at = new Date(start);
    return { now: () => at, advance: (seconds: number) => (at = new Date(at.getTime() + seconds * 1000)) };
  }

  function setup() {
    const time = clock();
    const api = setupApi({ now: time.now });
    createUserWithPassword(api.db, {
      email: "it-sjef@kommune.no",
      name: "IT-sjef",
      passwordHash: TEST_PASSWORD_HASH,
      now: time.now(),
      role: "admin",
    });
    createUserWithPassword(api.db, {
      email: "styreleder@kommune.no",
      name: "Styreleder",
      passwordHash: TEST_PASSWORD_HASH,
      now: time.now(),
      role: "board",
    });
    createUserWithPassword(api.db, {
      email: "okonomi@kommune.no",
      name: "Økonomi",
      passwordHash: TEST_PASSWORD_HASH,
      now: time.now(),
      role: "finance",
      municipalityNumber: "5001",
    });
    const signIn = (p: ResolvedProvider, sub: string, email: string, extra: Record<string, unknown> = {}) => {
      const cookies = cookieJar();
      const ctx = createContextInner({ db: api.db, now: time.now, cookies });
      return { result: finishOidcSignIn(ctx, p, claims(sub, email, extra)), cookies };
    };
    const sessionsOf = (email: string) =>
      (
        api.sqlite.prepare("select count(*) as n from sessions where user_id = (select id from users where email = ?)").get(email) as {
          n: number;
        }
      ).n;
    return { api, time, signIn, sessionsOf };
  }

  it("asks an administrator for the local second factor, enrolment first, before any session exists, when the provider does not vouch for MFA", async () => {
    const { api, time, signIn, sessionsOf } = setup();
    const national = provider({ nationalRoles: true });
    const first = signIn(national, "sjef", "it-sjef@kommune.no", { amr: ["pwd", "mfa"] });
    if (!first.result) throw new Error("expected a second step");
    expect(first.result.purpose).toBe("enrol");
    expect(first.cookies.token).toBeNull();
    expect(sessionsOf("it-sjef@kommune.no")).toBe(0);
    expect(JSON.parse(listAudit(api.db, { action: "auth.oidcAccepted", limit: 5 })[0]?.details ?? "{}")).toEqual({
      provider: "kommune",
      next: "enrol",
      mfa: null,
    });

    // The same steps as after a password: enrol with the challenge, and the session comes with it.
    const cookies = cookieJar();
    const { secret } = await api.anonymous().auth.enrolBegin({ challenge: first.result.challenge });
    expect(
      await api.anonymous({ cookies }).auth.enrolConfirm({ challenge: first.result.challenge, code: totp(secret, time.now()) }),
    ).toMatchObject({ signedIn: true });
    expect(cookies.token).not.toBeNull();

    // Next time: a code.
    time.advance(30);
    const again = signIn(national, "sjef", "it-sjef@kommune.no");
    if (!again.result) throw new Error("expected a second step");
    expect(again.result.purpose).toBe("verify");
    expect(again.cookies.token).toBeNull();
    const verified = cookieJar();
    await api.anonymous({ cookies: verified }).auth.secondFactor({ challenge: again.result.challenge, code: totp(secret, time.now()) });
    expect(verified.token).not.toBeNull();
  });

  it("signs in at once when a provider that vouches for MFA says so in amr or acr; otherwise asks for the local code", () => {
    const { api, signIn, sessionsOf } = setup();
    const vouching = provider({
      nationalRoles: true,
      vouchesForMfa: true,
      mfaAmrValues: ["mfa", "otp"],
      mfaAcrValues: ["https://refeds.org/profile/mfa"],
    });
    const shown = signIn(vouching, "styre", "styreleder@kommune.no", { amr: ["pwd", "otp"] });
    expect(shown.result).toBeNull();
    expect(shown.cookies.token).not.toBeNull();
    expect(JSON.parse(listAudit(api.db, { action: "auth.oidcSignIn", limit: 5 })[0]?.details ?? "{}")).toMatchObject({
      provider: "kommune",
      mfa: { claim: "amr", value: "otp" },
    });
    expect(signIn(vouching, "styre", "styreleder@kommune.no", { acr: "https://refeds.org/profile/mfa" }).result).toBeNull();

    // A password alone, or an acr the provider was not trusted for: the local factor.
    expect(signIn(vouching, "styre", "styreleder@kommune.no", { amr: ["pwd"] }).result?.purpose).toBe("enrol");
    expect(signIn(vouching, "styre", "styreleder@kommune.no", { acr: "1" }).result?.purpose).toBe("enrol");
    expect(sessionsOf("styreleder@kommune.no")).toBe(2);
  });

  it("leaves users without a role that needs MFA alone (unless the policy requires it of everyone), and exempts demo users", async () => {
    const { api, signIn } = setup();
    const plain = signIn(provider(), "ok", "okonomi@kommune.no");
    expect(plain.result).toBeNull();
    expect(plain.cookies.token).not.toBeNull();
    expect(signIn(provider({ nationalRoles: true }), "demo-admin", "admin@demo.example").result).toBeNull();
    await api.as("admin@demo.example").admin.setSecondFactorPolicy({ required: true });
    expect(signIn(provider(), "ok", "okonomi@kommune.no").result?.purpose).toBe("enrol");
  });
});

describe("the admin's user list", () => {
  it("shows whether a second factor is set and how many provider accounts are linked, never the secrets; an admin can unlink", async () => {
    const api = setupApi();
    const manager = findUserByEmail(api.db, "manager.5001@demo.example");
    if (!manager) throw new Error("no manager");
    enableSecondFactor(api.db, {
      userId: manager.id,
      secret: "JBSWY3DPEHPK3PXPSECRETKEY",
      counter: 1,
      recoveryHashes: ["h"],
      now: FIXED_NOW.toISOString(),
    });
    linkAndCheck(createContextInner({ db: api.db, now: () => FIXED_NOW }), provider(), claims("ola-1", "manager.5001@demo.example"));
    const admin = api.as("admin@demo.example");
    const users = await admin.admin.users();
    expect(users.find((u) => u.id === manager.id)).toMatchObject({ secondFactorEnabled: true, linkedIdentities: 1 });
    expect(JSON.stringify(users)).not.toMatch(/JBSWY3DP|totpSecret|passwordHash|argon2/);

    expect(await admin.admin.unlinkIdentities({ userId: manager.id })).toEqual({ unlinked: 1 });
    expect((await admin.admin.users()).find((u) => u.id === manager.id)?.linkedIdentities).toBe(0);
    expect(listAudit(api.db, { action: "admin.identitiesUnlinked", limit: 5 })).toHaveLength(1);
  });
});

describe("the provider's redirect back", () => {
  it("refuses a state this browser was not given, a used one and an expired one, before any token exchange, and audits each", async () => {
    const api = setupApi();
    const ctx = createContextInner({ db: api.db, now: () => FIXED_NOW, publicOrigin: "http://127.0.0.1:3000" });
    const { insertOidcSignIn } = await import("@malestokk/db");
    const pending = (state: string, minutes: number) =>
      insertOidcSignIn(api.db, {
        stateHash: hashToken(state),
        providerSlug: "kommune",
        nonce: "n",
        codeVerifier: "v",
        returnTo: "/",
        clientIp: null,
        expiresAt: new Date(FIXED_NOW.getTime() + minutes * 60_000).toISOString(),
      });
    const attempt = async (query: string, stateCookie: string | null) => {
      try {
        await completeOidcSignIn(ctx, { query: new URLSearchParams(query), stateCookie });
      } catch (error) {
        if (error instanceof OidcSignInError) return error.reason;
        throw error;
      }
      throw new Error("expected a refusal");
    };
    pending("state-a", 10);
    expect(await attempt("code=c&state=state-a", null)).toBe("wrongState");
    // The state was spent by that try: the right cookie afterwards does not revive it.
    expect(await attempt("code=c&state=state-a", "state-a")).toBe("wrongState");
    pending("state-b", 10);
    expect(await attempt("code=c&state=state-b", "state-other")).toBe("wrongState");
    pending("state-c", -1);
    expect(await attempt("code=c&state=state-c", "state-c")).toBe("expired");
    pending("state-d", 10);
    expect(await attempt("code=c&state=state-d", "state-d")).toBe("unknownProvider");
    expect(
      listAudit(api.db, { action: "auth.oidcSignInFailed", limit: 50 }).map(
        (a) => (JSON.parse(a.details ?? "{}") as { reason: string }).reason,
      ),
    ).toEqual(["unknownProvider", "expired", "wrongState", "wrongState", "wrongState"]);
  });
});
