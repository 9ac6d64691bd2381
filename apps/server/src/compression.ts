import { existsSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions, type ZlibOptions } from "node:zlib";

import compression from "compression";
import type { RequestHandler, Response } from "express";
import Negotiator from "negotiator";

/**
 * A request as Node hands it over, or as Express passes it on: a kept answer is sent before Express
 * has seen the request (decision 042), so what both paths read of it must not need Express.
 */
export type PlainRequest = IncomingMessage & { readonly originalUrl?: string };

/** The URL as the client asked for it: inside a mounted router, Express's req.url has lost its prefix. */
export function urlOf(req: PlainRequest): string {
  return req.originalUrl ?? req.url ?? "/";
}

/**
 * Calls whose answers carry a secret (sign-in challenges, a TOTP key, recovery codes, reset links) or
 * a response to what the caller sent about one. They are never compressed: with compression, an attacker
 * who can add text to a request and watch the answer's size can learn a secret in it byte by byte
 * (BREACH). The rest of the API carries no secret, only figures, so its answers are compressed.
 */
const SECRET_NAMESPACES = ["auth."];
const SECRET_PROCEDURES = new Set(["admin.createUser", "admin.createResetLink"]);

/** Whether a tRPC request names a procedure whose answer carries a secret (batches name several). */
export function carriesSecret(req: PlainRequest): boolean {
  const path = urlOf(req).split("?")[0] ?? "";
  if (path.startsWith("/auth/")) return true;
  if (!path.startsWith("/trpc/")) return false;
  let procedures: string[];
  try {
    procedures = decodeURIComponent(path.slice("/trpc/".length)).split(",");
  } catch {
    return true;
  }
  return procedures.some((name) => SECRET_PROCEDURES.has(name) || SECRET_NAMESPACES.some((prefix) => name.startsWith(prefix)));
}

const THRESHOLD_BYTES = 1024;
/** Up to this size an answer is compressed in one synchronous call (well under a millisecond); larger ones on the thread pool. */
const SYNC_LIMIT_BYTES = 64 * 1024;
const BROTLI: BrotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const GZIP: ZlibOptions = { level: 6 };

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

function toBuffer(chunk: Chunk, encoding: unknown): Buffer {
  return typeof chunk === "string"
    ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
    : Buffer.from(chunk);
}

/** The encoding the request's client prefers of ours, brotli first. */
function acceptedEncoding(req: PlainRequest): "br" | "gzip" | null {
  const negotiator = new Negotiator(req);
  return negotiator.encoding(["br"]) === "br" ? "br" : negotiator.encoding(["gzip"]) === "gzip" ? "gzip" : null;
}

/** How an answer of `length` bytes to this request is compressed by the rule below, or null when it is sent as it is. */
export function encodingFor(req: PlainRequest, length: number): "br" | "gzip" | null {
  return req.method === "HEAD" || length < THRESHOLD_BYTES || carriesSecret(req) ? null : acceptedEncoding(req);
}

/** One answer compressed at once, with the settings below. */
export function compressNow(body: Buffer, encoding: "br" | "gzip"): Buffer {
  return encoding === "br" ? brotliCompressSync(body, BROTLI) : gzipSync(body, GZIP);
}

function compress(body: Buffer, encoding: "br" | "gzip", done: (error: Error | null, out: Buffer) => void): void {
  if (body.length <= SYNC_LIMIT_BYTES) {
    done(null, compressNow(body, encoding));
    return;
  }
  if (encoding === "br") brotliCompress(body, BROTLI, done);
  else gzip(body, GZIP, done);
}

/**
 * Pages and API answers over 1 kB, gzip or brotli as the browser prefers (decision 015). The answer
 * is gathered whole and compressed in one call: our dynamic answers are small, complete JSON or HTML
 * (no streaming), and a compression stream per answer cost more than the rest of a benchmark read
 * together (issue 21, point 7). An answer that is already encoded (a precompressed file), not
 * compressible, marked no-transform or that carries a secret passes as it is.
 */
export function dynamicCompression(): RequestHandler {
  return (req, res, next) => {
    if (req.method === "HEAD" || carriesSecret(req)) return next();
    const chunks: Buffer[] = [];
    const originalWrite = res.write.bind(res) as (...args: unknown[]) => boolean;
    const originalEnd = res.end.bind(res) as (...args: unknown[]) => Response;
    // Passing through once the answer turned out not to be for us (an encoded or streamed file).
    let passing = false;
    const decide = (): boolean => {
      if (!passing && (res.headersSent || res.getHeader("Content-Encoding") !== undefined || !compression.filter(req, res))) passing = true;
      return passing;
    };
    res.write = function write(chunk: Chunk, encoding?: unknown, callback?: unknown): boolean {
      const cb = (typeof encoding === "function" ? encoding : callback) as Callback | undefined;
      if (decide()) return originalWrite(chunk, encoding, callback);
      chunks.push(toBuffer(chunk, encoding));
      if (cb) process.nextTick(cb);
      return true;
    } as Response["write"];
    res.end = function end(chunk?: unknown, encoding?: unknown, callback?: unknown): Response {
      const args = [chunk, encoding, callback];
      const cb = args.find((arg): arg is () => void => typeof arg === "function");
      const data = typeof chunk === "string" || chunk instanceof Uint8Array ? chunk : undefined;
      if (decide()) return originalEnd(chunk, encoding, callback);
      if (data !== undefined) chunks.push(toBuffer(data, encoding));
      const body = Buffer.concat(chunks);
      res.vary("Accept-Encoding");
      const status = res.statusCode;
      const chosen = acceptedEncoding(req);
      if (!chosen || body.length < THRESHOLD_BYTES || status === 204 || status === 304) {
        // A 204 or 304 has no body, and its headers describe none.
        if (status !== 204 && status !== 304) res.setHeader("Content-Length", body.length);
        return originalEnd(body, cb);
      }
      compress(body, chosen, (error, out) => {
        if (error) {
          res.setHeader("Content-Length", body.length);
          originalEnd(body, cb);
          return;
        }
        res.setHeader("Content-Encoding", chosen);
        res.setHeader("Content-Length", out.length);
        originalEnd(out, cb);
      });
      return res;
    } as Response["end"];
    next();
  };
}

const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/**
 * Sends the brotli or gzip copy that the build wrote beside a static file (scripts/precompress.mjs)
 * when the browser accepts it: the file is compressed once, at the highest level, instead of on every
 * request. express.static still serves it (its path checks and headers); this only points it at the copy.
 */
export function precompressedFiles(dir: string): RequestHandler {
  const root = resolve(dir);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || extname(file) === "") return next();
    const variants = ENCODINGS.filter((encoding) => existsSync(file + encoding.suffix));
    if (variants.length === 0) return next();
    // Caches must keep the copies apart, whichever one this answer is.
    res.vary("Accept-Encoding");
    // Brotli first when both are accepted (smaller); browsers list gzip first without preferring it.
    const chosen = variants.find((v) => req.acceptsEncodings(v.name) === v.name);
    if (!chosen) return next();
    res.type(extname(file));
    res.setHeader("Content-Encoding", chosen.name);
    req.url = req.url.replace(/^[^?]*/, (pathname) => pathname + chosen.suffix);
    next();
  };
}
