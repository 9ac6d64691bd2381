import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";

import type { RequestHandler, Response } from "express";

import { compressNow, encodingFor, type PlainRequest } from "./compression";

/** Where a kept answer belongs (the procedure, its input and whose drafts the reader sees) and the data it was computed at. */
export interface AnswerScope {
  readonly key: string;
  readonly version: string;
  /** A batch's calls, in order: the key of each call's answer kept alone. */
  readonly calls?: readonly string[] | null;
}

type Encoding = "br" | "gzip";

const OPEN = Buffer.from("[");
const COMMA = Buffer.from(",");
const CLOSE = Buffer.from("]");

interface Kept {
  readonly key: string;
  readonly version: string;
  readonly body: Buffer;
  readonly etag: string;
  /** The body compressed, once per encoding asked for. */
  readonly encoded: Partial<Record<Encoding, Buffer>>;
  /** The body's bytes and its compressed copies'. */
  bytes: number;
}

/** Kept answers within a count and a size, the least recently used given up first. */
export class AnswerCache {
  private readonly entries = new Map<string, Kept>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 1_000,
    // A series answer is about 4 kB: room for the hot reads of many readers within the memory target (P-11).
    private readonly maxBytes = 8 * 1024 * 1024,
  ) {}

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  get(scope: AnswerScope): Kept | undefined {
    const kept = this.entries.get(scope.key);
    if (!kept) return undefined;
    this.remove(scope.key);
    if (kept.version !== scope.version) return undefined;
    this.entries.set(scope.key, kept);
    this.bytes += kept.bytes;
    return kept;
  }

  /** Keeps the answer and gives its ETag (weak: the bytes sent may be compressed). */
  set(scope: AnswerScope, body: Buffer): string {
    return this.keep(scope, body).etag;
  }

  /** Keeps the answer (unless it is larger than an eighth of the whole) and gives it with its ETag. */
  keep(scope: AnswerScope, body: Buffer): Kept {
    const kept: Kept = {
      key: scope.key,
      version: scope.version,
      body,
      etag: `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`,
      encoded: {},
      bytes: body.length,
    };
    this.remove(scope.key);
    if (body.length > this.maxBytes / 8) return kept;
    this.entries.set(scope.key, kept);
    this.bytes += body.length;
    this.trim();
    return kept;
  }

  /**
   * A batch's answer: kept whole, or made of its calls' answers kept alone (a tRPC batch answers
   * `[answer, answer, …]`, each as the call alone would be answered), then kept whole for its own
   * ETag and compressed copies. Undefined while any call's answer is missing or stale.
   */
  getBatch(scope: AnswerScope): Kept | undefined {
    const whole = this.get(scope);
    if (whole || !scope.calls) return whole;
    const parts: Buffer[] = [];
    for (const key of scope.calls) {
      const part = this.get({ key, version: scope.version });
      if (!part) return undefined;
      parts.push(parts.length === 0 ? OPEN : COMMA, part.body);
    }
    parts.push(CLOSE);
    return this.keep(scope, Buffer.concat(parts));
  }

  /** The kept answer compressed with decision 015's settings: compressed once, the first time it is asked for so. */
  encoded(kept: Kept, encoding: Encoding): Buffer {
    const known = kept.encoded[encoding];
    if (known) return known;
    const out = compressNow(kept.body, encoding);
    kept.encoded[encoding] = out;
    kept.bytes += out.length;
    if (this.entries.get(kept.key) === kept) {
      this.bytes += out.length;
      this.trim();
    }
    return out;
  }

  private trim(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(key);
    }
  }

  private remove(key: string): void {
    const kept = this.entries.get(key);
    if (!kept) return;
    this.bytes -= kept.bytes;
    this.entries.delete(key);
  }
}

/** If-None-Match names the tag (compared weakly, RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}

function toBuffer(chunk: unknown): Buffer | null {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

/** What the first handler needs of the app to answer a kept read as every other answer is answered. */
export interface KeptAnswerOptions {
  /** The request's scope (session check and authorization first), or null when its answer may not be kept. */
  readonly scope: (req: PlainRequest, res: ServerResponse) => AnswerScope | null;
  /** Headers every answer carries (the security headers), computed once. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request's id (the client's plain one, or a new one). */
  readonly requestId: (req: PlainRequest) => string;
  /** The request's log line and metrics, once it is answered. */
  readonly answered: (req: PlainRequest, requestId: string, status: number, started: bigint) => void;
}

/** The answers this handler may send from the cache: GET reads of benchmarks.* (a call alone or a batch of them). */
const KEPT_PATH = "/trpc/benchmarks.";

/**
 * The server's first step for every request (issue 21, point 7; decision 042): sends a kept answer
 * again (or 304 to its ETag), with the headers the app's middleware would have set, after the session
 * check and authorization that `scope` makes, and says whether it did. It runs on the request as Node
 * hands it over, before Express: Express gives each request and response its own prototypes, which
 * cost more than sending a kept answer. Anything else, and a read whose answer is not kept, is left to
 * the app (to `answerCache`, which keeps it as it is sent).
 */
export function sendKeptAnswers(cache: AnswerCache, options: KeptAnswerOptions): (req: PlainRequest, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== "GET" || !req.url?.startsWith(KEPT_PATH)) return false;
    const started = process.hrtime.bigint();
    const where = options.scope(req, res);
    const kept = where && (where.calls ? cache.getBatch(where) : cache.get(where));
    if (!kept) return false;
    const requestId = options.requestId(req);
    const headers: Record<string, string | number> = {
      ...options.headers,
      "X-Request-Id": requestId,
      // The answer is this reader's (their drafts): only their browser may keep it, and must ask again.
      "Cache-Control": "private, no-cache",
      Vary: "Cookie, Accept-Encoding",
      ETag: kept.etag,
    };
    if (matches(req.headers["if-none-match"], kept.etag)) {
      res.writeHead(304, headers).end();
    } else {
      // Compressed as dynamicCompression would, but once per kept answer rather than on every request.
      const encoding = req.headers["accept-encoding"] ? encodingFor(req, kept.body.length) : null;
      const body = encoding ? cache.encoded(kept, encoding) : kept.body;
      headers["Content-Type"] = "application/json";
      if (encoding) headers["Content-Encoding"] = encoding;
      headers["Content-Length"] = body.length;
      res.writeHead(200, headers).end(body);
    }
    options.answered(req, requestId, res.statusCode, started);
    return true;
  };
}

/**
 * Keeps a 200 answer to a read that `scope` allows as it is sent (a batch's also per call), with
 * its ETag; `sendKeptAnswers` sends it again. `scope` makes the session check and the authorization
 * and says where the answer belongs: null leaves the request to tRPC alone, which then answers as
 * always (401, 403, the procedure's own checks).
 */
export function answerCache(cache: AnswerCache, scope: (req: PlainRequest, res: ServerResponse) => AnswerScope | null): RequestHandler {
  return (req, res, next) => {
    const where = req.method === "GET" ? scope(req, res) : null;
    if (!where) return next();
    res.setHeader("Cache-Control", "private, no-cache");
    res.vary("Cookie");
    const chunks: Buffer[] = [];
    let keepable = true;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = function (chunk: unknown, ...rest: unknown[]): boolean {
      const buffer = toBuffer(chunk);
      if (buffer && typeof rest[0] !== "string") chunks.push(Buffer.from(buffer));
      else keepable = false;
      return write(chunk, ...rest);
    } as Response["write"];
    res.end = function (chunk?: unknown, ...rest: unknown[]): Response {
      if (chunk !== undefined && typeof chunk !== "function") {
        const buffer = toBuffer(chunk);
        if (buffer && typeof rest[0] !== "string") chunks.push(Buffer.from(buffer));
        else keepable = false;
      }
      if (res.statusCode === 200 && keepable && !res.headersSent) {
        const body = Buffer.concat(chunks);
        res.setHeader("ETag", cache.keep(where, body).etag);
        if (where.calls) keepCalls(cache, where, body);
      } else if (!res.headersSent) {
        // An error or a refusal is not the reader's data: stored by nobody, as every API answer.
        res.setHeader("Cache-Control", "no-store");
      }
      return end(chunk, ...rest);
    } as Response["end"];
    next();
  };
}

/** Keeps each call's answer of a batch's (a JSON array of them) under the key the call alone has; an error is not kept. */
function keepCalls(cache: AnswerCache, where: AnswerScope, body: Buffer): void {
  let answers: unknown;
  try {
    answers = JSON.parse(body.toString("utf8"));
  } catch {
    return;
  }
  if (!Array.isArray(answers) || answers.length !== where.calls?.length) return;
  where.calls.forEach((key, i) => {
    const answer: unknown = answers[i];
    // Serialized again as tRPC serializes the call alone (JSON.stringify), to the same bytes.
    if (typeof answer === "object" && answer !== null && "result" in answer && !("error" in answer))
      cache.keep({ key, version: where.version }, Buffer.from(JSON.stringify(answer)));
  });
}
