import { beginOidcSignIn, completeOidcSignIn, OIDC_CALLBACK_PATH, OidcSignInError, type Context } from "@malestokk/api";
import { secondFactorReturnPath } from "@malestokk/domain";
import { parse } from "cookie";
import { Router, type Request, type Response } from "express";

import type { Logger } from "./logger";

/** Lives only through one round trip to the provider; `__Host-` over HTTPS, as the session cookie. */
export function stateCookieName(https: boolean): string {
  return https ? "__Host-malestokk_oidc_state" : "malestokk_oidc_state";
}

const STATE_COOKIE_MS = 10 * 60_000;

export interface OidcRouteOptions {
  readonly https: boolean;
  /** The context carries PUBLIC_ORIGIN, the only base of the callback address (never the Host header). */
  readonly context: (req: Request, res: Response) => Context;
}

/**
 * The browser side of OpenID Connect: /auth/oidc/<slug>/start redirects to the provider, and the
 * provider redirects back to /auth/oidc/callback. A refusal goes to the start page with
 * ?innlogging=<reason>, which the sign-in page explains.
 */
export function oidcRoutes(options: OidcRouteOptions): Router {
  const router = Router();
  const cookieName = stateCookieName(options.https);
  const cookieBase = { httpOnly: true, sameSite: "lax" as const, secure: options.https, path: "/" };
  const refuse = (res: Response, error: unknown) => {
    const log = res.locals.log as Logger;
    if (error instanceof OidcSignInError) {
      log.warn({ reason: error.reason, detail: error.detail }, "OpenID Connect sign-in refused");
      res.redirect(303, `/?innlogging=${error.reason}`);
      return;
    }
    log.error({ err: error }, "OpenID Connect sign-in failed");
    res.redirect(303, "/?innlogging=providerError");
  };

  // Only the sign-in round trip: the router is mounted on the whole app.
  router.use("/auth", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  router.get("/auth/oidc/:slug/start", async (req, res) => {
    try {
      const returnTo = typeof req.query.returnTo === "string" ? req.query.returnTo : null;
      const { url, state } = await beginOidcSignIn(options.context(req, res), { slug: req.params.slug, returnTo });
      res.cookie(cookieName, state, { ...cookieBase, maxAge: STATE_COOKIE_MS });
      res.redirect(303, url);
    } catch (error) {
      refuse(res, error);
    }
  });

  router.get(OIDC_CALLBACK_PATH, async (req, res) => {
    const stateCookie = req.headers.cookie ? (parse(req.headers.cookie)[cookieName] ?? null) : null;
    // One try per state, whatever happens next.
    res.clearCookie(cookieName, cookieBase);
    try {
      const query = new URLSearchParams(req.originalUrl.split("?")[1] ?? "");
      const { returnTo, secondFactor } = await completeOidcSignIn(options.context(req, res), { query, stateCookie });
      // A role that needs MFA the provider did not show: the sign-in page asks for the local second factor.
      res.redirect(303, secondFactor ? secondFactorReturnPath(returnTo, secondFactor) : returnTo);
    } catch (error) {
      refuse(res, error);
    }
  });
  return router;
}
