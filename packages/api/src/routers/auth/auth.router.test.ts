import { insertPasswordReset, listAudit, listUsersWithGrants } from "@malestokk/db";
import { TEST_PASSWORD } from "@malestokk/db/testing";
import { ACCOUNT_RATE, ADDRESS_RATE, SINGLE_CALL_PROCEDURES } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { AppError } from "../../errors";

import { appRouter } from "../../root";

import { createToken, hashToken } from "../../auth/tokens";
import { cookieJar, expectAppError, expectTrpcError, FIXED_NOW, setupApi } from "../../test-helpers";

const FINANCE = "finance.0301@demo.example";

describe("auth.signIn", () => {
  it("signs in, sets a fresh session cookie and records the sign-in", async () => {
    const api = setupApi();
    const cookies = cookieJar();
    const result = await api
      .anonymous({ cookies, clientIp: "10.0.0.1" })
      .auth.signIn({ email: ` ${FINANCE.toUpperCase()} `, password: TEST_PASSWORD });
    expect(result).toMatchObject({ status: "signedIn", email: FINANCE });
    expect(cookies.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await api.callerWithToken(cookies.token).auth.me();
    expect(me).toMatchObject({ email: FINANCE, grants: [{ role: "finance", organisationNumber: "0301" }] });
    const audit = listAudit(api.db, { action: "auth.signIn", limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: FINANCE, ip: "10.0.0.1" });
  });

  it("gives the same answer for a wrong password and an unknown e-mail, and audits both", async () => {
    const api = setupApi();
    const wrong = await expectTrpcError(() => api.anonymous().auth.signIn({ email: FINANCE, password: "not the password" }));
    const unknown = await expectTrpcError(() => api.anonymous().auth.signIn({ email: "ghost@demo.example", password: "not the password" }));
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(unknown.code).toBe("UNAUTHORIZED");
    expect(wrong.message).toBe(unknown.message);
    expectAppError(wrong, "INVALID_CREDENTIALS");
    expectAppError(unknown, "INVALID_CREDENTIALS");
    expect(listAudit(api.db, { action: "auth.signInFailed", limit: 10 })).toHaveLength(2);
  });

  it("slows down the sixth failure in a row, even with the right password, also for unknown e-mails", async () => {
    let now = FIXED_NOW;
    const api = setupApi({ now: () => now });
    for (let i = 0; i < 5; i += 1) {
      expectAppError(
        await expectTrpcError(() => api.anonymous().auth.signIn({ email: FINANCE, password: "wrong" })),
        "INVALID_CREDENTIALS",
      );
    }
    // The 6th failure locks for a second.
    expectAppError(await expectTrpcError(() => api.anonymous().auth.signIn({ email: FINANCE, password: "wrong" })), "INVALID_CREDENTIALS");
    const locked = await expectTrpcError(() => api.anonymous().auth.signIn({ email: FINANCE, password: TEST_PASSWORD }));
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(expectAppError(locked, "TOO_MANY_ATTEMPTS").params).toEqual({ retryAfterSeconds: 1 });

    for (let i = 0; i < 6; i += 1) {
      await expectTrpcError(() => api.anonymous().auth.signIn({ email: "ghost@demo.example", password: "wrong" }));
    }
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.signIn({ email: "ghost@demo.example", password: "x" })),
      "TOO_MANY_ATTEMPTS",
    );

    now = new Date(FIXED_NOW.getTime() + 2_000);
    const cookies = cookieJar();
    await api.anonymous({ cookies }).auth.signIn({ email: FINANCE, password: TEST_PASSWORD });
    expect(cookies.token).not.toBeNull();
  });

  it("refuses a disabled user", async () => {
    const api = setupApi();
    const finance = listUsersWithGrants(api.db).find((u) => u.email === FINANCE);
    await api.as("admin@demo.example").admin.setDisabled({ userId: finance?.id ?? 0, disabled: true });
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.signIn({ email: FINANCE, password: TEST_PASSWORD })),
      "INVALID_CREDENTIALS",
    );
  });

  it("replaces a session the browser already had (no session fixation)", async () => {
    const api = setupApi();
    const old = api.tokenFor(FINANCE);
    const cookies = cookieJar();
    await api.callerWithToken(old, { cookies }).auth.signIn({ email: FINANCE, password: TEST_PASSWORD });
    expect(cookies.token).not.toBe(old);
    expect(await api.callerWithToken(old).auth.me()).toBeNull();
  });
});

describe("sign-in throttling (decision 005; issue 17, findings 8 and 9)", () => {
  const OFFICE = "198.51.100.10";
  const codeOf = async (call: () => Promise<unknown>) => {
    try {
      await call();
      return "OK";
    } catch (error) {
      if (error instanceof AppError) return error.appCode;
      throw error;
    }
  };

  it("never lets a stranger elsewhere stop the right password at an address the user signed in from", async () => {
    let now = FIXED_NOW;
    const api = setupApi({ now: () => now });
    expect((await api.anonymous({ clientIp: OFFICE }).auth.signIn({ email: FINANCE, password: TEST_PASSWORD })).status).toBe("signedIn");
    // 150 guesses from 30 addresses over ten minutes.
    for (let a = 0; a < 30; a += 1) {
      for (let i = 0; i < 5; i += 1) {
        now = new Date(now.getTime() + 4_000);
        await expectTrpcError(() =>
          api.anonymous({ clientIp: `203.0.113.${a}` }).auth.signIn({ email: FINANCE, password: `guess ${a} ${i}` }),
        );
      }
    }
    expect((await api.anonymous({ clientIp: OFFICE }).auth.signIn({ email: FINANCE, password: TEST_PASSWORD })).status).toBe("signedIn");
    // A place the user never signed in from is slowed, not shut: the wait is at most one interval.
    const elsewhere = await expectTrpcError(() =>
      api.anonymous({ clientIp: "192.0.2.99" }).auth.signIn({ email: FINANCE, password: TEST_PASSWORD }),
    );
    const { retryAfterSeconds } = expectAppError(elsewhere, "TOO_MANY_ATTEMPTS").params;
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(ACCOUNT_RATE.intervalSeconds);
    now = new Date(now.getTime() + Number(retryAfterSeconds) * 1000);
    expect((await api.anonymous({ clientIp: "192.0.2.99" }).auth.signIn({ email: FINANCE, password: TEST_PASSWORD })).status).toBe(
      "signedIn",
    );
  });

  it(
    "checks at most 100 wrong passwords for an account in an hour, however many addresses they come from",
    { timeout: 90_000 },
    async () => {
      let now = FIXED_NOW;
      const api = setupApi({ now: () => now });
      // One guess every 10 s for an hour, each from a new address.
      for (let i = 0; i < 360; i += 1) {
        now = new Date(FIXED_NOW.getTime() + i * 10_000);
        await expectTrpcError(() =>
          api.anonymous({ clientIp: `10.${Math.floor(i / 250)}.${i % 250}.1` }).auth.signIn({ email: FINANCE, password: `guess ${i}` }),
        );
      }
      const checked = listAudit(api.db, { action: "auth.signInFailed", limit: 1_000 }).length;
      expect(checked).toBeLessThanOrEqual(100);
      expect(checked).toBeGreaterThanOrEqual(90);
    },
  );

  it("slows a shared address after a burst of failures, but lets in those who signed in there before", async () => {
    let now = FIXED_NOW;
    const api = setupApi({ now: () => now });
    const NAT = "192.0.2.7";
    expect((await api.anonymous({ clientIp: NAT }).auth.signIn({ email: FINANCE, password: TEST_PASSWORD })).status).toBe("signedIn");
    const burst = [];
    for (let i = 0; i < 40; i += 1)
      burst.push(
        await codeOf(() => api.anonymous({ clientIp: NAT }).auth.signIn({ email: `user${i}@demo.example`, password: "wrong password" })),
      );
    expect(burst.filter((c) => c === "INVALID_CREDENTIALS")).toHaveLength(ADDRESS_RATE.burst);
    expect(burst.slice(ADDRESS_RATE.burst).every((c) => c === "TOO_MANY_ATTEMPTS")).toBe(true);
    // A colleague who signed in there before: straight in.
    expect((await api.anonymous({ clientIp: NAT }).auth.signIn({ email: FINANCE, password: TEST_PASSWORD })).status).toBe("signedIn");
    // A newcomer there waits at most a minute, then gets in.
    const newcomer = expectAppError(
      await expectTrpcError(() =>
        api.anonymous({ clientIp: NAT }).auth.signIn({ email: "manager.0301@demo.example", password: TEST_PASSWORD }),
      ),
      "TOO_MANY_ATTEMPTS",
    );
    expect(newcomer.params.retryAfterSeconds).toBeLessThanOrEqual(ADDRESS_RATE.intervalSeconds);
    now = new Date(now.getTime() + Number(newcomer.params.retryAfterSeconds) * 1000);
    expect(
      (await api.anonymous({ clientIp: NAT }).auth.signIn({ email: "manager.0301@demo.example", password: TEST_PASSWORD })).status,
    ).toBe("signedIn");
  });

  it("does not forget an address's failures when someone signs in there, so one account cannot be used to spray others", async () => {
    const api = setupApi();
    const SPRAYER = "192.0.2.66";
    const results = [];
    for (let i = 0; i < 30; i += 1) {
      if (i % 4 === 0)
        expect(
          (await api.anonymous({ clientIp: SPRAYER }).auth.signIn({ email: "manager.5001@demo.example", password: TEST_PASSWORD })).status,
        ).toBe("signedIn");
      results.push(
        await codeOf(() => api.anonymous({ clientIp: SPRAYER }).auth.signIn({ email: `user${i}@demo.example`, password: "Sommer2026!!" })),
      );
    }
    expect(results.filter((c) => c === "INVALID_CREDENTIALS")).toHaveLength(ADDRESS_RATE.burst);
    expect(results.slice(ADDRESS_RATE.burst).every((c) => c === "TOO_MANY_ATTEMPTS")).toBe(true);
  });
});

describe("sessions", () => {
  it("ends at sign-out, on the server, and the cookie is cleared", async () => {
    const api = setupApi();
    const token = api.tokenFor(FINANCE);
    const cookies = cookieJar();
    await api.callerWithToken(token, { cookies }).auth.signOut();
    expect(cookies.cleared).toBe(true);
    expect(await api.callerWithToken(token).auth.me()).toBeNull();
    expect(api.sqlite.prepare("select count(*) as n from sessions where token_hash = ?").get(hashToken(token))).toEqual({ n: 0 });
  });

  it("ends every session of the user with sign-out everywhere", async () => {
    const api = setupApi();
    const first = api.tokenFor(FINANCE);
    const second = api.tokenFor(FINANCE);
    const other = api.tokenFor("board@demo.example");
    expect(await api.callerWithToken(first).auth.signOutEverywhere()).toEqual({ sessionsEnded: 2 });
    expect(await api.callerWithToken(second).auth.me()).toBeNull();
    expect(await api.callerWithToken(other).auth.me()).not.toBeNull();
  });

  it("expires after 30 idle minutes and 12 hours in all", async () => {
    let now = FIXED_NOW;
    const api = setupApi({ now: () => now });
    const token = api.tokenFor(FINANCE);
    now = new Date(FIXED_NOW.getTime() + 29 * 60_000);
    expect(await api.callerWithToken(token).auth.me()).not.toBeNull();
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await api.callerWithToken(token).auth.me()).toBeNull();
    // Absolute: the test helper's sessions last an hour; keep it active, it still ends.
    const active = api.tokenFor(FINANCE);
    for (let minutes = 20; minutes <= 60; minutes += 20) {
      now = new Date(now.getTime() + 20 * 60_000);
      const me = await api.callerWithToken(active).auth.me();
      if (minutes < 60) expect(me).not.toBeNull();
      else expect(me).toBeNull();
    }
  });

  it("refuses an unknown or tampered token", async () => {
    const api = setupApi();
    const token = api.tokenFor(FINANCE);
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await api.callerWithToken(tampered).auth.me()).toBeNull();
    expect((await expectTrpcError(() => api.callerWithToken(tampered).municipalities.list())).code).toBe("UNAUTHORIZED");
  });
});

describe("passwords", () => {
  it("changes the own password, ends other sessions, keeps this one", async () => {
    const api = setupApi();
    const here = api.tokenFor(FINANCE);
    const elsewhere = api.tokenFor(FINANCE);
    await api.callerWithToken(here).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" });
    expect(await api.callerWithToken(here).auth.me()).not.toBeNull();
    expect(await api.callerWithToken(elsewhere).auth.me()).toBeNull();
    await api.anonymous().auth.signIn({ email: FINANCE, password: "a brand new passphrase" });
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.signIn({ email: FINANCE, password: TEST_PASSWORD })),
      "INVALID_CREDENTIALS",
    );
  });

  it("requires the current password and a long enough new one", async () => {
    const api = setupApi();
    const caller = api.as(FINANCE);
    const wrong = await expectTrpcError(() =>
      caller.auth.changePassword({ currentPassword: "nope", newPassword: "a brand new passphrase" }),
    );
    expect(expectAppError(wrong, "INVALID_CREDENTIALS").issues[0]?.path).toEqual(["currentPassword"]);
    const short = await expectTrpcError(() => caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" }));
    expect(short.code).toBe("BAD_REQUEST");
  });

  it("counts wrong current passwords toward a lock before checking them, also when they come at once", async () => {
    const api = setupApi();
    const token = api.tokenFor(FINANCE);
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api
          .callerWithToken(token)
          .auth.changePassword({ currentPassword: `wrong ${i}`, newPassword: "a brand new passphrase" })
          .then(
            () => "OK",
            (e: AppError) => e.appCode,
          ),
      ),
    );
    // Five free failures and the one that locks: six passwords checked.
    expect(attempts.filter((c) => c === "INVALID_CREDENTIALS")).toHaveLength(6);
    expect(attempts.filter((c) => c === "TOO_MANY_ATTEMPTS")).toHaveLength(4);
    const locked = await expectTrpcError(() =>
      api.callerWithToken(token).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" }),
    );
    expectAppError(locked, "TOO_MANY_ATTEMPTS");
    await api.anonymous().auth.signIn({ email: FINANCE, password: TEST_PASSWORD });
  });

  it("refuses a new password from the list of common and breached passwords, whatever its case, and says so on the field", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const common = ["Password1234", "QWERTY123456", "1qaz2wsx3edc"];
    for (const newPassword of common) {
      const refused = expectAppError(
        await expectTrpcError(() => api.as(FINANCE).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword })),
        "VALIDATION_FAILED",
      );
      expect(refused.issues, newPassword).toEqual([{ path: ["newPassword"], code: "COMMON_PASSWORD", params: {} }]);
    }
    const link = await admin.admin.createResetLink({ userId: (await admin.admin.users()).find((u) => u.email === FINANCE)?.id ?? 0 });
    const viaLink = expectAppError(
      await expectTrpcError(() => api.anonymous().auth.completeReset({ token: link.resetToken ?? "", newPassword: "123456789ABC" })),
      "VALIDATION_FAILED",
    );
    expect(viaLink.issues[0]).toMatchObject({ path: ["newPassword"], code: "COMMON_PASSWORD" });
    // Nothing changed, and the link still works for a good password.
    await api.anonymous().auth.signIn({ email: FINANCE, password: TEST_PASSWORD });
    await api.anonymous().auth.completeReset({ token: link.resetToken ?? "", newPassword: "fjord kaffe sykkel 7" });
  });

  it("refuses a new password made only of words known here: seasons and years, the product, names from the register, the user's own (ASVS 6.2.11)", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    for (const newPassword of [
      "Sommer2026!!",
      "Målestokk2026",
      "Trondheim2024!",
      "OsloKommune123",
      "Kautokeino2025",
      "finance.0301.demo",
    ]) {
      const refused = expectAppError(
        await expectTrpcError(() => api.as(FINANCE).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword })),
        "VALIDATION_FAILED",
      );
      expect(refused.issues, newPassword).toEqual([{ path: ["newPassword"], code: "GUESSABLE_PASSWORD", params: {} }]);
    }
    const link = await admin.admin.createResetLink({ userId: (await admin.admin.users()).find((u) => u.email === FINANCE)?.id ?? 0 });
    const viaLink = expectAppError(
      await expectTrpcError(() => api.anonymous().auth.completeReset({ token: link.resetToken ?? "", newPassword: "Desember 2026 !!" })),
      "VALIDATION_FAILED",
    );
    expect(viaLink.issues[0]).toMatchObject({ path: ["newPassword"], code: "GUESSABLE_PASSWORD" });
    // Nothing changed, and the link still works for a passphrase of other words, one of them a name.
    await api.anonymous().auth.signIn({ email: FINANCE, password: TEST_PASSWORD });
    await api.anonymous().auth.completeReset({ token: link.resetToken ?? "", newPassword: "Trondheim brygge i tåke" });
  });

  it("resets through a one-time link made by an admin", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const finance = (await admin.admin.users()).find((u) => u.email === FINANCE);
    const session = api.tokenFor(FINANCE);
    const link = await admin.admin.createResetLink({ userId: finance?.id ?? 0 });
    expect(link.resetToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await api.anonymous().auth.completeReset({ token: link.resetToken ?? "", newPassword: "reset passphrase 2026" });
    expect(await api.callerWithToken(session).auth.me()).toBeNull();
    await api.anonymous().auth.signIn({ email: FINANCE, password: "reset passphrase 2026" });
    const again = await expectTrpcError(() =>
      api.anonymous().auth.completeReset({ token: link.resetToken ?? "", newPassword: "another passphrase 1" }),
    );
    expectAppError(again, "TOKEN_INVALID");
    expect(listAudit(api.db, { action: "auth.passwordReset", limit: 5 })).toHaveLength(1);
  });

  it("voids older reset links when a new one is made, and every other link of the user when one is used", async () => {
    let now = FIXED_NOW;
    const api = setupApi({ now: () => now });
    const admin = api.as("admin@demo.example");
    const userId = (await admin.admin.users()).find((u) => u.email === FINANCE)?.id ?? 0;
    const first = await admin.admin.createResetLink({ userId });
    const second = await admin.admin.createResetLink({ userId });
    expectAppError(
      await expectTrpcError(() =>
        api.anonymous().auth.completeReset({ token: first.resetToken ?? "", newPassword: "first link passphrase" }),
      ),
      "TOKEN_INVALID",
    );
    // A link made outside the admin screen (another path, or an older version) lives beside it...
    const { token: stray, hash } = createToken();
    insertPasswordReset(api.db, {
      tokenHash: hash,
      userId,
      createdByUserId: null,
      createdAt: now.toISOString(),
      expiresAt: second.expiresAt,
    });
    now = new Date(now.getTime() + 60_000);
    await api.anonymous().auth.completeReset({ token: second.resetToken ?? "", newPassword: "second link passphrase" });
    // ...until one is used.
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.completeReset({ token: stray, newPassword: "stray link passphrase" })),
      "TOKEN_INVALID",
    );
    await api.anonymous().auth.signIn({ email: FINANCE, password: "second link passphrase" });
  });

  it("refuses an expired reset link", async () => {
    let now = FIXED_NOW;
    const api = setupApi({ now: () => now });
    const admin = api.as("admin@demo.example");
    const finance = (await admin.admin.users()).find((u) => u.email === FINANCE);
    const link = await admin.admin.createResetLink({ userId: finance?.id ?? 0 });
    now = new Date(FIXED_NOW.getTime() + 25 * 3_600_000);
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.completeReset({ token: link.resetToken ?? "", newPassword: "too late passphrase" })),
      "TOKEN_INVALID",
    );
  });
});

describe("calls that check a secret", () => {
  it("are named as mutations of the router, so the one-call-per-request rule covers real procedures", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;
    for (const path of SINGLE_CALL_PROCEDURES) expect(procedures[path]?._def.type, path).toBe("mutation");
  });
});

describe("auth.demoAccounts", () => {
  it("lists the demo sign-ins of every role, and none without demo users", async () => {
    const accounts = await setupApi().anonymous().auth.demoAccounts();
    expect(accounts.map((a) => a.email)).toEqual(
      expect.arrayContaining(["admin@demo.example", "board@demo.example", "finance.0301@demo.example", "manager.5001@demo.example"]),
    );
    expect(await setupApi({ seed: false }).anonymous().auth.demoAccounts()).toEqual([]);
  });
});

describe("auth.setLanguage: the account keeps the interface language (issue 22, point 2)", () => {
  it("saves the user's own choice, which every later sign-in reads back, and audits it", async () => {
    const api = setupApi();
    expect(await api.as(FINANCE).auth.me()).toMatchObject({ language: null, writtenStandard: "neutral" });
    expect(await api.as(FINANCE).auth.setLanguage({ language: "nn" })).toEqual({ language: "nn" });
    // A new session (a new sign-in) carries the choice.
    expect(await api.as(FINANCE).auth.me()).toMatchObject({ email: FINANCE, language: "nn" });
    const audit = listAudit(api.db, { action: "auth.languageChanged", limit: 10 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: FINANCE, details: JSON.stringify({ language: "nn" }) });
  });

  it("sets only the caller's own language: another user's stays as it was", async () => {
    const api = setupApi();
    const other = "manager.5001@demo.example";
    await api.as(other).auth.setLanguage({ language: "en" });
    await api.as(FINANCE).auth.setLanguage({ language: "nn" });
    expect(await api.as(other).auth.me()).toMatchObject({ language: "en" });
    expect(await api.as(FINANCE).auth.me()).toMatchObject({ language: "nn" });
    // The input names no user: a user id slipped in is stripped, and the change stays the caller's.
    await api.as(FINANCE).auth.setLanguage({ language: "nb", userId: 1 } as never);
    expect(await api.as(other).auth.me()).toMatchObject({ language: "en" });
  });

  it("refuses a visitor who is not signed in, and a language the app does not speak", async () => {
    const api = setupApi();
    expect((await expectTrpcError(() => api.anonymous().auth.setLanguage({ language: "nn" }))).code).toBe("UNAUTHORIZED");
    expect((await expectTrpcError(() => api.as(FINANCE).auth.setLanguage({ language: "se" as never }))).code).toBe("BAD_REQUEST");
  });

  it("tells the web the written standard of the user's municipality, and none to a national role", async () => {
    const api = setupApi();
    api.sqlite.prepare("update organisations set written_standard = 'nynorsk' where number = '0301'").run();
    expect(await api.as(FINANCE).auth.me()).toMatchObject({ language: null, writtenStandard: "nynorsk" });
    expect(await api.as("board@demo.example").auth.me()).toMatchObject({ language: null, writtenStandard: null });
  });
});
