import { AppError } from "../../errors";

/** Only Statistics Norway's own services: an admin-triggered fetch must not reach anything else (SSRF). */
export const SSB_HOSTS = ["data.ssb.no", "klass.ssb.no", "www.ssb.no"] as const;
export const MAX_FETCH_BYTES = 20_000_000;

/** Where a fetch may go: one scheme, these host names, one port. */
export interface AllowedOrigin {
  readonly protocol: "https:" | "http:";
  readonly hosts: readonly string[];
  readonly port: number;
}

/** Statistics Norway over HTTPS on its standard port; tests pass a local server's origin instead. */
export const SSB_ORIGIN: AllowedOrigin = { protocol: "https:", hosts: SSB_HOSTS, port: 443 };

const DEFAULT_PORTS: Readonly<Record<string, number>> = { "https:": 443, "http:": 80 };

function refuseUrl(message: string, code: string, params: Record<string, string> = {}): AppError {
  return new AppError("VALIDATION_FAILED", { message, issues: [{ path: ["url"], code, params }] });
}

/** The URL, if it points at the allowed origin; else a VALIDATION_FAILED naming what is wrong. */
function requireAllowedUrl(url: string, origin: AllowedOrigin): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["url"], code: "invalid_format", params: { format: "url" } }] });
  }
  if (!origin.hosts.includes(parsed.hostname)) {
    throw refuseUrl(`Fetching from ${parsed.host} is not allowed`, "HOST_NOT_ALLOWED", { hosts: origin.hosts.join(", ") });
  }
  if (parsed.protocol !== origin.protocol) {
    throw refuseUrl(`Fetching over ${parsed.protocol} is not allowed`, "SCHEME_NOT_ALLOWED", { allowed: origin.protocol.slice(0, -1) });
  }
  const port = parsed.port === "" ? (DEFAULT_PORTS[parsed.protocol] ?? 0) : Number(parsed.port);
  if (port !== origin.port) {
    throw refuseUrl(`Fetching from port ${port} is not allowed`, "PORT_NOT_ALLOWED", { port: String(port), allowed: String(origin.port) });
  }
  return parsed;
}

/**
 * Fetches a statistics file over HTTPS from an allowed host on port 443, with a timeout and a size
 * cap, and returns its text. Redirects are refused rather than followed to an unchecked host.
 */
export async function fetchStatisticsFile(url: string, options: { origin?: AllowedOrigin; timeoutMs?: number } = {}): Promise<string> {
  const parsed = requireAllowedUrl(url, options.origin ?? SSB_ORIGIN);
  // One controller for the timeout (headers and body) and for stopping at the size cap, held
  // strongly by a plain timer, and every wait is raced with it. fetch's own signal handling is not
  // enough: undici follows the signal through weakly held objects, and when garbage collection ran
  // during a stalled download the abort never arrived (measured on Node 20 with AbortSignal.timeout,
  // AbortSignal.any and a plain controller alike).
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new DOMException("The fetch timed out", "TimeoutError")), options.timeoutMs ?? 30_000);
  try {
    return await readCapped(parsed, stop);
  } finally {
    clearTimeout(timer);
  }
}

/** Rejects with the reason once `signal` aborts: a wait raced with it always ends then. */
function whenAborted(signal: AbortSignal): Promise<never> {
  const aborted = new Promise<never>((_resolve, reject) =>
    signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true }),
  );
  aborted.catch(() => undefined);
  return aborted;
}

/** The answer's text, read chunk by chunk: a chunked answer says nothing of its size until it is read. */
async function readCapped(url: URL, stop: AbortController): Promise<string> {
  const tooLarge = () => {
    stop.abort();
    return new AppError("IMPORT_REJECTED", {
      message: `Larger than ${MAX_FETCH_BYTES} bytes`,
      params: { reason: "TOO_LARGE", limit: MAX_FETCH_BYTES },
    });
  };
  const failed = (error: unknown) =>
    new AppError("IMPORT_REJECTED", { message: `Fetch failed: ${String(error)}`, params: { reason: "FETCH_FAILED" } });
  const aborted = whenAborted(stop.signal);
  let response: Response;
  try {
    response = await Promise.race([fetch(url, { redirect: "error", signal: stop.signal }), aborted]);
  } catch (error) {
    throw failed(error);
  }
  if (!response.ok) {
    stop.abort();
    throw new AppError("IMPORT_REJECTED", {
      message: `HTTP ${response.status}`,
      params: { reason: "FETCH_FAILED", status: response.status },
    });
  }
  if (Number(response.headers.get("content-length") ?? "0") > MAX_FETCH_BYTES) throw tooLarge();
  const reader = (response.body ?? new ReadableStream<Uint8Array>()).getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_FETCH_BYTES) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error instanceof AppError ? error : failed(error);
  }
  return Buffer.concat(chunks).toString("utf8");
}
