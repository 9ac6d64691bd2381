import { existsSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";

import compression from "compression";
import type { Request, RequestHandler } from "express";

/**
 * Calls whose answers carry a secret (sign-in challenges, a TOTP key, recovery codes, reset links) or
 * a response to what the caller sent about one. They are never compressed: with compression, an attacker
 * who can add text to a request and watch the answer's size can learn a secret in it byte by byte
 * (BREACH). The rest of the API carries no secret, only figures, so its answers are compressed.
 */
const SECRET_NAMESPACES = ["auth."];
const SECRET_PROCEDURES = new Set(["admin.createUser", "admin.createResetLink"]);

/** Whether a tRPC request names a procedure whose answer carries a secret (batches name several). */
export function carriesSecret(req: Request): boolean {
  // The original URL: inside the /trpc mount, req.path has lost its prefix.
  const path = req.originalUrl.split("?")[0] ?? "";
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

/** Pages and API answers over 1 kB, gzip or brotli as the browser prefers (decision 015). */
export function dynamicCompression(): RequestHandler {
  return compression({
    threshold: 1024,
    filter: (req, res) => !carriesSecret(req) && compression.filter(req, res),
  });
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
