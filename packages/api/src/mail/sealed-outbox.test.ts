import { findUserByEmail, listOutboxMessages } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { createSecretBox, isSealed, resealStoredSecrets, sealStoredSecrets, type SecretBox } from "../auth/secret-box";
import { setupApi } from "../test-helpers";
import { smtpPerTest, testMailWorker, TEST_MAIL_ON, type TestSmtp } from "./test-smtp";

const KEY = createSecretBox("the outbox's first secret key, long enough 0123456789");
const NEXT_KEY = createSecretBox("the outbox's second secret key, after rotation 98765");
const FINANCE = "finance.0301@demo.example";
const smtp = smtpPerTest();

/** Whether the database image (every page, free space included) holds `text` anywhere. */
function imageHolds(api: ReturnType<typeof setupApi>, text: string): boolean {
  return api.sqlite.serialize().includes(Buffer.from(text, "utf8"));
}

async function queueResetLink(api: ReturnType<typeof setupApi>): Promise<void> {
  const userId = findUserByEmail(api.db, FINANCE)?.id ?? 0;
  expect(await api.as("admin@demo.example").admin.createResetLink({ userId })).toMatchObject({ resetToken: null, mailedTo: FINANCE });
}

function tokenIn(server: TestSmtp): string {
  return /\/tilbakestill-passord#([A-Za-z0-9_-]{43})/.exec(server.received.at(-1)?.text ?? "")?.[1] ?? "";
}

function send(api: ReturnType<typeof setupApi>, server: TestSmtp, secrets: SecretBox) {
  return testMailWorker(api.db, server, { secrets }).runOnce();
}

describe("reset tokens in the outbox (docs/decisions/039-outbox-operations.md)", () => {
  it("are sealed from the start with SECRET_KEY: the database never holds the token in clear, and the link sent works", async () => {
    const server = await smtp();
    const api = setupApi({ mail: TEST_MAIL_ON, secrets: KEY });
    await queueResetLink(api);
    const [queued] = listOutboxMessages(api.db, { limit: 1 });
    expect(isSealed(queued?.secret ?? "")).toBe(true);
    const token = KEY.open(queued?.secret ?? "");
    expect(imageHolds(api, token)).toBe(false);

    expect(await send(api, server, KEY)).toMatchObject({ sent: 1 });
    expect(tokenIn(server)).toBe(token);
    expect(imageHolds(api, token)).toBe(false);
    await api.anonymous().auth.completeReset({ token, newPassword: "fjord kaffe sykkel 7" });
  });

  it("queued before a key was set are sealed at the next start, and the token is gone from the database's pages", async () => {
    const server = await smtp();
    const api = setupApi({ mail: TEST_MAIL_ON });
    await queueResetLink(api);
    const token = listOutboxMessages(api.db, { limit: 1 })[0]?.secret ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(imageHolds(api, token)).toBe(true);

    expect(sealStoredSecrets(api.db, KEY)).toEqual({ sealed: 1 });
    expect(isSealed(listOutboxMessages(api.db, { limit: 1 })[0]?.secret ?? "")).toBe(true);
    expect(imageHolds(api, token)).toBe(false);
    // Without the key the server would not start, as for the other sealed secrets.
    expect(() => sealStoredSecrets(api.db, createSecretBox(null))).toThrow(/set the SECRET_KEY/);

    expect(await send(api, server, KEY)).toMatchObject({ sent: 1 });
    expect(tokenIn(server)).toBe(token);
  });

  it("are resealed with the other stored secrets when the key is rotated, and the resealed message sends the same link", async () => {
    const server = await smtp();
    const api = setupApi({ mail: TEST_MAIL_ON, secrets: KEY });
    await queueResetLink(api);
    const token = KEY.open(listOutboxMessages(api.db, { limit: 1 })[0]?.secret ?? "");

    expect(resealStoredSecrets(api.db, KEY, NEXT_KEY)).toEqual({ resealed: 1 });
    const resealed = listOutboxMessages(api.db, { limit: 1 })[0]?.secret ?? "";
    expect(() => KEY.open(resealed)).toThrow(/does not open/);
    expect(NEXT_KEY.open(resealed)).toBe(token);

    expect(await send(api, server, NEXT_KEY)).toMatchObject({ sent: 1 });
    expect(tokenIn(server)).toBe(token);
    // Sent: the token is forgotten, so nothing is left to reseal.
    expect(listOutboxMessages(api.db, { limit: 1 })[0]?.secret).toBeNull();
    expect(resealStoredSecrets(api.db, NEXT_KEY, KEY)).toEqual({ resealed: 0 });
  });
});
