import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { RequestListener, ServerResponse } from "node:http";
import { join, relative, sep } from "node:path";

import {
  answerCacheScope,
  appRouter,
  createContextInner,
  DEFAULT_AUTH_SETTINGS,
  apiTokenMiddleware,
  describeSession,
  listDemoSignIns,
  refuseBatchedSecretCalls,
  resolveSession,
  signInOptions,
  type AuthSettings,
  type Context,
  type FileReader,
  type SecretBox,
  type Session,
  UNSUBSCRIBE_PATH,
  type MailSettings,
} from "@malestokk/api";
import { checkDatabase, getDataVersion, hasDemoData, migrationState, type DbConnection } from "@malestokk/db";
import { TRPCError } from "@trpc/server";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import { defaultUiLanguage, languageOfBrowser, type EnvIdentityProvider, type UiLanguage } from "@malestokk/domain";
import express, { type ErrorRequestHandler, type Request, type Response } from "express";

import type { Logger } from "./logger";
import { AnswerCache, answerCache, sendKeptAnswers, type AnswerScope } from "./answer-cache";
import { dynamicCompression, precompressedFiles, urlOf, type PlainRequest } from "./compression";
import { Metrics } from "./metrics";
import { lazyModuleFiles, lazyModuleStyles, matchRoute, readManifest, readRouteMap, withPagePreloads, withStyles } from "./web-manifest";
import { oidcRoutes } from "./oidc-routes";
import { prefetchPageQueries, type PrefetchedQuery } from "./prefetch";
import { loadPageRenderer, withDrawnPage } from "./page-renderer";
import { oneClickUnsubscribe } from "./mail-routes";
import { DEFAULT_RATE_LIMIT, limitAnonymousOpenReads, RequestBudget } from "./open-data-rate-limit";
import { createOpenDataRouter, type OpenDataRouterOptions } from "./open-data-router";
import { refuseCrossSite, securityHeaderValues, securityHeaders } from "./security";
import { readSessionToken, sessionCookies } from "./session-cookie";
import { toolboxRoutes } from "./toolbox-routes";

export const MAX_BODY_BYTES = 1_000_000;
export const MAX_BATCH_SIZE = 20;
/** The sign-in form's module in the web build's manifest (loaded lazily by the layout). */
const SIGN_IN_MODULE = "src/features/auth/sign-in-page.tsx";
/** The bokmål texts, a chunk of their own that every page loads at once beside its own chunk. */
const TEXTS_MODULE = "src/lib/bokmal.ts";
/** The other languages' shared texts, each a chunk the page loads when it shows that language. */
const LANGUAGE_TEXTS_MODULES = { nn: "src/lib/nynorsk.ts", en: "src/lib/english.ts" } as const;

/**
 * The language the web app will show (as its lib/session.ts `languageFor` decides, ADR 026): the account's
 * choice, then its municipality's written standard, then the browser's (Accept-Language, best first).
 * A choice kept only on the browser is not known here; then the app loads its texts itself.
 */
function pageLanguage(me: ReturnType<typeof describeSession>, acceptLanguage: string | undefined): UiLanguage {
  const browser = (acceptLanguage ?? "")
    .split(",")
    .map((part) => part.split(";")[0]?.trim() ?? "")
    .filter(Boolean);
  if (!me) return languageOfBrowser(browser) ?? "nb";
  return defaultUiLanguage({ chosen: me.language, writtenStandard: me.writtenStandard, browser });
}

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
  /** Serve /metrics (Prometheus text format). Off unless asked for. */
  readonly metrics?: boolean;
  /** OpenID Connect providers from the environment (OIDC_PROVIDERS). */
  readonly identityProviders?: readonly EnvIdentityProvider[];
  /** PUBLIC_ORIGIN (an origin, no trailing slash): the provider callback address and the one origin the CSRF check accepts. */
  readonly publicOrigin?: string | undefined;
  /** SECRET_KEY's sealing of stored secrets. */
  readonly secrets?: SecretBox;
  /** Reads uploaded files in worker threads; the process's shared one unless given. */
  readonly fileReader?: FileReader;
  /** Whether mail is on (SMTP_URL, MAIL_FROM), and the key that signs unsubscribe links (issue 25). */
  readonly mail?: MailSettings;
  readonly unsubscribeKey?: Buffer;
  /** The public API's request budget per address (API_RATE_LIMIT) and who reads through a token; docs/open-data.md#api. */
  readonly openData?: Pick<OpenDataRouterOptions, "rateLimit" | "resolveViewer" | "answers">;
}

// A client's own id is kept only when it is short and plain, so it cannot forge log lines.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

function requestIdOf(req: PlainRequest): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Express's res.locals, made here when the response has not been through Express yet: what the kept
 * answers' check looked up (the session, the answer's scope) is then kept for the app, which keeps an
 * existing res.locals.
 */
function localsOf(res: ServerResponse & { locals?: Record<string, unknown> }): Record<string, unknown> {
  return (res.locals ??= Object.create(null) as Record<string, unknown>);
}

/**
 * Puts data the page needs at once into it, as a JSON data block (not run, so the CSP allows it);
 * "<" and the line separators are escaped so no text in it can close the element.
 */
export function withBootstrap(html: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return html.replace("</head>", `<script type="application/json" id="malestokk-bootstrap">${json}</script></head>`);
}

/** Marks the page's root element when the database holds demo data. */
export function markDemo(html: string, demo: boolean): string {
  return demo ? html.replace(/<html(\s|>)/, '<html data-demo="on"$1') : html;
}

const PRERENDERED_SIGN_IN = /<!--sign-in:start-->[\s\S]*?<!--sign-in:end-->/;

/**
 * The web build draws the sign-in form into the page (apps/web/src/app/prerender.tsx), so a visitor
 * without a session sees it before any script runs; anyone else would see it flash by, so it goes.
 */
export function withSignInForm(html: string, keep: boolean): string {
  return keep ? html : html.replace(PRERENDERED_SIGN_IN, "");
}

const PRERENDERED_DEMO_INTRO = /<!--demo-accounts:start-->[\s\S]*?<!--demo-accounts:end-->/;

/** The demo accounts' heading and introduction the build drew into the sign-in form stay only while there are demo accounts. */
export function withDemoIntro(html: string, keep: boolean): string {
  return keep ? html : html.replace(PRERENDERED_DEMO_INTRO, "");
}

/**
 * Vite names every file under assets/ by a hash of its content, so a browser may keep it for good;
 * other files (favicon) keep their name when they change and are checked again (ETag); a page
 * carries who is signed in and is never stored.
 */
function staticCacheControl(copy: string): string {
  // A precompressed copy is cached as the file it is a copy of.
  const file = copy.replace(/\.(br|gz)$/, "");
  if (file.endsWith(".html")) return "no-store";
  return file.startsWith(`assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache";
}

/** The Express app without listening: tests drive it on an ephemeral port. */
/**
 * The server's request listener: kept answers first, on the request as Node hands it over (decision 042),
 * then the Express app with everything else.
 */
export function createApp(options: AppOptions): RequestListener {
  const { connection, logger, webDistDir } = options;
  const https = options.https ?? false;
  const authSettings = options.authSettings ?? DEFAULT_AUTH_SETTINGS;
  const now = options.now ?? (() => new Date());
  const app = express();
  app.disable("x-powered-by");
  // Without a proxy, X-Forwarded-For is the client's own claim: never let it pick the rate-limit key.
  if (options.trustProxy) app.set("trust proxy", /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
  const metrics = options.metrics ? new Metrics(Object.keys(appRouter._def.procedures)) : null;
  /** One line per request, and its count and time in the metrics. */
  const answered = (req: PlainRequest, log: Logger, status: number, started: bigint, bindings: object = {}) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const path = urlOf(req).split("?")[0] ?? "";
    metrics?.observe(path, status, seconds);
    log.info({ ...bindings, method: req.method, path, status, ms: Math.round(seconds * 10_000) / 10 }, "request");
  };

  /** The request's session, looked up once: by the answer cache's check and then by the procedure's context. */
  const sessionOf = (req: PlainRequest, res: ServerResponse): Session | null => {
    const locals = localsOf(res);
    const known = locals.session as { value: Session | null } | undefined;
    if (known) return known.value;
    const value = resolveSession(connection.db, readSessionToken(req, https), now(), authSettings);
    locals.session = { value };
    return value;
  };
  /** Where a read's answer is kept, after the session check and authorization; once per request (issue 21, point 7). */
  const answerScopeOf = (req: PlainRequest, res: ServerResponse): AnswerScope | null => {
    const locals = localsOf(res);
    const known = locals.answerScope as { value: AnswerScope | null } | undefined;
    if (known) return known.value;
    const url = new URL(urlOf(req), "http://localhost");
    const batch = url.searchParams.get("batch");
    const path = url.pathname.slice("/trpc/".length);
    // A batch is what tRPC takes as one ("1"), of no more calls than it answers; any other is left to it.
    const value =
      (batch !== null && batch !== "1") || (batch === "1" && path.split(",").length > MAX_BATCH_SIZE)
        ? null
        : answerCacheScope(connection.db, sessionOf(req, res), {
            path,
            input: url.searchParams.get("input") ?? "",
            batched: batch === "1",
          });
    locals.answerScope = { value };
    return value;
  };
  const answers = new AnswerCache();
  // One budget per address for anonymous public reads: the API's and the open pages' (docs/open-data.md#api).
  const publicReads = new RequestBudget(options.openData?.rateLimit ?? DEFAULT_RATE_LIMIT);

  // Kept answers are sent before the app (the listener below), with the headers its middleware sets.
  const sendKept = sendKeptAnswers(answers, {
    scope: answerScopeOf,
    headers: securityHeaderValues({ https }),
    requestId: requestIdOf,
    // The same line as a child logger's, without making one for every request.
    answered: (req, requestId, status, started) => answered(req, logger, status, started, { requestId }),
  });
  app.use(securityHeaders({ https }));
  app.use(dynamicCompression());
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    res.setHeader("X-Request-Id", requestId);
    const log = logger.child({ requestId });
    res.locals.requestId = requestId;
    res.locals.log = log;
    res.on("finish", () => answered(req, log, res.statusCode, started));
    next();
  });

  // Liveness: the process answers. Readiness (below) also needs the database and its migrations.
  app.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.status(200).json({ status: "ok" });
  });
  app.get("/readyz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    if (!checkDatabase(connection.sqlite)) {
      res.status(503).json({ status: "unavailable", database: "unreachable" });
      return;
    }
    const state = migrationState(connection.sqlite);
    const ready = state.applied === state.known && !state.newer;
    res.status(ready ? 200 : 503).json({
      status: ready ? "ready" : "unavailable",
      database: "ok",
      migrations: { applied: state.applied, known: state.known, latest: state.latest },
    });
  });
  if (metrics) {
    app.get("/metrics", (_req, res) => {
      const pages = connection.sqlite.pragma("page_count", { simple: true }) as number;
      const size = connection.sqlite.pragma("page_size", { simple: true }) as number;
      res.setHeader("Cache-Control", "no-store");
      res.type("text/plain; version=0.0.4").send(metrics.render(pages * size));
    });
  }

  const contextFor = (req: Request, res: Response): Context =>
    createContextInner({
      requestId: String(res.locals.requestId),
      db: connection.db,
      session: sessionOf(req, res),
      cookies: sessionCookies(res, https),
      clientIp: req.ip ?? null,
      authSettings,
      now,
      reportError: (errorId, error) => (res.locals.log as Logger).error({ errorId, err: error }, "unexpected error in procedure"),
      envIdentityProviders: options.identityProviders ?? [],
      ...(options.secrets ? { secrets: options.secrets } : {}),
      ...(options.fileReader ? { fileReader: options.fileReader } : {}),
      publicOrigin: options.publicOrigin ?? null,
      ...(options.mail ? { mail: options.mail } : {}),
      ...(options.unsubscribeKey ? { unsubscribeKey: options.unsubscribeKey } : {}),
    });

  app.use(oidcRoutes({ https, context: contextFor }));
  app.use(toolboxRoutes({ context: contextFor, publicOrigin: options.publicOrigin }));

  app.post(UNSUBSCRIBE_PATH, express.urlencoded({ extended: false, limit: "1kb" }), oneClickUnsubscribe(contextFor));

  app.use(
    "/trpc",
    (_req, res, next) => {
      res.setHeader("Cache-Control", "no-store");
      next();
    },
    limitAnonymousOpenReads({ budget: publicReads, now, isSignedIn: (req, res) => sessionOf(req, res) !== null }),
    refuseCrossSite({ publicOrigin: options.publicOrigin }),
    // Hot reads kept as they are answered, after the session check and authorization (issue 21); sendKeptAnswers sends them again.
    answerCache(answers, answerScopeOf),
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_BODY_BYTES,
      maxBatchSize: MAX_BATCH_SIZE,
      // tRPC has parsed the batch by now, with its own decoding; nothing in it has run yet.
      createContext: ({ req, res, info }) => {
        refuseBatchedSecretCalls(info.calls.map((call) => call.path));
        return contextFor(req, res);
      },
      // Failed authorization is a security event (ASVS 16.3.2): who tried what, from where.
      onError: ({ error, path, ctx, req }) => {
        if (error.code !== "FORBIDDEN") return;
        const log = req.res?.locals.log as Logger | undefined;
        log?.warn(
          {
            event: "authorization.denied",
            path: path ?? null,
            userId: ctx?.session?.user.id ?? null,
            email: ctx?.session?.user.email ?? null,
            ip: ctx?.clientIp ?? null,
          },
          "call refused: missing permission",
        );
      },
    }),
  );

  // The public read API: published figures for anyone, without a session (issue 23, point 2); a Bearer
  // token also reads its organisation's own figures, drafts included, and a bad one is refused with 401.
  app.use(
    "/api/v1",
    apiTokenMiddleware(connection.db, { now }),
    createOpenDataRouter({ db: connection.db, now, ...options.openData, budget: publicReads }),
  );

  // Looked up again only when the figures change: without demo data the lookup scans the table.
  let demo = { version: -1, value: false };
  const demoData = () => {
    const version = getDataVersion(connection.db);
    if (version !== demo.version) demo = { version, value: hasDemoData(connection.db) };
    return demo.value;
  };
  const indexHtml = join(webDistDir, "index.html");
  const manifest = readManifest(webDistDir);
  const signInFiles = lazyModuleFiles(manifest, SIGN_IN_MODULE);
  const textFiles = lazyModuleFiles(manifest, TEXTS_MODULE);
  const languageFiles = {
    nb: [],
    nn: lazyModuleFiles(manifest, LANGUAGE_TEXTS_MODULES.nn),
    en: lazyModuleFiles(manifest, LANGUAGE_TEXTS_MODULES.en),
  };
  const webRoutes = readRouteMap(webDistDir);
  // A route's own files and styles, worked out once from the build's manifest, which does not change while the server runs.
  const filesByRoute = new Map<string, { files: string[]; styles: string[] }>();
  const filesOf = (source: string) => {
    let found = filesByRoute.get(source);
    if (!found)
      filesByRoute.set(source, (found = { files: lazyModuleFiles(manifest, source), styles: lazyModuleStyles(manifest, source) }));
    return found;
  };
  // A drawn page's own styles go in its head (withStyles); the files do not change while the server runs.
  const styles = new Map<string, string>();
  const readStyle = (file: string): string => {
    let css = styles.get(file);
    if (css === undefined) styles.set(file, (css = readFileSync(join(webDistDir, file), "utf8")));
    return css;
  };
  const drawPage = loadPageRenderer(webDistDir, (error) => logger.error({ err: error }, "a page could not be drawn on the server"));
  app.use(precompressedFiles(webDistDir));
  app.use(
    express.static(webDistDir, {
      index: false,
      fallthrough: true,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader("Cache-Control", staticCacheControl(relative(webDistDir, file))),
    }),
  );
  // A file under assets/ that is not there (a page from before a deploy asking for an old chunk) is
  // missing, not a page: the page sent as a script would break that page, and a cache could keep it.
  app.use("/assets", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.status(404).type("text").send("Not found");
  });
  app.get("/{*splat}", async (req, res) => {
    // The page carries who is signed in (below): never stored by a cache.
    res.setHeader("Cache-Control", "no-store");
    if (existsSync(indexHtml)) {
      // The demo banner and the signed-in header are drawn from the first paint, not after a request,
      // which would push the page down as they arrive (CLS, docs/quality-targets.md#p-1).
      const session = resolveSession(connection.db, readSessionToken(req, https), now(), authSettings);
      // Every page needs the texts and its route's chunks (the router draws nothing before they are in);
      // without a session a page that is not public shows the sign-in form first. Named here, they load
      // beside the entry rather than after it has run.
      const route = matchRoute(webRoutes, req.path);
      const routeFiles = route ? filesOf(route.source).files : [];
      const showsSignIn = !session && !route?.public;
      const me = describeSession(connection.db, session);
      // The texts of the language the page will show come beside bokmål's (the fallback), not after the entry has run.
      const language = pageLanguage(me, req.get("accept-language"));
      const shownTexts = languageFiles[language];
      // What the sign-in form asks first comes with it, so it is drawn whole at once, without a request after the scripts.
      const signIn = showsSignIn
        ? { options: signInOptions(contextFor(req, res)), demoAccounts: listDemoSignIns(connection.db) }
        : undefined;
      // A signed-in user's page carries its first queries' answers, run here through the same procedures and
      // checks as its own requests would be, so its first screen needs no request after the scripts (ADR 034).
      const queries: PrefetchedQuery[] =
        me && route && !route.public
          ? await prefetchPageQueries({
              route,
              url: req.originalUrl,
              context: contextFor(req, res),
              onError: (path, error) => {
                if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR")
                  (res.locals.log as Logger).error({ err: error, path }, "unexpected error in a page's first query");
              },
            })
          : [];
      const demo = demoData();
      // The main pages of a signed-in user come drawn, so their largest text paints with the HTML (ADR 041).
      const drawn = me && route?.drawn && drawPage ? await drawPage({ url: req.originalUrl, me, queries, language, demo }) : null;
      const shell = withDemoIntro(withSignInForm(readFileSync(indexHtml, "utf8"), showsSignIn), (signIn?.demoAccounts.length ?? 0) > 0);
      const page =
        drawn === null || !route ? shell : withStyles(withDrawnPage(shell, drawn, language), filesOf(route.source).styles, readStyle);
      const html = withPagePreloads(page, [...new Set([...textFiles, ...shownTexts, ...routeFiles, ...(showsSignIn ? signInFiles : [])])]);
      res
        .type("html")
        .send(withBootstrap(markDemo(html, demo), { me, ...(signIn ? { signIn } : {}), ...(queries.length > 0 ? { queries } : {}) }));
    } else res.status(503).type("text").send("The web app is not built. Run `pnpm build` (or `npm start`, which builds it) and reload.");
  });

  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    (res.locals.log as Logger | undefined)?.error({ err: error }, "unhandled error");
    if (res.headersSent) return;
    res.status(500).json({ error: "Internal error", requestId: res.locals.requestId as string });
  };
  app.use(onError);
  return (req, res) => {
    let sent: boolean;
    try {
      sent = sendKept(req, res);
    } catch (error) {
      // Outside Express nothing else would catch it: the app answers the request as it answers any failure.
      logger.error({ err: error }, "a kept answer could not be sent");
      sent = res.headersSent;
    }
    if (!sent) void app(req, res);
  };
}
