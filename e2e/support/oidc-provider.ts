import { generateKeyPairSync, randomUUID, sign, type JsonWebKey, type KeyObject } from "node:crypto";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// @ts-expect-error -- oidc-provider ships no type declarations; the few members used are typed below.
import Provider from "oidc-provider";

export interface TestAccount {
  readonly email: string;
  /** Defaults to true. */
  readonly emailVerified?: boolean;
  readonly name: string;
  /** How the account signed in, as the ID token's amr says (RFC 8176); none when left out. */
  readonly amr?: readonly string[];
  /** The ID token's acr; none when left out. */
  readonly acr?: string;
}

export type Tamper = "none" | "foreignSignature" | "expired" | "wrongNonce";

export interface TestIdentityProvider {
  /** The issuer URL (http://127.0.0.1:PORT), which is the tampering front proxy below. */
  readonly issuer: string;
  /** Changes what the token endpoint's ID token looks like from now on. */
  setTamper(mode: Tamper): void;
  close(): Promise<void>;
}

interface OidcAccount {
  accountId: string;
  claims(): Promise<Record<string, unknown>>;
}

interface OidcGrant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}

interface OidcContext {
  oidc: {
    account: OidcAccount;
    client: { clientId: string };
    provider: { Grant: new (props: { accountId: string; clientId: string }) => OidcGrant };
  };
}

/** The few members of oidc-provider's Koa context the login handler below uses. */
interface KoaContext {
  method: string;
  path: string;
  req: IncomingMessage;
  res: ServerResponse;
}

interface LoginResult {
  login: { accountId: string; amr?: string[]; acr?: string };
}

type OidcProvider = new (
  issuer: string,
  configuration: object,
) => {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ prompt: { name: string } }>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: LoginResult,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
};

const OidcProvider = Provider as unknown as OidcProvider;

const SCOPES = "openid email profile";
// oidc-provider's default routes.
const TOKEN_PATH = "/token";
const JWKS_PATH = "/jwks";

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicJwk: JsonWebKey;
  readonly privateJwk: JsonWebKey;
}

function newSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const meta = { kid, alg: "RS256", use: "sig" };
  return {
    kid,
    privateKey,
    publicJwk: { ...publicKey.export({ format: "jwk" }), ...meta },
    privateJwk: { ...privateKey.export({ format: "jwk" }), ...meta },
  };
}

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

/** RS256 compact JWS; node:crypto's RSA signature is PKCS#1 v1.5, which RS256 is. */
function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets (browsers, the proxy's own agent) would hold close() open.
    server.closeAllConnections();
  });
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/**
 * A real OpenID Connect provider (oidc-provider with its built-in dev login form, where any
 * password is accepted and the login typed is the account key) behind a front proxy that can
 * tamper with the ID tokens it hands out, so specs can prove the app rejects them.
 */
export async function startTestIdentityProvider(options: {
  readonly redirectUri: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Key = the login typed into the provider's login form = the account id (sub). */
  readonly accounts: Readonly<Record<string, TestAccount>>;
}): Promise<TestIdentityProvider> {
  const realKey = newSigningKey(`real-${randomUUID()}`);
  // Never published, but its tokens claim the real key's kid: a client must fail the signature.
  const foreignKey = newSigningKey(realKey.kid);
  // Published next to the real key, so its tokens verify and only their expiry is wrong.
  const expiredKey = newSigningKey(`expired-${randomUUID()}`);
  let tamper: Tamper = "none";

  const retoken = (idToken: string): string => {
    const [header, payload] = idToken.split(".");
    if (tamper === "foreignSignature") return signJwt(decodePart(header), decodePart(payload), foreignKey.privateKey);
    const now = Math.floor(Date.now() / 1000);
    // Validly signed and in date, but answering another sign-in's nonce (a replayed ID token).
    if (tamper === "wrongNonce")
      return signJwt(
        { ...decodePart(header), kid: expiredKey.kid },
        { ...decodePart(payload), nonce: "another-sign-in" },
        expiredKey.privateKey,
      );
    return signJwt(
      { ...decodePart(header), kid: expiredKey.kid },
      { ...decodePart(payload), iat: now - 2 * 3600, exp: now - 3600 },
      expiredKey.privateKey,
    );
  };

  /** The rewritten body, or null to pass the provider's response through untouched. */
  const rewrite = (method: string | undefined, path: string, body: Buffer): Buffer | null => {
    if (method === "GET" && path === JWKS_PATH) {
      // Always published, so a client that cached the JWKS before setTamper("expired") still has it.
      const jwks = JSON.parse(body.toString("utf8")) as { keys: JsonWebKey[] };
      return Buffer.from(JSON.stringify({ ...jwks, keys: [...jwks.keys, expiredKey.publicJwk] }));
    }
    if (method === "POST" && path === TOKEN_PATH && tamper !== "none") {
      const tokens = JSON.parse(body.toString("utf8")) as { id_token?: unknown };
      if (typeof tokens.id_token !== "string") return null;
      return Buffer.from(JSON.stringify({ ...tokens, id_token: retoken(tokens.id_token) }));
    }
    return null;
  };

  const providerServer = createServer();
  const providerPort = await listen(providerServer);

  // Host is passed through, so the provider builds its URLs (redirects, discovery) on the proxy's origin.
  const proxy = createServer((req, res) => {
    const upstream = request(
      { host: "127.0.0.1", port: providerPort, method: req.method, path: req.url, headers: req.headers },
      (upstreamRes) => {
        const status = upstreamRes.statusCode ?? 502;
        const path = new URL(req.url ?? "/", "http://proxy").pathname;
        const mayRewrite = status === 200 && (path === JWKS_PATH || path === TOKEN_PATH);
        if (!mayRewrite) {
          res.writeHead(status, upstreamRes.headers);
          upstreamRes.pipe(res);
          return;
        }
        readBody(upstreamRes)
          .then((body) => {
            const rewritten = rewrite(req.method, path, body);
            const headers = { ...upstreamRes.headers };
            delete headers["transfer-encoding"];
            headers["content-length"] = String((rewritten ?? body).length);
            res.writeHead(status, headers);
            res.end(rewritten ?? body);
          })
          .catch((error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))));
      },
    );
    upstream.on("error", (error) => res.destroy(error));
    req.pipe(upstream);
  });
  const issuer = `http://127.0.0.1:${await listen(proxy)}`;

  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    // oidc-provider only requires PKCE of public clients by default; the app must always send it.
    pkce: { required: () => true },
    scopes: SCOPES.split(" "),
    // amr and acr go into the ID token with the openid scope, as a provider that reports MFA sends them.
    claims: { openid: ["sub", "amr", "acr"], email: ["email", "email_verified"], profile: ["name"] },
    // The app reads the user's claims from the ID token, not from the userinfo endpoint.
    conformIdTokenClaims: false,
    jwks: { keys: [realKey.privateJwk] },
    // Fixed lifetimes: the default functions print a notice every time they are called.
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 3600, Session: 86_400, Grant: 86_400 },
    findAccount(_ctx: unknown, sub: string): OidcAccount | undefined {
      const account = Object.hasOwn(options.accounts, sub) ? options.accounts[sub] : undefined;
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => Promise.resolve({ sub, email: account.email, email_verified: account.emailVerified ?? true, name: account.name }),
      };
    },
    // A first-party test client: grant the scopes up front instead of showing a consent screen.
    async loadExistingGrant(ctx: OidcContext): Promise<OidcGrant> {
      const grant = new ctx.oidc.provider.Grant({ accountId: ctx.oidc.account.accountId, clientId: ctx.oidc.client.clientId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
  });
  // The built-in login form, with one change: the account's amr and acr go into the sign-in, and
  // from there into the ID token, as a provider that did MFA would put them.
  provider.use(async (ctx, next) => {
    if (ctx.method !== "POST" || !/^\/interaction\/[^/]+$/.test(ctx.path)) return next();
    const { prompt } = await provider.interactionDetails(ctx.req, ctx.res);
    if (prompt.name !== "login") return next();
    const login = new URLSearchParams((await readBody(ctx.req)).toString("utf8")).get("login") ?? "";
    const account = Object.hasOwn(options.accounts, login) ? options.accounts[login] : undefined;
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId: login, ...(account?.amr ? { amr: [...account.amr] } : {}), ...(account?.acr ? { acr: account.acr } : {}) } },
      { mergeWithLastSubmission: false },
    );
  });
  providerServer.on("request", provider.callback());

  return {
    issuer,
    setTamper(mode) {
      tamper = mode;
    },
    async close() {
      await Promise.all([close(proxy), close(providerServer)]);
    },
  };
}
