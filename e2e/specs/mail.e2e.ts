import type { AddressInfo } from "node:net";

import type { Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";
import { startServer, type RunningServer } from "../support/global-setup";

const browser = useBrowser();

/** A message as the loopback SMTP server took it: the envelope's recipients and the raw text. */
interface Delivered {
  readonly to: string[];
  readonly raw: string;
}

/** A real SMTP server on loopback; `refuse` names addresses it refuses (550) until taken off the set. */
interface Mailbox {
  readonly url: string;
  readonly delivered: Delivered[];
  readonly refuse: Set<string>;
  close(): Promise<void>;
}

async function startMailbox(): Promise<Mailbox> {
  const delivered: Delivered[] = [];
  const refuse = new Set<string>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) callback(Object.assign(new Error("5.1.1 Mailbox unavailable"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const { port } = smtp.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, delivered, refuse, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** A header of a raw message, unfolded. */
function headerOf(raw: string, name: string): string | null {
  const head = raw.split("\r\n\r\n")[0]?.replace(/\r\n[ \t]+/g, " ") ?? "";
  const line = head.split("\r\n").find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

async function waitFor<T>(what: string, probe: () => T | undefined | null, ms = 8_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function countOf(page: Page, status: string): Promise<string> {
  const item = page
    .getByTestId("mail-status")
    .getByRole("listitem")
    .filter({ hasText: `${status}:` });
  return ((await item.locator("strong").textContent()) ?? "").trim();
}

describe("notices by e-mail, end to end (issue 25)", () => {
  let mailbox: Mailbox;
  let server: RunningServer;
  beforeAll(async () => {
    mailbox = await startMailbox();
    // A server of its own, with mail on: the shared one runs without SMTP_URL, as a fresh install does.
    server = await startServer({
      env: {
        SMTP_URL: mailbox.url,
        MAIL_FROM: "Målestokk <noreply@e2e.example>",
        MAIL_INTERVAL_SECONDS: "0.2",
        SECRET_KEY: "an e2e key that is long enough for the secret box 0123456789",
      },
    });
  });
  afterAll(async () => {
    await server.stop();
    await mailbox.close();
  });

  it("shows the outbox to administrators, retries a refused message after asking, and unsubscribes by the link a message carried", async () => {
    const base = server.baseUrl;
    // A returned report notifies finance, with an unsubscribe link (an optional kind).
    const manager = await browser.newPage();
    await signIn(manager, base, "manager.5001@demo.example", "/kommune/5001/kostnader/2023");
    await manager.getByRole("button", { name: "Send tilbake" }).click();
    await manager.getByLabel("Kommentar til økonomi").fill("Lever tallene fra økonomisystemet");
    await manager.getByRole("dialog").getByRole("button", { name: "Send tilbake" }).click();
    await manager.getByTestId("report-returned").waitFor();

    // A reset link goes to the user alone; the mail server refuses that mailbox at first.
    mailbox.refuse.add("secretariat@demo.example");
    const admin = await browser.newPage();
    await signIn(admin, base, "admin@demo.example", "/admin/brukere");
    await admin
      .getByTestId("user-secretariat@demo.example")
      .getByRole("button", { name: "Lag passordlenke for Demo sekretariatet" })
      .click();
    await admin.getByTestId("reset-link-mailed").waitFor();

    const returned = await waitFor("the returned report's notice", () =>
      mailbox.delivered.find((m) => m.to.includes("finance.5001@demo.example")),
    );
    expect(returned.to).toEqual(["finance.5001@demo.example"]);
    expect(headerOf(returned.raw, "Auto-Submitted")).toBe("auto-generated");
    expect(headerOf(returned.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribeLink = /^<(.+)>$/.exec(headerOf(returned.raw, "List-Unsubscribe") ?? "")?.[1] ?? "";
    expect(unsubscribeLink.startsWith(`${base}/e-post/avmeld?token=`)).toBe(true);

    // Administrasjon → E-post: the counts, the table with the refusal's reason, the filter in the address.
    await admin.goto(`${base}/admin/e-post`);
    await admin.getByRole("heading", { level: 1, name: "E-post" }).waitFor();
    await admin.getByTestId("mail-on").waitFor();
    const table = admin.getByRole("table", { name: "Meldinger i utboksen" });
    const failed = table.getByTestId("mail-row-failed");
    await failed.waitFor();
    expect(await countOf(admin, "Sendt")).toBe("1");
    expect(await countOf(admin, "Feilet")).toBe("1");
    await expect.poll(() => failed.textContent()).toContain("secretariat@demo.example");
    expect(await failed.textContent()).toContain("Avvist av e-posttjeneren – 550 5.1.1 Mailbox unavailable");
    expect(await table.getByTestId("mail-row-sent").textContent()).toContain("En rapport er returnert");
    await expectNoSeriousA11yViolations(admin, "admin mail page");

    await admin.getByLabel("Vis").selectOption("failed");
    await expect.poll(() => table.getByRole("row").count()).toBe(2);
    expect(new URL(admin.url()).searchParams.get("status")).toBe("failed");

    // The retry asks first; cancelling changes nothing, confirming queues it, and the worker sends it.
    const retryButton = failed.getByRole("button", { name: "Prøv igjen: send til secretariat@demo.example" });
    await retryButton.click();
    const dialog = admin.getByRole("dialog", { name: "Send til secretariat@demo.example igjen?" });
    await dialog.waitFor();
    await expectNoSeriousA11yViolations(admin, "retry dialog", "dialog[open]");
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id ?? "")).toMatch(/^mail-retry-/);
    mailbox.refuse.clear();
    await retryButton.click();
    await dialog.getByRole("button", { name: "Send igjen" }).click();
    await admin.getByText("Meldingen er lagt i kø og sendes straks.").waitFor();
    const reset = await waitFor("the reset link", () => mailbox.delivered.find((m) => m.to.includes("secretariat@demo.example")));
    expect(headerOf(reset.raw, "List-Unsubscribe")).toBeNull();
    await admin.getByLabel("Vis").selectOption("");
    await expect.poll(async () => (await admin.reload(), countOf(admin, "Sendt"))).toBe("2");
    expect(await countOf(admin, "Feilet")).toBe("0");

    // The link from the message: the page asks first (a GET changes nothing), the button turns the kind off.
    const reader = await browser.newPage();
    await reader.goto(unsubscribeLink);
    await reader.getByRole("heading", { level: 1, name: "Avslutt varsler på e-post" }).waitFor();
    await reader.getByText("Du er i ferd med å slå av denne typen varsler: En rapport er returnert.").waitFor();
    await expectNoSeriousA11yViolations(reader, "unsubscribe page");
    await admin.reload();
    const recipients = admin.getByRole("table", { name: "Varsler hver bruker har slått av" });
    const financeRow = recipients.getByRole("row").filter({ hasText: "finance.5001@demo.example" });
    expect(await financeRow.textContent()).toContain("Får alle varsler");
    await reader.getByRole("button", { name: "Slå av" }).click();
    await reader.getByTestId("unsubscribe-done").waitFor();
    await expectNoSeriousA11yViolations(reader, "unsubscribed");

    // A mail client's one-click POST (RFC 8058) to the same address is taken too, and changes nothing more.
    const oneClick = await fetch(unsubscribeLink, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);

    await admin.reload();
    await expect.poll(() => financeRow.textContent()).toContain("En rapport er returnert");

    // The log says who retried what and how the notice was turned off.
    await admin.goto(`${base}/admin/logg`);
    await admin.getByText("«En rapport er returnert» slått av. Med lenken i en e-post.").waitFor();
    await admin.getByText(/«Lenke for å sette passord» til secretariat@demo\.example lagt i kø igjen/).waitFor();

    // Min konto shows the kind off.
    const finance = await browser.newPage();
    await signIn(finance, base, "finance.5001@demo.example", "/konto");
    const preferences = finance.getByTestId("mail-preferences");
    const box = preferences.getByRole("checkbox", { name: "En rapport er returnert" });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    expect(await preferences.getByRole("checkbox", { name: "En rapport venter på godkjenning" }).isChecked()).toBe(true);
  });
});
