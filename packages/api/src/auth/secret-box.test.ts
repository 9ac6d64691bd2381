import { findUserByEmail, getSecondFactor, listStoredSecrets } from "@malestokk/db";
import { TEST_PASSWORD } from "@malestokk/db/testing";
import { describe, expect, it } from "vitest";

import { setupApi } from "../test-helpers";
import { createSecretBox, isSealed, sealStoredSecrets, SecretKeyError } from "./secret-box";
import { totp } from "./totp";

const KEY = "a long random server key for the tests 0123456789";

describe("SecretBox", () => {
  it("seals with a fresh IV each time and opens only with the same key", () => {
    const box = createSecretBox(KEY);
    const a = box.seal("JBSWY3DPEHPK3PXP");
    const b = box.seal("JBSWY3DPEHPK3PXP");
    expect(a).toMatch(/^sealed:v1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DP");
    expect(box.open(a)).toBe("JBSWY3DPEHPK3PXP");
    expect(() => createSecretBox(`${KEY}!`).open(a)).toThrow(SecretKeyError);
    expect(() => createSecretBox(null).open(a)).toThrow(/SECRET_KEY is not set/);
    // A changed character in the sealed value fails authentication (the third from the end carries six
    // bits of the tag; it is changed to another letter whatever it was, so the value always differs).
    const tampered = a.slice(0, -3) + (a.at(-3) === "A" ? "B" : "A") + a.slice(-2);
    expect(tampered).not.toBe(a);
    expect(() => box.open(tampered)).toThrow(SecretKeyError);
    // Values from before the key read as they are.
    expect(box.open("JBSWY3DPEHPK3PXP")).toBe("JBSWY3DPEHPK3PXP");
    expect(createSecretBox(undefined).seal("x")).toBe("x");
  });
});

describe("stored secrets", () => {
  it("keeps TOTP keys and client secrets sealed in the database while sign-in with them still works", async () => {
    let at = new Date("2026-11-29T10:00:05Z");
    const secrets = createSecretBox(KEY);
    const api = setupApi({ now: () => at, secrets });
    const email = "manager.5001@demo.example";
    const user = api.as(email);
    const { secret } = await user.auth.enrolBegin({ currentPassword: TEST_PASSWORD });
    await user.auth.enrolConfirm({ code: totp(secret, at) });
    const stored = getSecondFactor(api.db, findUserByEmail(api.db, email)?.id ?? 0);
    expect(isSealed(stored?.secret ?? "")).toBe(true);

    at = new Date(at.getTime() + 30_000);
    const first = await api.anonymous().auth.signIn({ email, password: TEST_PASSWORD });
    if (first.status !== "secondFactor") throw new Error("expected a second step");
    expect((await api.anonymous().auth.secondFactor({ challenge: first.challenge, code: totp(secret, at) })).email).toBe(email);

    await api.as("admin@demo.example").admin.saveIdentityProvider({
      slug: "kommune",
      name: "K",
      issuer: "https://idp.example",
      clientId: "c",
      clientSecret: "client secret value",
    });
    const row = api.sqlite.prepare("select client_secret from identity_providers").get() as { client_secret: string };
    expect(isSealed(row.client_secret)).toBe(true);
    expect(secrets.open(row.client_secret)).toBe("client secret value");
  });

  it("seals what was stored before the key was set, once, and refuses a start without the key afterwards", async () => {
    const api = setupApi();
    const { secret } = await api.as("finance.0301@demo.example").auth.enrolBegin({ currentPassword: TEST_PASSWORD });
    await api.as("admin@demo.example").admin.saveIdentityProvider({
      slug: "kommune",
      name: "K",
      issuer: "https://idp.example",
      clientId: "c",
      clientSecret: "plain secret",
    });
    expect(listStoredSecrets(api.db).map((s) => [s.kind, isSealed(s.value)])).toEqual([
      ["totpPending", false],
      ["clientSecret", false],
    ]);
    const box = createSecretBox(KEY);
    expect(sealStoredSecrets(api.db, box)).toEqual({ sealed: 2 });
    expect(sealStoredSecrets(api.db, box)).toEqual({ sealed: 0 });
    expect(listStoredSecrets(api.db).every((s) => isSealed(s.value))).toBe(true);
    expect(box.open(listStoredSecrets(api.db)[0]?.value ?? "")).toBe(secret);
    expect(() => sealStoredSecrets(api.db, createSecretBox(null))).toThrow(/set the SECRET_KEY/);
    expect(() => sealStoredSecrets(api.db, createSecretBox(`${KEY} but another`))).toThrow(/does not open/);
  });
});
