import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import {
  backupDatabase,
  backupFileName,
  createDb,
  deleteExpiredChallenges,
  deleteExpiredSessions,
  getSetting,
  listIdentityProviders,
  pruneBackups,
  pruneOidcSignIns,
  pruneThrottle,
  runMigrations,
  seedReferenceData,
} from "@malestokk/db";

import {
  createSecretBox,
  createSmtpTransport,
  FILE_READER_LIMITS,
  FileReader,
  LOCAL_SIGN_IN,
  MailWorker,
  reminderSchedule,
  sealStoredSecrets,
  SecretKeyError,
  unsubscribeKeyOf,
} from "@malestokk/api";
import { KNOWN_ADDRESS_DAYS } from "@malestokk/domain";

import { createApp } from "./app";
import { prepareDemo } from "./demo";
import { EnvError, loadEnv, mailRefusal, secretKeyRefusal } from "./env";
import { databaseOnNetworkFileSystem } from "./file-system";
import { createLogger } from "./logger";

async function start(): Promise<void> {
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
  const refusal = secretKeyRefusal(env) ?? mailRefusal(env);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  const logger = createLogger(env.LOG_LEVEL);
  if (!env.SECRET_KEY) {
    logger.warn(
      "SECRET_KEY is not set: TOTP keys and identity providers' client secrets are stored in plain text in the database and its backups; fine for the demo, never for real use (make a key with `openssl rand -base64 32`)",
    );
  }
  if (env.DATABASE_PATH !== ":memory:") mkdirSync(dirname(env.DATABASE_PATH), { recursive: true });
  const network = databaseOnNetworkFileSystem(env.DATABASE_PATH);
  if (network)
    logger.warn(
      { databasePath: env.DATABASE_PATH, fileSystem: network },
      "the database is on a network file system: SQLite's locking and WAL are not reliable there and the file can be corrupted; move DATABASE_PATH to a local disk",
    );
  const connection = createDb(env.DATABASE_PATH);
  runMigrations(connection.sqlite, connection.db);
  if (seedReferenceData(connection.db)) logger.info("empty database: loaded the 2024 register of municipalities and counties");
  const secrets = createSecretBox(env.SECRET_KEY);
  try {
    const { sealed } = sealStoredSecrets(connection.db, secrets);
    if (sealed > 0) logger.info({ sealed }, "sealed stored secrets with SECRET_KEY");
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    console.error(`Cannot start: ${error.message}.`);
    process.exit(1);
  }

  const providers = [...env.OIDC_PROVIDERS, ...listIdentityProviders(connection.db).filter((p) => p.enabled)];
  if (!getSetting(connection.db, LOCAL_SIGN_IN, true) && !providers.some((p) => p.nationalRoles)) {
    logger.warn(
      "password sign-in is off and no enabled identity provider may sign in national roles: administrators cannot sign in; run `pnpm cli local-sign-in on`, then mark a provider under Administrasjon → Innlogging (or set nationalRoles in OIDC_PROVIDERS)",
    );
  }
  if (!env.PUBLIC_ORIGIN && providers.length > 0) {
    logger.warn(
      "PUBLIC_ORIGIN is not set: sign-in through identity providers is refused, as the callback address would come from the request's Host header; set PUBLIC_ORIGIN to the address users reach the app at (e.g. https://malestokk.kommune.no)",
    );
  }

  // Notices by e-mail (issue 25): the outbox is sent by a worker in this process, off the request path.
  const unsubscribeKey = unsubscribeKeyOf(connection.db, env.SECRET_KEY, new Date());
  const mail =
    env.SMTP_URL && env.MAIL_FROM && env.PUBLIC_ORIGIN ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, baseUrl: env.PUBLIC_ORIGIN } : null;
  const mailWorker = mail
    ? new MailWorker({
        db: connection.db,
        transport: createSmtpTransport(mail.smtpUrl),
        from: mail.from,
        baseUrl: mail.baseUrl,
        secrets,
        unsubscribeKey,
        logger,
        queueDue: reminderSchedule(connection.db, { enabled: true, from: mail.from }),
      })
    : null;
  if (mailWorker) mailWorker.start(env.MAIL_INTERVAL_SECONDS * 1_000);
  else logger.info("SMTP_URL is not set: no notices are sent by e-mail (reset links are shown to the administrator)");

  let port = env.PORT;
  const printDemo = await prepareDemo(connection.db, env, logger, () => port);
  const authSettings = { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS };
  const cleanSessions = () => {
    const now = new Date();
    deleteExpiredSessions(connection.db, {
      now: now.toISOString(),
      idleBefore: new Date(now.getTime() - authSettings.idleMinutes * 60_000).toISOString(),
    });
    // Second-factor steps last five minutes; an abandoned one goes with the sessions.
    deleteExpiredChallenges(connection.db, now.toISOString());
    pruneOidcSignIns(connection.db, now.toISOString());
    // Failure counters quiet for a day go; the backoff they drove has long ended. Addresses known
    // for an account stay as long as they count as the user's own (decision 005).
    pruneThrottle(connection.db, {
      now: now.toISOString(),
      quietSince: new Date(now.getTime() - 24 * 3_600_000).toISOString(),
      knownSince: new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000).toISOString(),
    });
  };
  cleanSessions();
  const cleaner = setInterval(cleanSessions, 15 * 60_000);
  cleaner.unref();

  // Scheduled backups (BACKUP_DIR): the online backup API, so requests go on meanwhile.
  const backupDir = env.BACKUP_DIR;
  let backingUp = false;
  const scheduledBackup = async () => {
    if (!backupDir || backingUp || env.DATABASE_PATH === ":memory:") return;
    backingUp = true;
    try {
      mkdirSync(backupDir, { recursive: true });
      const file = join(backupDir, backupFileName(env.DATABASE_PATH, new Date()));
      const result = await backupDatabase(connection.sqlite, file);
      const removed = pruneBackups(backupDir, basename(env.DATABASE_PATH, ".db") + "-", env.BACKUP_KEEP);
      logger.info({ file, bytes: result.bytes, removed: removed.length }, "scheduled backup written");
    } catch (error) {
      logger.error({ err: error }, "scheduled backup failed");
    } finally {
      backingUp = false;
    }
  };
  const backups = backupDir ? setInterval(() => void scheduledBackup(), env.BACKUP_INTERVAL_HOURS * 3_600_000) : null;
  backups?.unref();

  // Built (dist/main.js, `npm start`): the worker is plain JavaScript beside this file; from the
  // sources (`pnpm dev`), the worker loads its TypeScript through tsx.
  const fileReader = import.meta.url.endsWith(".js")
    ? new FileReader(FILE_READER_LIMITS, { workerFile: fileURLToPath(new URL("./cost-file.worker.js", import.meta.url)) })
    : new FileReader();
  const app = createApp({
    connection,
    logger,
    webDistDir: env.WEB_DIST_DIR,
    https: env.PUBLIC_ORIGIN?.startsWith("https:") ?? false,
    trustProxy: env.TRUST_PROXY,
    authSettings,
    metrics: env.METRICS === "on",
    identityProviders: env.OIDC_PROVIDERS,
    publicOrigin: env.PUBLIC_ORIGIN,
    secrets,
    fileReader,
    mail: { enabled: mailWorker !== null, from: mail?.from ?? null },
    unsubscribeKey,
    openData: { rateLimit: env.API_RATE_LIMIT },
  });
  const server = createServer(app).listen(env.PORT, env.HOST, () => {
    const address = server.address();
    port = typeof address === "object" && address ? address.port : env.PORT;
    printDemo?.();
    logger.info({ databasePath: env.DATABASE_PATH }, `Målestokk is running at http://localhost:${port}`);
  });
  // An idle connection is kept longer than a client or a proxy keeps one (undici 4 s, common proxies 60 s): closed
  // by the server first, a connection the client has just sent a request on is reset (ECONNRESET), which a busy
  // server's late timer makes likely. The headers' time limit must exceed it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    clearInterval(cleaner);
    if (backups) clearInterval(backups);
    const force = setTimeout(() => {
      logger.error("in-flight requests did not finish in 10 s; exiting");
      connection.close();
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(() => {
      void (mailWorker?.stop() ?? Promise.resolve()).finally(() => {
        connection.close();
        logger.info("stopped");
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

void start();
