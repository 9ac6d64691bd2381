import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

import { createDb, runMigrations, seedDemoData } from "@malestokk/db";

import { createApp } from "./app";
import { EnvError, loadEnv } from "./env";
import { createLogger } from "./logger";

function start(): void {
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(env.LOG_LEVEL);
  if (env.DATABASE_PATH !== ":memory:") mkdirSync(dirname(env.DATABASE_PATH), { recursive: true });
  const connection = createDb(env.DATABASE_PATH);
  runMigrations(connection.sqlite, connection.db);
  if (env.SEED_DEMO) {
    const seeded = seedDemoData(connection.db, { now: new Date().toISOString() });
    if (seeded.seeded) {
      logger.info(
        { municipalities: seeded.municipalities, costReports: seeded.costReports },
        "empty database: filled with DEMO data (invented figures, labelled as demo in the app)",
      );
    }
  }

  const app = createApp({ connection, logger, webDistDir: env.WEB_DIST_DIR });
  const server = app.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    logger.info({ databasePath: env.DATABASE_PATH }, `Målestokk is running at http://localhost:${port}`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      logger.error("in-flight requests did not finish in 10 s; exiting");
      connection.close();
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(() => {
      connection.close();
      logger.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

start();
