import type { Db } from "@malestokk/db";

import { AppError } from "../errors";
import { authenticateApiToken, type ApiTokenRefusal, type ApiTokenViewer } from "./api-tokens.service";

/** The parts of Express's request and response the middleware uses, so this package needs no Express. */
export interface ApiTokenRequest {
  readonly headers: { readonly authorization?: string | undefined };
  readonly ip?: string | undefined;
}
export interface ApiTokenResponse {
  locals: Record<string, unknown>;
  status(code: number): this;
  set(field: string, value: string): this;
  json(body: unknown): this;
}

// ASCII only: a header value takes no other characters.
const DESCRIPTIONS: Record<ApiTokenRefusal, string> = {
  malformed: "The Authorization header is not Bearer followed by a Malestokk API token (mlst_...)",
  unknown: "The token is not known",
  revoked: "The token has been revoked",
  expired: "The token has expired",
  inactive: "The token's creator may no longer manage the organisation's tokens",
};

function refusalOf(error: unknown): ApiTokenRefusal | null {
  if (!(error instanceof AppError) || error.appCode !== "UNAUTHORIZED") return null;
  const reason = error.params["reason"];
  return typeof reason === "string" && reason in DESCRIPTIONS ? (reason as ApiTokenRefusal) : null;
}

/**
 * Express middleware for `/api/v1`: without an `Authorization` header it passes on with no viewer;
 * with a valid token it sets `res.locals.apiViewer` (an `ApiTokenViewer`); any other header is
 * answered here with 401 and `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1).
 */
export function apiTokenMiddleware(db: Db, options: { readonly now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  return (req: ApiTokenRequest, res: ApiTokenResponse, next: (error?: unknown) => void): void => {
    let viewer: ApiTokenViewer | null;
    try {
      viewer = authenticateApiToken(db, req.headers.authorization, now(), { ip: req.ip ?? null });
    } catch (error) {
      const reason = refusalOf(error);
      if (reason === null) {
        next(error);
        return;
      }
      res
        .status(401)
        .set("WWW-Authenticate", `Bearer error="invalid_token", error_description="${DESCRIPTIONS[reason]}"`)
        .set("Cache-Control", "no-store")
        .json({ error: "invalid_token", error_description: DESCRIPTIONS[reason] });
      return;
    }
    if (viewer) res.locals["apiViewer"] = viewer;
    next();
  };
}
