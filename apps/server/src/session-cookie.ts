import type { IncomingMessage } from "node:http";

import type { SessionCookies } from "@malestokk/api";
import { parse } from "cookie";
import type { Response } from "express";

/** `__Host-` pins the cookie to this host and path / and requires Secure, so only over HTTPS. */
export function sessionCookieName(https: boolean): string {
  return https ? "__Host-malestokk_session" : "malestokk_session";
}

export function readSessionToken(req: IncomingMessage, https: boolean): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parse(header)[sessionCookieName(https)] ?? null;
}

export function sessionCookies(res: Response, https: boolean): SessionCookies {
  const name = sessionCookieName(https);
  const base = { httpOnly: true, sameSite: "lax" as const, secure: https, path: "/" };
  return {
    set: (token, expiresAt) => res.cookie(name, token, { ...base, expires: expiresAt }),
    clear: () => res.clearCookie(name, base),
  };
}
