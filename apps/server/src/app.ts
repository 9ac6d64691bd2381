import { existsSync } from "node:fs";
import { join } from "node:path";

import { appRouter, createContextInner } from "@malestokk/api";
import { checkDatabase, type DbConnection } from "@malestokk/db";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";

import type { Logger } from "./logger";

export const MAX_BODY_BYTES = 1_000_000;
export const MAX_BATCH_SIZE = 20;

export interface AppOptions {
  readonly connection: DbConnection;
  readonly logger: Logger;
  readonly webDistDir: string;
  readonly now?: () => Date;
}

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  );
  next();
};

/** The Express app without listening: tests drive it on an ephemeral port. */
export function createApp(options: AppOptions): express.Express {
  const { connection, logger, webDistDir } = options;
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders);
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
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY_BYTES,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: () =>
        createContextInner({
          db: connection.db,
          ...(options.now ? { now: options.now } : {}),
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
