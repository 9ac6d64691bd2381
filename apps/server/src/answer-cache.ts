import { createHash } from "node:crypto";

import type { Request, RequestHandler, Response } from "express";

import { compressNow, encodingFor } from "./compression";

/** Where a kept answer belongs (the procedure, its input and whose drafts the reader sees) and the data it was computed at. */
export interface AnswerScope {
  readonly key: string;
  readonly version: string;
}

type Encoding = "br" | "gzip";

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
    const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    this.remove(scope.key);
    if (body.length > this.maxBytes / 8) return etag;
    this.entries.set(scope.key, { key: scope.key, version: scope.version, body, etag, encoded: {}, bytes: body.length });
    this.bytes += body.length;
    this.trim();
    return etag;
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

/**
 * Sends a kept answer again (or 304 to its ETag) without tRPC parsing, running or validating it; on
 * a miss lets the request through and keeps a 200 answer as it is sent. `scope` makes the session
 * check and the authorization and says where the answer belongs: null leaves the request to tRPC
 * alone, which then answers as always (401, 403, the procedure's own checks).
 */
export function answerCache(cache: AnswerCache, scope: (req: Request, res: Response) => AnswerScope | null): RequestHandler {
  return (req, res, next) => {
    const where = req.method === "GET" ? scope(req, res) : null;
    if (!where) return next();
    const kept = cache.get(where);
    // The answer is this reader's (their drafts): only their browser may keep it, and must ask again.
    res.setHeader("Cache-Control", "private, no-cache");
    res.vary("Cookie");
    if (kept) {
      res.setHeader("ETag", kept.etag);
      if (matches(req.get("if-none-match"), kept.etag)) {
        res.status(304).end();
        return;
      }
      res.status(200).setHeader("Content-Type", "application/json");
      // Compressed as dynamicCompression would, but once per kept answer rather than on every request.
      const encoding = encodingFor(req, kept.body.length);
      res.vary("Accept-Encoding");
      const body = encoding ? cache.encoded(kept, encoding) : kept.body;
      if (encoding) res.setHeader("Content-Encoding", encoding);
      res.setHeader("Content-Length", body.length);
      res.end(body);
      return;
    }
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
        res.setHeader("ETag", cache.set(where, Buffer.concat(chunks)));
      } else if (!res.headersSent) {
        // An error or a refusal is not the reader's data: stored by nobody, as every API answer.
        res.setHeader("Cache-Control", "no-store");
      }
      return end(chunk, ...rest);
    } as Response["end"];
    next();
  };
}
