import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";
import { startTestIdentityProvider, type TestIdentityProvider } from "../support/oidc-provider";
import { authenticatorCode } from "../support/totp";

const browser = useBrowser();
const SLUG = "test-idp";
const PROVIDER_NAME = "Testkommunens innlogging";
let idp: TestIdentityProvider;

/** Calls a tRPC mutation from a signed-in page, as the web app does (same origin, CSRF header). */
async function mutate(page: Page, path: string, input: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ path, input }) => {
      const response = await fetch(`/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-malestokk-csrf": "1" },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    { path, input },
  );
}

/** Reads a tRPC query from a signed-in page. */
async function query<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (path) => {
    const response = await fetch(`/trpc/${path}`);
    return ((await response.json()) as { result: { data: unknown } }).result.data;
  }, path) as Promise<T>;
}

/** The provider's own (development) sign-in form. */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/** Starts at the app's sign-in page and follows the provider's button. */
async function startAtSignInPage(page: Page, path: string): Promise<void> {
  await page.goto(`${browser.baseUrl}${path}`);
  await page.getByRole("link", { name: `Logg inn med ${PROVIDER_NAME}` }).click();
  await page.getByPlaceholder("Enter any login").waitFor();
}

/** The provider's redirects back to the app, as the browser follows them. */
function callbackUrls(page: Page): URL[] {
  const seen: URL[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/auth/oidc/callback") seen.push(url);
  });
  return seen;
}

/** The state each authorization request to the provider carried. */
function authorizationStates(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    const state = url.searchParams.get("state");
    if (url.href.startsWith(idp.issuer) && state) seen.push(state);
  });
  return seen;
}

async function refusal(page: Page): Promise<string> {
  return (await page.getByTestId("provider-refusal").textContent()) ?? "";
}

// Issue 11: OpenID Connect against a real provider (oidc-provider) on loopback.
describe("sign-in through an OpenID Connect provider", () => {
  beforeAll(async () => {
    idp = await startTestIdentityProvider({
      redirectUri: `${browser.baseUrl}/auth/oidc/callback`,
      clientId: "malestokk-e2e",
      clientSecret: "e2e client secret that is long enough",
      accounts: {
        kari: { email: "manager.5001@demo.example", name: "Kari Leder" },
        ukjent: { email: "stranger@kommune.example", name: "Ukjent Person" },
        admin: { email: "admin@demo.example", name: "Administrator" },
        // Not demo users, so the second factor applies to them: one signs in with a password only, one with MFA.
        sjef: { email: "it-sjef@kommune.example", name: "IT-sjef", amr: ["pwd"] },
        styre: { email: "styreleder@kommune.example", name: "Styreleder", amr: ["pwd", "otp"] },
      },
    });
    const admin = await browser.newPage();
    await signIn(admin, browser.baseUrl, "admin@demo.example");
    const saved = await mutate(admin, "admin.saveIdentityProvider", {
      slug: SLUG,
      name: PROVIDER_NAME,
      issuer: idp.issuer,
      clientId: "malestokk-e2e",
      clientSecret: "e2e client secret that is long enough",
    });
    expect(saved.status).toBe(200);
    for (const [email, name, role] of [
      ["it-sjef@kommune.example", "IT-sjef", "admin"],
      ["styreleder@kommune.example", "Styreleder", "board"],
    ]) {
      expect((await mutate(admin, "admin.createUser", { email, name, role })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await idp.close();
  });

  it("goes to the provider and back, and ends signed in as the linked user with their roles, on the page asked for", async () => {
    const page = await browser.newPage();
    await page.goto(`${browser.baseUrl}/kommune/5001`);
    await page.getByRole("link", { name: `Logg inn med ${PROVIDER_NAME}` }).waitFor();
    await expectNoSeriousA11yViolations(page, "sign-in page with a provider");
    await page.getByRole("link", { name: `Logg inn med ${PROVIDER_NAME}` }).click();
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await signInAtProvider(page, "kari");
    await page.getByTestId("signed-in-as").filter({ hasText: "manager.5001@demo.example" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/kommune/5001");
    await page.getByRole("heading", { level: 1, name: "Trondheim" }).waitFor();
  });

  it("refuses a wrong state, a callback replayed in another browser, and a used code inside a fresh sign-in of its own", async () => {
    // A sign-in that succeeds; its callback address (code and state) is kept.
    const first = await browser.newPage();
    const callbacks = callbackUrls(first);
    await startAtSignInPage(first, "/");
    await signInAtProvider(first, "kari");
    await first.getByTestId("signed-in-as").waitFor();
    const used = callbacks[0];
    if (!used) throw new Error("no callback seen");

    // The same callback replayed in another browser: that browser was never given the state.
    const replay = await browser.newPage();
    await replay.goto(used.href);
    expect(await refusal(replay)).toContain("Innloggingen kunne ikke bekreftes");

    // A sign-in under way whose state comes back changed.
    const changed = await browser.newPage();
    const changedState = authorizationStates(changed);
    await startAtSignInPage(changed, "/");
    await changed.goto(`${browser.baseUrl}/auth/oidc/callback?code=x&state=${encodeURIComponent(changedState[0] + "x")}`);
    expect(await refusal(changed)).toContain("Innloggingen kunne ikke bekreftes");

    // The used code pasted into a fresh sign-in of its own: the state matches there, the code is spent.
    const other = await browser.newPage();
    const freshState = authorizationStates(other);
    await startAtSignInPage(other, "/");
    await other.goto(
      `${browser.baseUrl}/auth/oidc/callback?code=${encodeURIComponent(used.searchParams.get("code") ?? "")}&state=${encodeURIComponent(freshState[0] ?? "")}&iss=${encodeURIComponent(idp.issuer)}`,
    );
    expect(await refusal(other)).toContain("Svaret fra innloggingstjenesten kunne ikke godkjennes");
    for (const page of [replay, changed, other]) await expect(page.getByTestId("signed-in-as").count()).resolves.toBe(0);
  });

  it("refuses an ID token signed with a key the provider does not publish, an expired one, and one with another sign-in's nonce", async () => {
    for (const mode of ["foreignSignature", "expired", "wrongNonce"] as const) {
      idp.setTamper(mode);
      try {
        const page = await browser.newPage();
        await startAtSignInPage(page, "/");
        await signInAtProvider(page, "kari");
        expect(await refusal(page), mode).toContain("Svaret fra innloggingstjenesten kunne ikke godkjennes");
        await expect(page.getByTestId("signed-in-as").count()).resolves.toBe(0);
      } finally {
        idp.setTamper("none");
      }
    }
  });

  it("refuses someone the provider knows but Målestokk does not, and tells them to ask for access", async () => {
    const page = await browser.newPage();
    await startAtSignInPage(page, "/");
    await signInAtProvider(page, "ukjent");
    expect(await refusal(page)).toContain("Du har ingen bruker i Målestokk ennå. Be administrator om tilgang.");
    await expectNoSeriousA11yViolations(page, "refused provider sign-in");
    await expect(page.getByTestId("signed-in-as").count()).resolves.toBe(0);
  });

  it("refuses a national role through a provider not marked for national roles, and says why, until an administrator marks it", async () => {
    const page = await browser.newPage();
    await startAtSignInPage(page, "/");
    await signInAtProvider(page, "admin");
    expect(await refusal(page)).toContain("Brukeren din har en nasjonal rolle");
    await expectNoSeriousA11yViolations(page, "national role refused");
    await expect(page.getByTestId("signed-in-as").count()).resolves.toBe(0);

    // An administrator marks the provider on Administrasjon → Innlogging.
    const admin = await browser.newPage();
    await signIn(admin, browser.baseUrl, "admin@demo.example", "/admin/innlogging");
    await admin.getByRole("button", { name: `Endre ${PROVIDER_NAME}` }).click();
    await admin.getByRole("checkbox", { name: "Kan logge inn nasjonale roller" }).check();
    await admin.getByRole("button", { name: "Lagre endringene" }).click();
    await admin.getByTestId(`provider-${SLUG}`).getByText("Nasjonale roller").waitFor();
  });

  it("asks an administrator whose provider sign-in showed no MFA for the local second factor before any session: set up first, a recovery code next time", async () => {
    const page = await browser.newPage();
    await startAtSignInPage(page, "/kommune/5001");
    await signInAtProvider(page, "sjef");
    const enrol = page.getByTestId("enrol-second-factor");
    await enrol.getByText("Innloggingstjenesten viste ikke at du brukte totrinnsinnlogging der").waitFor();
    // No session yet, and the challenge has left the address.
    expect(await (await page.request.get(`${browser.baseUrl}/trpc/auth.me`)).json()).toMatchObject({ result: { data: null } });
    expect(new URL(page.url()).hash).toBe("");
    await expectNoSeriousA11yViolations(page, "second factor set-up after a provider sign-in");
    await enrol.getByRole("button", { name: "Sett opp", exact: true }).click();
    const secret = (await enrol.getByTestId("totp-secret").textContent()) ?? "";
    await enrol.getByLabel("Kode (6 siffer)").fill(authenticatorCode(secret));
    await enrol.getByRole("button", { name: "Bekreft og slå på" }).click();
    await page.getByTestId("recovery-codes").waitFor();
    const codes = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole("button", { name: "Jeg har tatt vare på kodene" }).click();
    await page.getByTestId("signed-in-as").filter({ hasText: "it-sjef@kommune.example" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/kommune/5001");

    const again = await browser.newPage();
    await startAtSignInPage(again, "/");
    await signInAtProvider(again, "sjef");
    const step = again.getByTestId("second-factor-step");
    await step.waitFor();
    await expect(again.getByTestId("signed-in-as").count()).resolves.toBe(0);
    // The code from the set-up is spent for this time step: a recovery code gets in.
    await step.getByRole("button", { name: "Bruk en gjenopprettingskode i stedet" }).click();
    await step.getByLabel("Gjenopprettingskode").fill(codes[0] ?? "");
    await step.getByRole("button", { name: "Bekreft" }).click();
    await again.getByTestId("signed-in-as").filter({ hasText: "it-sjef@kommune.example" }).waitFor();
  });

  it("trusts the ID token's amr only once an administrator marks the provider as vouching for MFA; then a board member is signed in at once", async () => {
    const before = await browser.newPage();
    await startAtSignInPage(before, "/");
    await signInAtProvider(before, "styre");
    await before.getByTestId("enrol-second-factor").waitFor();

    const admin = await browser.newPage();
    await signIn(admin, browser.baseUrl, "admin@demo.example");
    const { providers } = await query<{ providers: { slug: string; id: number; version: number }[] }>(admin, "admin.identityProviders");
    const provider = providers.find((p) => p.slug === SLUG);
    if (!provider) throw new Error("no provider");
    const marked = await mutate(admin, "admin.saveIdentityProvider", {
      id: provider.id,
      version: provider.version,
      slug: SLUG,
      name: PROVIDER_NAME,
      issuer: idp.issuer,
      clientId: "malestokk-e2e",
      nationalRoles: true,
      vouchesForMfa: true,
      mfaAmrValues: ["mfa", "otp"],
    });
    expect(marked.status).toBe(200);

    const after = await browser.newPage();
    await startAtSignInPage(after, "/sektor");
    await signInAtProvider(after, "styre");
    await after.getByTestId("signed-in-as").filter({ hasText: "styreleder@kommune.example" }).waitFor();
    expect(new URL(after.url()).pathname).toBe("/sektor");
  });

  it("lets an administrator who signed in through the provider manage providers and switch password sign-in off and on again", async () => {
    const page = await browser.newPage();
    await startAtSignInPage(page, "/admin/innlogging");
    await signInAtProvider(page, "admin");
    await page.getByRole("heading", { level: 1, name: "Innlogging" }).waitFor();
    await page.getByTestId(`provider-${SLUG}`).waitFor();
    expect(await page.getByTestId("callback-uri").textContent()).toContain(`${browser.baseUrl}/auth/oidc/callback`);
    await expectNoSeriousA11yViolations(page, "sign-in administration");

    // A second provider through the form; its secret is never shown again.
    await page.getByLabel("Navn", { exact: true }).fill("Reserveinnlogging");
    await page.getByLabel("Kortnavn", { exact: true }).fill("reserve");
    await page.getByLabel("Utsteder (issuer)").fill(idp.issuer);
    await page.getByLabel("Klient-ID").fill("malestokk-e2e");
    await page.getByLabel("Klienthemmelighet").fill("a secret typed once");
    await page.getByRole("button", { name: "Legg til tjenesten" }).click();
    await page.getByTestId("provider-reserve").waitFor();
    expect(await page.content()).not.toContain("a secret typed once");

    try {
      await page.getByRole("switch", { name: "Innlogging med passord" }).click();
      await page.getByRole("button", { name: "Slå av innlogging med passord" }).click();
      await page.getByTestId("local-sign-in-message").filter({ hasText: "Innlogging med passord er slått av." }).waitFor();

      const visitor = await browser.newPage();
      await visitor.goto(browser.baseUrl);
      await visitor.getByRole("link", { name: "Logg inn med Reserveinnlogging" }).waitFor();
      expect(await visitor.getByLabel("Passord").count()).toBe(0);
      expect(await visitor.getByTestId("demo-accounts").count()).toBe(0);
    } finally {
      // The specs after this one sign in with passwords.
      expect((await mutate(page, "admin.setLocalSignIn", { enabled: true })).status).toBe(200);
    }

    await page.getByRole("button", { name: "Slett Reserveinnlogging" }).click();
    await page.getByRole("button", { name: "Slett tjenesten" }).click();
    await page.getByTestId("provider-reserve").waitFor({ state: "detached" });
  });
});
