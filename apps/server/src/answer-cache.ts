import { createHash } from "node:crypto";

import type { Request, RequestHandler, Response } from "express";

/** Where a kept answer belongs (the procedure, its input and whose drafts the reader sees) and the data it was computed at. */
export interface AnswerScope {
  readonly key: string;
  readonly version: string;
}

interface Kept {
  readonly version: string;
  readonly body: Buffer;
  readonly etag: string;
}

/** Kept answers within a count and a size, the least recently used given up first. */
export class AnswerCache {
  private readonly entries = new Map<string, Kept>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 1_000,
    // A series is about 5 kB, a profile about 30 kB: room for the hot reads of many readers within the memory target.
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
    this.bytes += kept.body.length;
    return kept;
  }

  /** Keeps the answer and gives its ETag (weak: the bytes sent may be compressed). */
  set(scope: AnswerScope, body: Buffer): string {
    const etag = `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    this.remove(scope.key);
    if (body.length > this.maxBytes / 8) return etag;
    this.entries.set(scope.key, { version: scope.version, body, etag });
    this.bytes += body.length;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(key);
    }
    return etag;
  }

  private remove(key: string): void {
    const kept = this.entries.get(key);
    if (!kept) return;
    this.bytes -= kept.body.length;
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
      res.end(kept.body);
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
