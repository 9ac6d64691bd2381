import { randomBytes, createHash } from "node:crypto";

import { totp } from "@malestokk/api";
import { enableSecondFactor, findUserByEmail, insertChallenge, insertIdentityProvider, setSetting } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { OIDC_FAILURES } from "@malestokk/domain";

import en from "../../locales/en.json";
import nb from "../../locales/nb.json";
import { renderApp, TEST_PASSWORD } from "../../test/render";

describe("sign-in gate", () => {
  it("shows an anonymous visitor the sign-in page and nothing else, with the demo users", async () => {
    renderApp("/kommune/0301");
    expect(await screen.findByRole("heading", { level: 1, name: "Logg inn" })).toBeTruthy();
    expect(screen.queryByText("Oslo")).toBeNull();
    expect(await screen.findByTestId("demo-accounts")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Bruk admin@demo.example" })).toBeTruthy();
  });

  it("signs in and opens the page that was asked for", async () => {
    renderApp("/kommune/0301");
    fireEvent.click(await screen.findByRole("button", { name: "Bruk finance.0301@demo.example" }));
    expect(screen.getByLabelText<HTMLInputElement>("E-post").value).toBe("finance.0301@demo.example");
    fireEvent.change(screen.getByLabelText("Passord"), { target: { value: TEST_PASSWORD } });
    fireEvent.click(screen.getByRole("button", { name: "Logg inn" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Oslo" })).toBeTruthy();
    expect(screen.getByTestId("signed-in-as").textContent).toContain("finance.0301@demo.example");
  });

  it("says so, in the user's language, when the password is wrong", async () => {
    renderApp("/", { language: "en" });
    fireEvent.change(await screen.findByLabelText("E-mail"), { target: { value: "board@demo.example" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "not the password" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByTestId("sign-in-error")).textContent).toBe("Wrong e-mail or password.");
  });

  it("signs out and shows the sign-in page again", async () => {
    renderApp("/", { as: "board@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Logg ut" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Logg inn" })).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId("signed-in-as")).toBeNull());
  });

  it("changes the own password on the account page", async () => {
    renderApp("/konto", { as: "manager.0301@demo.example" });
    fireEvent.change(await screen.findByLabelText("Nåværende passord"), { target: { value: "wrong" } });
    fireEvent.change(screen.getByLabelText("Nytt passord"), { target: { value: "a long new passphrase" } });
    fireEvent.click(screen.getByRole("button", { name: "Bytt passord" }));
    expect(await screen.findByText("Passordet stemmer ikke.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Nåværende passord"), { target: { value: TEST_PASSWORD } });
    fireEvent.click(screen.getByRole("button", { name: "Bytt passord" }));
    expect(await screen.findByText("Passordet er byttet. Andre økter er logget ut.")).toBeTruthy();
  });
});

describe("sign-in through an identity provider", () => {
  afterEach(() => window.history.replaceState(null, "", "/"));
  const provider = {
    slug: "trondheim",
    name: "Trondheim kommune",
    issuer: "https://login.trondheim.example",
    clientId: "m",
    clientSecret: "s",
    emailClaim: "email",
    requireVerifiedEmail: true,
    enabled: true,
    vouchesForMfa: false,
    mfaAmrValues: [],
    mfaAcrValues: [],
    nationalRoles: false,
    organisationIds: [],
  };

  it("offers each enabled provider by name, as a link that starts the sign-in and comes back to this page", async () => {
    const { db } = renderApp("/kommune/5001");
    insertIdentityProvider(db, provider, "2026-11-29T00:00:00Z");
    insertIdentityProvider(db, { ...provider, slug: "off", name: "Slått av", enabled: false }, "2026-11-29T00:00:00Z");
    const list = await screen.findByRole("navigation", { name: "Innloggingstjenester" });
    const link = within(list).getByRole("link", { name: "Logg inn med Trondheim kommune" });
    expect(link.getAttribute("href")).toMatch(/^\/auth\/oidc\/trondheim\/start\?returnTo=%2F/);
    expect(within(list).queryByText(/Slått av/)).toBeNull();
    // Password sign-in is still there.
    expect(screen.getByLabelText("Passord")).toBeTruthy();
  });

  it("leaves out the password form when password sign-in is switched off", async () => {
    const { db } = renderApp("/");
    insertIdentityProvider(db, provider, "2026-11-29T00:00:00Z");
    setSetting(db, "localSignIn", false, "2026-11-29T00:00:00Z");
    await screen.findByRole("link", { name: "Logg inn med Trondheim kommune" });
    expect(screen.queryByLabelText("Passord")).toBeNull();
    expect(screen.queryByTestId("demo-accounts")).toBeNull();
    expect(screen.getByText(/Logg inn med virksomhetens innloggingstjeneste/)).toBeTruthy();
  });

  /** What a provider sign-in that needs the local second factor leaves: the step in the address, and its challenge for the user. */
  function providerStep(kind: "secondFactor" | "enrolSecondFactor", path: string) {
    const challenge = randomBytes(32).toString("base64url");
    window.history.replaceState(null, "", `${path}#${new URLSearchParams({ [kind]: challenge }).toString()}`);
    return (db: Parameters<typeof insertChallenge>[0], email: string) => {
      const user = findUserByEmail(db, email);
      if (!user) throw new Error(`no user ${email}`);
      const purpose = kind === "secondFactor" ? "verify" : "enrol";
      insertChallenge(db, {
        tokenHash: createHash("sha256").update(challenge).digest("hex"),
        userId: user.id,
        purpose,
        expiresAt: new Date(Date.now() + 300_000).toISOString(),
        attempts: 0,
      });
      return user.id;
    };
  }

  it("asks for the local code when the provider sign-in needs it, takes it from the address once, and signs in on the page asked for", async () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const store = providerStep("secondFactor", "/kommune/5001");
    const { db } = renderApp("/kommune/5001");
    const userId = store(db, "board@demo.example");
    enableSecondFactor(db, { userId, secret, counter: 0, recoveryHashes: [], now: new Date().toISOString() });
    const step = await screen.findByTestId("second-factor-step");
    expect(step.textContent).toContain("Innloggingstjenesten viste ikke at du brukte totrinnsinnlogging der");
    // The challenge is dropped from the address (and so from the history) at once.
    await waitFor(() => expect(window.location.hash).toBe(""));
    expect(screen.queryByRole("navigation", { name: "Innloggingstjenester" })).toBeNull();
    fireEvent.change(within(step).getByLabelText("Kode (6 siffer)"), { target: { value: totp(secret, new Date()) } });
    fireEvent.click(within(step).getByRole("button", { name: "Bekreft" }));
    expect(await screen.findByRole("heading", { level: 1, name: /^Trondheim/ })).toBeTruthy();
    expect(screen.getByTestId("signed-in-as").textContent).toContain("board@demo.example");
  });

  it("asks a user without a second factor to set one up, saying why", async () => {
    const store = providerStep("enrolSecondFactor", "/");
    const { db } = renderApp("/");
    store(db, "admin@demo.example");
    const enrol = await screen.findByTestId("enrol-second-factor");
    expect(enrol.textContent).toContain("Innloggingstjenesten viste ikke at du brukte totrinnsinnlogging der, og rollen din krever det.");
    await waitFor(() => expect(window.location.hash).toBe(""));
  });

  it("explains a refused provider sign-in in the user's language, once", async () => {
    window.history.replaceState(null, "", "/?innlogging=unknownUser");
    renderApp("/", { language: "en" });
    const alert = await screen.findByTestId("provider-refusal");
    expect(alert.textContent).toContain("You have no user in Målestokk yet. Ask your administrator for access.");
    await waitFor(() => expect(window.location.search).toBe(""));
  });

  it("has a text for every reason a provider sign-in can be refused, in bokmål and English", () => {
    for (const reason of OIDC_FAILURES) {
      expect(nb.auth.provider.refused[reason], reason).toMatch(/\.$/);
      expect(en.auth.provider.refused[reason], reason).toMatch(/\.$/);
    }
    expect(nb.auth.provider.refused.noPublicOrigin).toContain("PUBLIC_ORIGIN");
  });

  it("ignores a reason it does not know", async () => {
    window.history.replaceState(null, "", "/?innlogging=<script>");
    renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "Logg inn" });
    expect(screen.queryByTestId("provider-refusal")).toBeNull();
  });
});

describe("the account page with password sign-in switched off", () => {
  it("leaves out changing the password and two-step sign-in, and says why", async () => {
    const { db } = renderApp("/konto", { as: "manager.5001@demo.example" });
    setSetting(db, "localSignIn", false, "2026-11-29T00:00:00Z");
    expect((await screen.findByTestId("provider-only")).textContent).toMatch(/innlogging med passord er slått av/);
    expect(screen.queryByLabelText("Nåværende passord")).toBeNull();
    expect(screen.queryByTestId("two-step-settings")).toBeNull();
  });
});

describe("the sign-in form's errors and focus (issue 20, points 22 and 23)", () => {
  it("names and marks each empty field, and takes focus to the summary", async () => {
    renderApp("/");
    fireEvent.click(await screen.findByRole("button", { name: "Logg inn" }));
    const email = screen.getByLabelText("E-post");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    for (const field of [email, screen.getByLabelText("Passord")]) {
      expect(field.getAttribute("aria-invalid")).toBe("true");
      const described = (field.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "");
      expect(described.some((text) => /\S/.test(text) && !/Noen felt har ugyldige verdier/.test(text))).toBe(true);
    }
    const summary = screen.getByTestId("sign-in-error");
    expect(summary.contains(document.activeElement)).toBe(true);
    expect(
      within(summary)
        .getAllByRole("link")
        .map((link) => link.getAttribute("href")),
    ).toEqual(["#sign-in-email", "#sign-in-password"]);
  });

  it("moves focus to the page's heading after signing in, and announces it", async () => {
    renderApp("/kommune/0301");
    fireEvent.click(await screen.findByRole("button", { name: "Bruk finance.0301@demo.example" }));
    fireEvent.change(screen.getByLabelText("Passord"), { target: { value: TEST_PASSWORD } });
    fireEvent.click(screen.getByRole("button", { name: "Logg inn" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Oslo" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await waitFor(() => expect(screen.getByTestId("route-announcer").textContent).toMatch(/Oslo/));
  });
});
