import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";
import type { Db } from "@malestokk/db";
import { afterEach } from "vitest";

import { createSecretBox } from "../auth/secret-box";
import { createSmtpTransport, MailWorker, type MailWorkerOptions } from "./worker";

/** A message as the loopback SMTP server received it, decoded enough to assert on. */
export interface ReceivedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface TestSmtp {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** A reply to give instead of accepting the next messages (e.g. 451 or 550), or null to accept. */
  refuseWith: { code: number; message: string } | null;
  /** How many SMTP connections clients opened. */
  connections: number;
  close(): Promise<void>;
}

/** A real SMTP server on loopback (tests only): no TLS, no authentication, every message kept. */
export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: "",
    received: [],
    refuseWith: null,
    connections: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A pooled client keeps its connection open: closing the server ends it at once rather than after 30 s.
    closeTimeout: 10,
    onConnect(_session, callback) {
      state.connections += 1;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.refuseWith) {
          const error = Object.assign(new Error(state.refuseWith.message), { responseCode: state.refuseWith.code });
          callback(error);
          return;
        }
        const from = session.envelope.mailFrom;
        state.received.push({
          envelopeFrom: from ? from.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const address = server.server.address() as AddressInfo;
  return Object.assign(state, { url: `smtp://127.0.0.1:${address.port}` });
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(decodeQ(text.replace(/_/g, " ")), "latin1").toString("utf8"),
    );
}

function decodeQ(text: string): string {
  return text.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return Buffer.from(decodeQ(body.replace(/=\r\n/g, "")), "latin1").toString("utf8");
  return body;
}

function parseMessage(raw: string): Pick<ReceivedMail, "headers" | "subject" | "text" | "html"> {
  const split = raw.indexOf("\r\n\r\n");
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const parts = { text: "", html: "" };
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  const sections = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw.slice(0, split) + "\r\n\r\n" + body];
  for (const section of sections) {
    const cut = section.indexOf("\r\n\r\n");
    const partHeaders = parseHeaders(section.slice(0, cut).replace(/^\r\n/, ""));
    const decoded = decodeBody(section.slice(cut + 4).replace(/\r\n$/, ""), partHeaders.get("content-transfer-encoding"));
    if ((partHeaders.get("content-type") ?? "").startsWith("text/html")) parts.html = decoded;
    else parts.text = decoded.replace(/\r\n/g, "\n");
  }
  return { headers, subject: headers.get("subject") ?? "", ...parts };
}

/** Mail on, as the tests' context has it. */
export const TEST_MAIL_ON = { enabled: true, from: "Målestokk <noreply@malestokk.test>" } as const;

/** Starts loopback SMTP servers for a test file's tests; each is closed after its test. */
export function smtpPerTest(): () => Promise<TestSmtp> {
  const servers: TestSmtp[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });
  return async () => {
    const server = await startTestSmtp();
    servers.push(server);
    return server;
  };
}

/** A worker that sends `db`'s outbox to a test server, with links to https://malestokk.test. */
export function testMailWorker(db: Db, server: TestSmtp, options: Partial<MailWorkerOptions> = {}): MailWorker {
  return new MailWorker({
    db,
    transport: createSmtpTransport(server.url),
    from: TEST_MAIL_ON.from,
    baseUrl: "https://malestokk.test",
    secrets: createSecretBox(null),
    unsubscribeKey: Buffer.alloc(32, 3),
    ...options,
  });
}
