import { AppError } from "../../errors";

/** Only Statistics Norway's own services: an admin-triggered fetch must not reach anything else (SSRF). */
export const SSB_HOSTS = ["data.ssb.no", "klass.ssb.no", "www.ssb.no"] as const;
export const MAX_FETCH_BYTES = 20_000_000;

/**
 * Fetches a statistics file over HTTPS from an allowed host, with a timeout and a size cap, and
 * returns its text. Redirects are refused rather than followed to an unchecked host.
 */
export async function fetchStatisticsFile(
  url: string,
  options: { allowedHosts?: readonly string[]; allowHttp?: boolean; timeoutMs?: number } = {},
): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["url"], code: "invalid_format", params: { format: "url" } }] });
  }
  const allowed = options.allowedHosts ?? SSB_HOSTS;
  const schemeOk = parsed.protocol === "https:" || (options.allowHttp === true && parsed.protocol === "http:");
  if (!schemeOk || !allowed.includes(parsed.hostname)) {
    throw new AppError("VALIDATION_FAILED", {
      message: `Fetching from ${parsed.host} is not allowed`,
      issues: [{ path: ["url"], code: "HOST_NOT_ALLOWED", params: { hosts: allowed.join(", ") } }],
    });
  }
  let response: Response;
  try {
    response = await fetch(parsed, { redirect: "error", signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
  } catch (error) {
    throw new AppError("IMPORT_REJECTED", { message: `Fetch failed: ${String(error)}`, params: { reason: "FETCH_FAILED" } });
  }
  if (!response.ok) {
    throw new AppError("IMPORT_REJECTED", { message: `HTTP ${response.status}`, params: { reason: "FETCH_FAILED", status: response.status } });
  }
  const length = Number(response.headers.get("content-length") ?? "0");
  if (length > MAX_FETCH_BYTES) throw new AppError("IMPORT_REJECTED", { params: { reason: "TOO_LARGE", limit: MAX_FETCH_BYTES } });
  const text = await response.text();
  if (text.length > MAX_FETCH_BYTES) throw new AppError("IMPORT_REJECTED", { params: { reason: "TOO_LARGE", limit: MAX_FETCH_BYTES } });
  return text;
}
