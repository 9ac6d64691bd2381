import type { RequestHandler } from "express";
import helmet from "helmet";

import type { Logger } from "./logger";

/**
 * Security headers (docs/quality-targets.md#s-11). `upgrade-insecure-requests` is left out on plain HTTP:
 * a browser would then fetch the bundle over HTTPS and find nothing (helmetjs/helmet#429).
 */
function helmetHeaders(options: { https: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // recharts and Designsystemet set inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The security headers' names and values, as helmet sets them: computed once, since none depends on
 * the request (no nonces), instead of helmet building them again for every answer (issue 21, point 7).
 */
export function securityHeaderValues(options: { https: boolean }): Readonly<Record<string, string>> {
  const values: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => {
      values[name] = String(value);
    },
    removeHeader: () => undefined,
  };
  let done = false;
  helmetHeaders(options)({} as Parameters<RequestHandler>[0], recorder as unknown as Parameters<RequestHandler>[1], () => {
    done = true;
  });
  // helmet sets its headers at once; if a version ever did not, these values would be incomplete.
  if (!done) throw new Error("helmet did not set its headers synchronously");
  return Object.freeze(values);
}

/** Sets the security headers on every answer (docs/quality-targets.md#s-11). */
export function securityHeaders(options: { https: boolean }): RequestHandler {
  const values = Object.entries(securityHeaderValues(options));
  return (_req, res, next) => {
    for (const [name, value] of values) res.setHeader(name, value);
    next();
  };
}

export const CSRF_HEADER = "x-malestokk-csrf";

/** The origin (scheme, host and port) of a URL, or null when it has none. */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Cross-site request refusal for state-changing calls (ASVS 3.5, docs/quality-targets.md#s-6; decision 002):
 * SameSite=Lax cookies, plus a custom header that a cross-site form cannot send and a cross-site
 * script cannot send without a CORS preflight we never answer, plus Fetch Metadata and Origin.
 * The Origin must be the app's own in scheme, host and port: PUBLIC_ORIGIN when it is set, else
 * the address the request came to (http://host is another origin than https://host).
 */
export function refuseCrossSite(options: { publicOrigin?: string | undefined }): RequestHandler {
  const configured = options.publicOrigin ? originOf(options.publicOrigin) : null;
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const site = req.get("sec-fetch-site");
    const origin = req.get("origin");
    const host = req.get("host");
    let sameOrigin = true;
    if (site && site !== "same-origin" && site !== "none") sameOrigin = false;
    if (origin) {
      const expected = configured ?? (host ? originOf(`${req.protocol}://${host}`) : null);
      const actual = originOf(origin);
      if (expected === null || actual !== expected) {
        sameOrigin = false;
        // Behind a TLS proxy without PUBLIC_ORIGIN (or TRUST_PROXY) the server thinks it is on http.
        if (!configured && actual && expected && new URL(actual).host === new URL(expected).host) {
          (res.locals.log as Logger | undefined)?.warn(
            { origin: actual, expected },
            "refused a request from the same host with another scheme; behind an HTTPS proxy, set PUBLIC_ORIGIN to the address users reach the app at",
          );
        }
      }
    }
    if (!sameOrigin || req.get(CSRF_HEADER) !== "1") {
      res.status(403).json({
        error: {
          message: "Cross-site request refused",
          code: -32003,
          data: {
            code: "FORBIDDEN",
            httpStatus: 403,
            appError: { code: "FORBIDDEN", params: { reason: "CSRF" }, issues: [] },
            errorId: null,
          },
        },
      });
      return;
    }
    next();
  };
}
