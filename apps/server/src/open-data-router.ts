import {
  answerOpenData,
  getOpenDataLicence,
  OPEN_DATA_ENDPOINTS,
  OPEN_DATA_OPENAPI,
  OpenDataAnswerCache,
  strongEtag,
  type OpenDataAnswer,
  type OpenDataEndpoint,
  type OpenDataViewer,
} from "@malestokk/api";
import type { DbOrTx } from "@malestokk/db";
import express, { type Request, type Response } from "express";

import { DEFAULT_RATE_LIMIT, RequestBudget, setRateLimitHeaders, type RateLimit } from "./open-data-rate-limit";

/**
 * The public read API under /api/v1 (docs/open-data.md#api): plain GET, no sign-in, published data
 * only; a token's viewer (set by the token middleware as `res.locals.apiViewer`) also reads its own
 * organisation's figures, drafts included. Every answer carries a strong ETag, Cache-Control, CORS
 * open to every origin and the licence; each address has a request budget per window.
 */

/** Published data is fresh enough for five minutes in a shared cache; the ETag makes the check after that cheap. */
const PUBLIC_MAX_AGE_SECONDS = 300;

export interface OpenDataRouterOptions {
  readonly db: DbOrTx;
  /** Who reads through a token, or null for anyone; by default what the token middleware left in `res.locals.apiViewer`. */
  readonly resolveViewer?: (req: Request, res: Response) => OpenDataViewer | null;
  readonly now?: () => Date;
  readonly rateLimit?: RateLimit;
  /** The budget the API shares with the open pages' tRPC reads (app.ts); a budget of its own by `rateLimit` if none. */
  readonly budget?: RequestBudget;
  /** Built answers kept per normalized request and data version (docs/open-data.md#caching); null builds every answer anew. */
  readonly answers?: OpenDataAnswerCache | null;
}

const defaultViewer = (_req: Request, res: Response): OpenDataViewer | null => (res.locals.apiViewer as OpenDataViewer | undefined) ?? null;

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag;
  });
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type("application/json")
    .send(JSON.stringify({ error: { code, message } }));
}

export function createOpenDataRouter(options: OpenDataRouterOptions): express.Router {
  const { db } = options;
  const resolveViewer = options.resolveViewer ?? defaultViewer;
  const now = options.now ?? (() => new Date());
  const budget = options.budget ?? new RequestBudget(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const { rule } = budget;
  const answers = options.answers === undefined ? new OpenDataAnswerCache() : options.answers;
  const router = express.Router();

  router.use((req, res, next) => {
    // Anyone may read from any site; a Bearer token is a header, not a credential the browser adds, so no Allow-Credentials.
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Expose-Headers", "ETag, Link, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset");
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", "Authorization, If-None-Match");
      res.setHeader("Access-Control-Max-Age", "86400");
      res.status(204).end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD, OPTIONS");
      res.setHeader("Cache-Control", "no-store");
      sendError(res, 405, "METHOD_NOT_ALLOWED", "The open data API only reads: use GET.");
      return;
    }
    const spent = budget.take(req.ip ?? "unknown", now().getTime());
    setRateLimitHeaders(res, rule, spent);
    if (spent.retryAfter !== null) {
      sendError(
        res,
        429,
        "RATE_LIMITED",
        `More than ${rule.limit} requests in ${rule.windowSeconds} seconds from this address: wait ${spent.retryAfter} seconds.`,
      );
      return;
    }
    next();
  });

  /** Sends an answer with its validator: 304 when the client holds it already. */
  const send = (req: Request, res: Response, viewer: OpenDataViewer | null, answer: OpenDataAnswer) => {
    // A token's answer holds drafts: no cache keeps it. A public one may be shared, but never for a token request at the same address.
    res.setHeader("Cache-Control", viewer ? "private, no-store" : `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    res.vary("Authorization");
    const licence = getOpenDataLicence(db);
    res.setHeader("Link", `<${licence.url}>; rel="license"`);
    if (answer.status !== 200) {
      res.setHeader("Cache-Control", "no-store");
      res.status(answer.status).type(answer.contentType).send(answer.body);
      return;
    }
    res.setHeader("ETag", answer.etag);
    if (matchesEtag(req.headers["if-none-match"], answer.etag)) {
      res.status(304).end();
      return;
    }
    res.status(200).type(answer.contentType).send(answer.body);
  };

  const openApiBody = JSON.stringify(OPEN_DATA_OPENAPI);
  const openApi: OpenDataAnswer = {
    status: 200,
    contentType: "application/json; charset=utf-8",
    body: openApiBody,
    etag: strongEtag(openApiBody),
  };
  router.get("/openapi.json", (req, res) => {
    send(req, res, null, openApi);
  });

  router.get("/:endpoint", (req, res) => {
    const endpoint = req.params.endpoint;
    if (!(OPEN_DATA_ENDPOINTS as readonly string[]).includes(endpoint)) {
      res.setHeader("Cache-Control", "no-store");
      sendError(res, 404, "NOT_FOUND", `No endpoint "${endpoint}". The endpoints are ${OPEN_DATA_ENDPOINTS.join(", ")} and openapi.json.`);
      return;
    }
    const viewer = resolveViewer(req, res);
    const answer = answerOpenData(db, { endpoint: endpoint as OpenDataEndpoint, query: req.query, viewer, now: now() }, answers);
    send(req, res, viewer, answer);
  });

  router.use((_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    sendError(res, 404, "NOT_FOUND", `The endpoints are /api/v1/${OPEN_DATA_ENDPOINTS.join(", /api/v1/")} and /api/v1/openapi.json.`);
  });
  return router;
}
