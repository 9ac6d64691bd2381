import { existsSync } from "node:fs";
import { join } from "node:path";

import { appRouter, createContextInner, DEFAULT_AUTH_SETTINGS, resolveSession, type AuthSettings } from "@malestokk/api";
import { checkDatabase, type DbConnection } from "@malestokk/db";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type ErrorRequestHandler } from "express";

import type { Logger } from "./logger";
import { refuseCrossSite, securityHeaders } from "./security";
import { readSessionToken, sessionCookies } from "./session-cookie";

export const MAX_BODY_BYTES = 1_000_000;
export const MAX_BATCH_SIZE = 20;

export interface AppOptions {
  readonly connection: DbConnection;
  readonly logger: Logger;
  readonly webDistDir: string;
  readonly now?: () => Date;
  /** Served over HTTPS (PUBLIC_ORIGIN): Secure __Host- cookie, HSTS, upgrade-insecure-requests. */
  readonly https?: boolean;
  /** Express "trust proxy"; only behind a reverse proxy. */
  readonly trustProxy?: string | undefined;
  readonly authSettings?: AuthSettings;
}

/** The Express app without listening: tests drive it on an ephemeral port. */
export function createApp(options: AppOptions): express.Express {
  const { connection, logger, webDistDir } = options;
  const https = options.https ?? false;
  const authSettings = options.authSettings ?? DEFAULT_AUTH_SETTINGS;
  const now = options.now ?? (() => new Date());
  const app = express();
  app.disable("x-powered-by");
  // Without a proxy, X-Forwarded-For is the client's own claim: never let it pick the rate-limit key.
  if (options.trustProxy) app.set("trust proxy", /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
  app.use(securityHeaders({ https }));
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  });

  app.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    if (checkDatabase(connection.sqlite)) res.status(200).json({ status: "ok", database: "ok" });
    else res.status(503).json({ status: "unavailable", database: "unreachable" });
  });

  app.use(
    "/trpc",
    (_req, res, next) => {
      res.setHeader("Cache-Control", "no-store");
      next();
    },
    refuseCrossSite,
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY_BYTES,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res }) =>
        createContextInner({
          db: connection.db,
          session: resolveSession(connection.db, readSessionToken(req, https), now(), authSettings),
          cookies: sessionCookies(res, https),
          clientIp: req.ip ?? null,
          authSettings,
          now,
          reportError: (errorId, error) => logger.error({ errorId, err: error }, "unexpected error in procedure"),
        }),
    }),
  );

  const indexHtml = join(webDistDir, "index.html");
  app.use(express.static(webDistDir, { index: false, maxAge: "1y", immutable: true, fallthrough: true }));
  app.get("/{*splat}", (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    if (existsSync(indexHtml)) res.sendFile(indexHtml);
    else
      res
        .status(503)
        .type("text")
        .send("The web app is not built. Run `pnpm build` (or `npm start`, which builds it) and reload.");
  });

  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    logger.error({ err: error }, "unhandled error");
    if (res.headersSent) return;
    res.status(500).json({ error: "Internal error" });
  };
  app.use(onError);
  return app;
}
