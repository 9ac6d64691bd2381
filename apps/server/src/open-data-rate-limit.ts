import type { Request, RequestHandler, Response } from "express";

/**
 * The request budget of anonymous public reads per client address (docs/open-data.md#api): the HTTP API
 * under /api/v1 and the open pages' tRPC reads (`open.*`) draw on one budget, so a script cannot double
 * its share by reading through the other door. Signed-in users' calls never count.
 */

export interface RateLimit {
  /** Requests per address per window. */
  readonly limit: number;
  readonly windowSeconds: number;
}

/** 120 requests a minute per address: a script reading every municipality's series one by one finishes in minutes. */
export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 120, windowSeconds: 60 };

export interface Spent {
  /** The seconds to wait when the address has spent its budget, else null (and the request is counted). */
  readonly retryAfter: number | null;
  readonly remaining: number;
  readonly resetsIn: number;
}

/** A fixed window per address: counts reset when the window ends. */
export class RequestBudget {
  private readonly counts = new Map<string, { count: number; resetsAt: number }>();
  constructor(readonly rule: RateLimit = DEFAULT_RATE_LIMIT) {}

  /** Counts `cost` requests of the address unless that would overspend its budget; then nothing is counted. */
  take(address: string, now: number, cost = 1): Spent {
    let entry = this.counts.get(address);
    if (!entry || entry.resetsAt <= now) {
      if (this.counts.size > 10_000) for (const [key, e] of this.counts) if (e.resetsAt <= now) this.counts.delete(key);
      entry = { count: 0, resetsAt: now + this.rule.windowSeconds * 1000 };
      this.counts.set(address, entry);
    }
    const resetsIn = Math.max(1, Math.ceil((entry.resetsAt - now) / 1000));
    if (entry.count + cost > this.rule.limit) return { retryAfter: resetsIn, remaining: this.rule.limit - entry.count, resetsIn };
    entry.count += cost;
    return { retryAfter: null, remaining: this.rule.limit - entry.count, resetsIn };
  }
}

/** The draft standard's headers (RateLimit-*), and Retry-After with no-store when the budget is spent. */
export function setRateLimitHeaders(res: Response, rule: RateLimit, spent: Spent): void {
  res.setHeader("RateLimit-Limit", String(rule.limit));
  res.setHeader("RateLimit-Remaining", String(spent.remaining));
  res.setHeader("RateLimit-Reset", String(spent.resetsIn));
  if (spent.retryAfter !== null) {
    res.setHeader("Retry-After", String(spent.retryAfter));
    res.setHeader("Cache-Control", "no-store");
  }
}

export interface OpenReadLimitOptions {
  readonly budget: RequestBudget;
  readonly now: () => Date;
  /** Whether the request carries a valid session: a signed-in user's calls are not counted. */
  readonly isSignedIn: (req: Request, res: Response) => boolean;
}

/**
 * Counts an anonymous caller's `open.*` tRPC reads (mounted at /trpc), each call of a batch as one request,
 * and refuses them with 429 and Retry-After when the address has spent its budget. The refusal has the
 * shape of a tRPC error (`data.appError` RATE_LIMITED with `retryAfterSeconds`), one per call of a batch,
 * so the open pages show it in the reader's language.
 */
export function limitAnonymousOpenReads(options: OpenReadLimitOptions): RequestHandler {
  return (req, res, next) => {
    const calls = decodeURIComponent(req.path.slice(1)).split(",");
    if (!calls.some((call) => call.startsWith("open.")) || options.isSignedIn(req, res)) return next();
    const { rule } = options.budget;
    const spent = options.budget.take(req.ip ?? "unknown", options.now().getTime(), calls.length);
    setRateLimitHeaders(res, rule, spent);
    if (spent.retryAfter === null) return next();
    const message = `More than ${rule.limit} requests in ${rule.windowSeconds} seconds from this address: wait ${spent.retryAfter} seconds.`;
    const error = (path: string) => ({
      error: {
        message,
        // JSON-RPC's code for TOO_MANY_REQUESTS, as tRPC sends it.
        code: -32029,
        data: {
          code: "TOO_MANY_REQUESTS",
          httpStatus: 429,
          path,
          appError: { code: "RATE_LIMITED", params: { retryAfterSeconds: spent.retryAfter }, issues: [] },
          errorId: null,
          requestId: (res.locals.requestId as string | undefined) ?? null,
        },
      },
    });
    const batched = req.query.batch === "1";
    res
      .status(429)
      .type("application/json")
      .send(JSON.stringify(batched ? calls.map(error) : error(calls[0] ?? "")));
  };
}
