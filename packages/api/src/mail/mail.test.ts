import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { createDb, findUserByEmail, getMailRecipient, getOutboxMessage, listOutboxMessages, type Db } from "@malestokk/db";
import type { NoticeContent } from "@malestokk/domain";
import { afterEach, describe, expect, it } from "vitest";

import { createSecretBox } from "../auth/secret-box";
import { setupApi } from "../test-helpers";
import { queueNotice, type MailSettings } from "./notify";
import { startTestSmtp, type TestSmtp } from "./test-smtp";
import { readUnsubscribeToken } from "./unsubscribe";
import { createSmtpTransport, MailWorker } from "./worker";

const MAIL_ON: MailSettings = { enabled: true, from: "Målestokk <noreply@malestokk.test>" };
const KEY = Buffer.alloc(32, 1);
const BASE = "https://malestokk.test";
const RETRY = { maxAttempts: 3, firstDelayMs: 60_000, longestDelayMs: 3_600_000 };

const servers: TestSmtp[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function smtp(port = 0): Promise<TestSmtp> {
  const server = await startTestSmtp(port);
  servers.push(server);
  return server;
}

function clock(start = "2026-03-01T12:00:00.000Z") {
  let now = new Date(start);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

function worker(db: Db, url: string, now: () => Date) {
  return new MailWorker({
    db,
    transport: createSmtpTransport(url),
    from: MAIL_ON.from ?? "",
    baseUrl: BASE,
    secrets: createSecretBox(null),
    unsubscribeKey: KEY,
    now,
    retry: RETRY,
  });
}

const RETURNED = (comment: string): NoticeContent => ({
  kind: "reportReturned",
  area: "costs",
  unit: { number: "0301", name: "Oslo", isCooperative: false },
  year: 2025,
  by: "Mona Manager",
  comment,
});

function queue(db: Db, now: () => Date, email: string, key: string, content: NoticeContent): number {
  const user = findUserByEmail(db, email);
  const recipient = user ? getMailRecipient(db, user.id, content.kind) : null;
  if (!recipient) throw new Error(`no recipient ${email}`);
  return db.transaction((tx) => queueNotice({ mail: MAIL_ON, secrets: createSecretBox(null), now }, tx, [recipient], { key, content }));
}

describe("the mail outbox and worker, against a real SMTP server on loopback", () => {
  it("delivers one message per recipient in their language, with the link, List-Unsubscribe and Auto-Submitted", async () => {
    const server = await smtp();
    const api = setupApi();
    const time = clock();
    api.sqlite.prepare("update users set language = 'nn' where email = 'finance.0301@demo.example'").run();
    expect(queue(api.db, time.now, "finance.0301@demo.example", "returned:1", RETURNED("Lisensane manglar"))).toBe(1);
    expect(queue(api.db, time.now, "manager.0301@demo.example", "returned:1", RETURNED("Lisensane manglar"))).toBe(1);
    // The same key again queues nothing.
    expect(queue(api.db, time.now, "finance.0301@demo.example", "returned:1", RETURNED("Lisensane manglar"))).toBe(0);

    expect(await worker(api.db, server.url, time.now).runOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 });

    expect(server.received).toHaveLength(2);
    const [nynorsk, bokmal] = server.received as [(typeof server.received)[0], (typeof server.received)[0]];
    expect(nynorsk.envelopeTo).toEqual(["finance.0301@demo.example"]);
    expect(nynorsk.headers.get("to")).toBe("finance.0301@demo.example");
    expect(nynorsk.headers.has("cc")).toBe(false);
    expect(nynorsk.envelopeFrom).toBe("noreply@malestokk.test");
    expect(nynorsk.subject).toBe("Oslo (0301): kostnadsrapporten for 2025 er returnert");
    expect(nynorsk.text).toContain("«Lisensane manglar»");
    expect(nynorsk.text).toContain("Rett det som trengst, og send rapporten inn att.");
    expect(nynorsk.text).toContain(`${BASE}/kommune/0301/kostnader/2025`);
    expect(nynorsk.html).toContain(`href="${BASE}/kommune/0301/kostnader/2025"`);
    expect(nynorsk.headers.get("auto-submitted")).toBe("auto-generated");
    expect(nynorsk.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribe = /^<(https:\/\/malestokk\.test\/e-post\/avmeld\?token=([^>]+))>$/.exec(
      nynorsk.headers.get("list-unsubscribe") ?? "",
    );
    expect(unsubscribe).not.toBeNull();
    const finance = findUserByEmail(api.db, "finance.0301@demo.example");
    expect(readUnsubscribeToken(KEY, decodeURIComponent(unsubscribe?.[2] ?? ""))).toEqual({ userId: finance?.id, kind: "reportReturned" });
    expect(nynorsk.headers.get("message-id")).toMatch(/^<\d+\.returned\.1\.u\d+@malestokk\.test>$/);

    expect(bokmal.envelopeTo).toEqual(["manager.0301@demo.example"]);
    expect(bokmal.text).toContain("Rett det som trengs, og send rapporten inn igjen.");
    expect(listOutboxMessages(api.db, { limit: 10 }).map((m) => m.status)).toEqual(["sent", "sent"]);
    // A second round sends nothing more.
    expect(await worker(api.db, server.url, time.now).runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received).toHaveLength(2);
  });

  it("sends a round's messages over one pooled connection, and keeps using it for the next round", async () => {
    const server = await smtp();
    const api = setupApi();
    const time = clock();
    for (const email of ["finance.0301@demo.example", "manager.0301@demo.example", "finance.5001@demo.example"])
      queue(api.db, time.now, email, "returned:pool", RETURNED("Sjekk"));
    const mail = worker(api.db, server.url, time.now);
    expect(await mail.runOnce()).toEqual({ sent: 3, retrying: 0, failed: 0 });
    queue(api.db, time.now, "manager.5001@demo.example", "returned:pool", RETURNED("Sjekk"));
    expect(await mail.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(server.received.map((m) => m.envelopeTo.join())).toEqual([
      "finance.0301@demo.example",
      "manager.0301@demo.example",
      "finance.5001@demo.example",
      "manager.5001@demo.example",
    ]);
    expect(server.connections).toBe(1);
    await mail.stop();
  });

  it("retries a temporary refusal with back-off, then shows the failure with the server's reason; an administrator's retry sends it", async () => {
    const server = await smtp();
    const api = setupApi();
    const time = clock();
    queue(api.db, time.now, "finance.0301@demo.example", "returned:2", RETURNED("Sjekk"));
    server.refuseWith = { code: 451, message: "Try again later" };
    const mail = worker(api.db, server.url, time.now);

    expect(await mail.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // Not due before the back-off has passed: one minute, then two.
    expect(await mail.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    time.advance(60_000);
    expect(await mail.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    time.advance(60_000);
    expect(await mail.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    time.advance(60_000);
    expect(await mail.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(server.received).toHaveLength(0);

    const admin = api.as("admin@demo.example");
    const [failed] = await admin.mail.outbox({ status: "failed" });
    expect(failed).toMatchObject({ status: "failed", attempts: 3, recipientEmail: "finance.0301@demo.example", kind: "reportReturned" });
    expect(failed?.failure?.code).toBe("REFUSED");
    expect(failed?.failure?.detail).toContain("451");
    expect((await admin.mail.status()).counts).toMatchObject({ failed: 1, sent: 0 });

    server.refuseWith = null;
    await admin.mail.retry({ id: failed?.id ?? 0 });
    expect(await mail.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(server.received).toHaveLength(1);
  });

  it("fails a permanent refusal (5xx) at once, without retries", async () => {
    const server = await smtp();
    const api = setupApi();
    const time = clock();
    queue(api.db, time.now, "finance.0301@demo.example", "returned:3", RETURNED("Sjekk"));
    server.refuseWith = { code: 550, message: "No such mailbox" };
    expect(await worker(api.db, server.url, time.now).runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [row] = listOutboxMessages(api.db, { limit: 1 });
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row?.lastError).toMatch(/^REFUSED: .*550/);
  });

  it("retries while the server is gone and sends once it is back", async () => {
    const server = await smtp();
    const port = Number(new URL(server.url).port);
    const api = setupApi();
    const time = clock();
    queue(api.db, time.now, "finance.0301@demo.example", "returned:4", RETURNED("Sjekk"));
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const mail = worker(api.db, server.url, time.now);
    expect(await mail.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(listOutboxMessages(api.db, { limit: 1 })[0]?.lastError).toMatch(/^UNREACHABLE: /);
    const back = await smtp(port);
    time.advance(60_000);
    expect(await mail.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(back.received).toHaveLength(1);
  });

  it("sends nothing twice when the process is killed between the server's acceptance and the record of it", async () => {
    const server = await smtp();
    const dir = mkdtempSync(join(tmpdir(), "malestokk-mail-"));
    try {
      const file = join(dir, "crash.db");
      const template = setupApi().sqlite.serialize();
      writeFileSync(file, template);
      const connection = createDb(file);
      const time = clock();
      queue(connection.db, time.now, "finance.0301@demo.example", "returned:5", RETURNED("Sjekk"));
      queue(connection.db, time.now, "manager.0301@demo.example", "returned:5", RETURNED("Sjekk"));

      const script = fileURLToPath(new URL("./fixtures/crash-after-hand-over.ts", import.meta.url));
      const child = spawn(process.execPath, ["--import", "tsx", script, file, server.url], { stdio: "ignore" });
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, s) => resolve(s)));
      expect(signal).toBe("SIGKILL");
      expect(server.received).toHaveLength(1);
      const [first, second] = listOutboxMessages(connection.db, { limit: 10 }).sort((a, b) => a.id - b.id);
      expect(first).toMatchObject({ status: "sending", attempts: 1 });
      expect(second).toMatchObject({ status: "queued", attempts: 0 });

      // The restart: the interrupted message is failed (it may have arrived), the other is sent.
      const restarted = worker(connection.db, server.url, time.now);
      expect(restarted.recover()).toBe(1);
      expect(await restarted.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      time.advance(24 * 3_600_000);
      expect(await restarted.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(server.received).toHaveLength(2);
      expect(new Set(server.received.map((m) => m.envelopeTo[0])).size).toBe(2);
      expect(getOutboxMessage(connection.db, first?.id ?? 0)).toMatchObject({ status: "failed", attempts: 1 });
      expect(getOutboxMessage(connection.db, first?.id ?? 0)?.lastError).toMatch(/^INTERRUPTED: /);
      connection.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
