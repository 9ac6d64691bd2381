import { listAudit } from "@malestokk/db";
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from "@malestokk/db/testing";
import { describe, expect, it } from "vitest";

import { totp } from "../../auth/totp";
import type { AppError } from "../../errors";
import { cookieJar, expectAppError, expectTrpcError, setupApi } from "../../test-helpers";
import { createUserWithPassword } from "../admin/admin.service";

/** A clock the test moves: TOTP depends on the time step. */
function clock(start = "2026-11-28T12:00:05Z") {
  let at = new Date(start);
  return { now: () => at, advance: (seconds: number) => (at = new Date(at.getTime() + seconds * 1000)) };
}

async function enrolOnAccountPage(api: ReturnType<typeof setupApi>, email: string, time: ReturnType<typeof clock>) {
  const caller = api.as(email);
  const { secret, uri, qrSvg } = await caller.auth.enrolBegin({ currentPassword: TEST_PASSWORD });
  expect(uri).toContain(`secret=${secret}`);
  expect(qrSvg).toMatch(/^<svg/);
  const wrong = expectAppError(
    await expectTrpcError(() => caller.auth.enrolConfirm({ code: "000000" === totp(secret, time.now()) ? "111111" : "000000" })),
    "INVALID_CREDENTIALS",
  );
  expect(wrong.params.reason).toBe("WRONG");
  const { recoveryCodes, signedIn } = await caller.auth.enrolConfirm({ code: totp(secret, time.now()) });
  expect(signedIn).toBe(false);
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

describe("second factor (TOTP) for local accounts", () => {
  it("enrols on the account page, then asks for a code at sign-in: a valid code signs in, a reused or out-of-window one does not", async () => {
    const time = clock();
    const api = setupApi({ now: time.now });
    const email = "finance.0301@demo.example";
    const { secret } = await enrolOnAccountPage(api, email, time);
    expect(await api.as(email).auth.secondFactorStatus()).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });

    time.advance(30);
    const cookies = cookieJar();
    const first = await api.anonymous({ cookies }).auth.signIn({ email, password: TEST_PASSWORD });
    if (first.status !== "secondFactor") throw new Error(`expected a second step, got ${first.status}`);
    // No session until the code.
    expect(cookies.token).toBeNull();
    const code = totp(secret, time.now());
    const done = await api.anonymous({ cookies }).auth.secondFactor({ challenge: first.challenge, code });
    expect(done.email).toBe(email);
    expect(cookies.token).not.toBeNull();

    // The same code again (same time step), and one from three steps ago: both refused.
    const again = await api.anonymous().auth.signIn({ email, password: TEST_PASSWORD });
    if (again.status !== "secondFactor") throw new Error("expected a second step");
    expect(
      expectAppError(
        await expectTrpcError(() => api.anonymous().auth.secondFactor({ challenge: again.challenge, code })),
        "INVALID_CREDENTIALS",
      ).params.reason,
    ).toBe("REUSED");
    const old = totp(secret, new Date(time.now().getTime() - 90_000));
    expect(
      expectAppError(
        await expectTrpcError(() => api.anonymous().auth.secondFactor({ challenge: again.challenge, code: old })),
        "INVALID_CREDENTIALS",
      ).params.reason,
    ).toBe("WRONG");
    // The two here, and the wrong code while enrolling.
    expect(listAudit(api.db, { action: "auth.secondFactorFailed", limit: 10 })).toHaveLength(3);
  });

  it("takes each recovery code once, and ends the step after five wrong tries", async () => {
    const time = clock();
    const api = setupApi({ now: time.now });
    const email = "manager.0301@demo.example";
    const { recoveryCodes } = await enrolOnAccountPage(api, email, time);
    const signIn = async () => {
      const r = await api.anonymous().auth.signIn({ email, password: TEST_PASSWORD });
      if (r.status !== "secondFactor") throw new Error("expected a second step");
      return r.challenge;
    };
    const recovery = (recoveryCodes[0] ?? "").toUpperCase();
    expect((await api.anonymous().auth.secondFactor({ challenge: await signIn(), recoveryCode: recovery })).email).toBe(email);
    const challenge = await signIn();
    expect(
      expectAppError(
        await expectTrpcError(() => api.anonymous().auth.secondFactor({ challenge, recoveryCode: recovery })),
        "INVALID_CREDENTIALS",
      ).params.reason,
    ).toBe("recoveryCode");
    for (let i = 0; i < 4; i += 1) await expectTrpcError(() => api.anonymous().auth.secondFactor({ challenge, code: "000001" }));
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.secondFactor({ challenge, recoveryCode: recoveryCodes[1] })),
      "TOKEN_INVALID",
    );
    expect(await api.as(email).auth.secondFactorStatus()).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("counts wrong codes per account across challenges: 100 wrong codes over 20 challenges never get in, and the right code is refused while locked", async () => {
    const time = clock();
    const api = setupApi({ now: time.now });
    const email = "finance.0301@demo.example";
    const { secret, recoveryCodes } = await enrolOnAccountPage(api, email, time);
    const failedBefore = listAudit(api.db, { action: "auth.secondFactorFailed", limit: 10 }).length;
    time.advance(30);
    const valid = new Set([-30_000, 0, 30_000].map((d) => totp(secret, new Date(time.now().getTime() + d))));
    const wrong = Array.from({ length: 200 }, (_, i) => String((123_457 * (i + 1)) % 1_000_000).padStart(6, "0")).filter(
      (c) => !valid.has(c),
    );
    const outcomes: string[] = [];
    for (let c = 0; c < 20; c += 1) {
      const step = await api.anonymous().auth.signIn({ email, password: TEST_PASSWORD });
      if (step.status !== "secondFactor") throw new Error("expected a second step");
      for (let i = 0; i < 5; i += 1) {
        // Every fifth guess is a made-up recovery code: they count toward the same lock.
        const guess = i === 4 ? { recoveryCode: `ffff-${c}${i}-0000` } : { code: wrong[c * 5 + i] ?? "000000" };
        outcomes.push(
          await api
            .anonymous()
            .auth.secondFactor({ challenge: step.challenge, ...guess })
            .then(
              () => "OK",
              (e: AppError) => e.appCode,
            ),
        );
      }
    }
    expect(outcomes).not.toContain("OK");
    expect(outcomes.filter((o) => o === "TOO_MANY_ATTEMPTS").length).toBeGreaterThan(90);
    // Five free failures and the one that locks: six codes checked in all.
    expect(listAudit(api.db, { action: "auth.secondFactorFailed", limit: 200 })).toHaveLength(failedBefore + 6);
    expect(listAudit(api.db, { action: "auth.secondFactorLocked", limit: 10 })[0]).toMatchObject({
      actorEmail: email,
      details: JSON.stringify({ retryAfterSeconds: 1 }),
    });

    const step = await api.anonymous().auth.signIn({ email, password: TEST_PASSWORD });
    if (step.status !== "secondFactor") throw new Error("expected a second step");
    const locked = expectAppError(
      await expectTrpcError(() => api.anonymous().auth.secondFactor({ challenge: step.challenge, code: totp(secret, time.now()) })),
      "TOO_MANY_ATTEMPTS",
    );
    expect(locked.params.retryAfterSeconds).toBe(1);
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.secondFactor({ challenge: step.challenge, recoveryCode: recoveryCodes[0] })),
      "TOO_MANY_ATTEMPTS",
    );
    // After the wait, the right code signs in, and clears the count.
    time.advance(30);
    const cookies = cookieJar();
    expect((await api.anonymous({ cookies }).auth.secondFactor({ challenge: step.challenge, code: totp(secret, time.now()) })).email).toBe(
      email,
    );
    expect(cookies.token).not.toBeNull();
    expect(api.sqlite.prepare("select count(*) as n from sign_in_throttle where key like 'second-factor:%'").get()).toEqual({ n: 0 });
  });

  it("asks for the current password before setting up or replacing the authenticator on the account page, and counts wrong ones", async () => {
    const time = clock();
    const api = setupApi({ now: time.now });
    const email = "manager.0301@demo.example";
    const caller = api.as(email);
    const missing = expectAppError(await expectTrpcError(() => caller.auth.enrolBegin({})), "VALIDATION_FAILED");
    expect(missing.issues).toEqual([{ path: ["currentPassword"], code: "REQUIRED", params: {} }]);
    const wrong = expectAppError(
      await expectTrpcError(() => caller.auth.enrolBegin({ currentPassword: "not my password" })),
      "INVALID_CREDENTIALS",
    );
    expect(wrong.issues[0]?.path).toEqual(["currentPassword"]);
    const { secret: oldSecret } = await enrolOnAccountPage(api, email, time);

    // Replacing: the old authenticator works until a code from the new one confirms it.
    expectAppError(await expectTrpcError(() => caller.auth.enrolBegin({})), "VALIDATION_FAILED");
    const { secret: newSecret } = await caller.auth.enrolBegin({ currentPassword: TEST_PASSWORD });
    time.advance(30);
    const withOld = await api.anonymous().auth.signIn({ email, password: TEST_PASSWORD });
    if (withOld.status !== "secondFactor") throw new Error("expected a second step");
    expect((await api.anonymous().auth.secondFactor({ challenge: withOld.challenge, code: totp(oldSecret, time.now()) })).email).toBe(
      email,
    );
    const { recoveryCodes } = await caller.auth.enrolConfirm({ code: totp(newSecret, time.now()) });
    expect(recoveryCodes).toHaveLength(10);
    expect(listAudit(api.db, { action: "auth.secondFactorReplaced", limit: 5 })).toHaveLength(1);
    time.advance(30);
    const withNew = await api.anonymous().auth.signIn({ email, password: TEST_PASSWORD });
    if (withNew.status !== "secondFactor") throw new Error("expected a second step");
    expectAppError(
      await expectTrpcError(() => api.anonymous().auth.secondFactor({ challenge: withNew.challenge, code: totp(oldSecret, time.now()) })),
      "INVALID_CREDENTIALS",
    );
    expect((await api.anonymous().auth.secondFactor({ challenge: withNew.challenge, code: totp(newSecret, time.now()) })).email).toBe(
      email,
    );

    // A stolen session cannot guess the password here either.
    for (let i = 0; i < 6; i += 1)
      expectAppError(await expectTrpcError(() => caller.auth.enrolBegin({ currentPassword: `guess ${i}` })), "INVALID_CREDENTIALS");
    expectAppError(await expectTrpcError(() => caller.auth.enrolBegin({ currentPassword: TEST_PASSWORD })), "TOO_MANY_ATTEMPTS");
  });

  it("lets an account without a password (signed in through an identity provider) set it up only within 10 minutes of signing in", async () => {
    const time = clock();
    const api = setupApi({ now: time.now });
    const { userId } = createUserWithPassword(api.db, {
      email: "sso@kommune.no",
      name: "SSO",
      passwordHash: TEST_PASSWORD_HASH,
      now: time.now(),
      role: "finance",
      municipalityNumber: "0301",
    });
    api.sqlite.prepare("update users set password_hash = null where id = ?").run(userId);
    const token = api.tokenFor("sso@kommune.no");
    time.advance(9 * 60);
    const { secret } = await api.callerWithToken(token).auth.enrolBegin({});
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    time.advance(2 * 60);
    const stale = expectAppError(await expectTrpcError(() => api.callerWithToken(token).auth.enrolBegin({})), "RECENT_SIGN_IN_REQUIRED");
    expect(stale.params).toEqual({ minutes: 10 });
    // A fresh sign-in (a new session) is enough again.
    await api.as("sso@kommune.no").auth.enrolBegin({});
  });

  it("makes administrators and the board enrol before their first session; demo accounts are exempt", async () => {
    const time = clock();
    const api = setupApi({ now: time.now });
    createUserWithPassword(api.db, {
      email: "it-sjef@kommune.no",
      name: "IT-sjef",
      passwordHash: TEST_PASSWORD_HASH,
      now: time.now(),
      role: "admin",
    });
    const cookies = cookieJar();
    const first = await api.anonymous({ cookies }).auth.signIn({ email: "it-sjef@kommune.no", password: TEST_PASSWORD });
    if (first.status !== "enrolSecondFactor") throw new Error(`expected enrolment, got ${first.status}`);
    expect(cookies.token).toBeNull();
    const { secret } = await api.anonymous().auth.enrolBegin({ challenge: first.challenge });
    const confirmed = await api.anonymous({ cookies }).auth.enrolConfirm({ challenge: first.challenge, code: totp(secret, time.now()) });
    expect(confirmed).toMatchObject({ signedIn: true });
    expect(cookies.token).not.toBeNull();
    expect(await api.callerWithToken(cookies.token).auth.secondFactorStatus()).toMatchObject({ enabled: true, required: true });
    expect((await api.anonymous().auth.signIn({ email: "admin@demo.example", password: TEST_PASSWORD })).status).toBe("signedIn");
  });

  it("lets an administrator require it for every local account, and reset a lost device (audited)", async () => {
    const time = clock();
    const api = setupApi({ now: time.now });
    createUserWithPassword(api.db, {
      email: "okonomi@kommune.no",
      name: "Økonomi",
      passwordHash: TEST_PASSWORD_HASH,
      now: time.now(),
      role: "finance",
      municipalityNumber: "0301",
    });
    expect((await api.anonymous().auth.signIn({ email: "okonomi@kommune.no", password: TEST_PASSWORD })).status).toBe("signedIn");
    await api.as("admin@demo.example").admin.setSecondFactorPolicy({ required: true });
    expect((await api.anonymous().auth.signIn({ email: "okonomi@kommune.no", password: TEST_PASSWORD })).status).toBe("enrolSecondFactor");
    expectAppError(
      await expectTrpcError(() => api.as("finance.0301@demo.example").admin.setSecondFactorPolicy({ required: false })),
      "FORBIDDEN",
    );

    await enrolOnAccountPage(api, "finance.0301@demo.example", time);
    const user = (await api.as("admin@demo.example").admin.users()).find((u) => u.email === "finance.0301@demo.example");
    await api.as("admin@demo.example").admin.resetSecondFactor({ userId: user?.id ?? 0 });
    expect(await api.as("finance.0301@demo.example").auth.secondFactorStatus()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(listAudit(api.db, { action: "admin.secondFactorReset", limit: 5 })[0]).toMatchObject({
      actorEmail: "admin@demo.example",
      entityId: String(user?.id),
    });
  });
});
