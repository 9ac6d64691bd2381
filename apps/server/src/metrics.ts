/**
 * Request counts and latency by procedure, in Prometheus' text format (version 0.0.4). Kept in
 * memory per process; served at /metrics only when METRICS=on.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;

interface Histogram {
  readonly counts: number[];
  sum: number;
  count: number;
}

const escape = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

const UNKNOWN_PROCEDURE = "trpc.unknown";

/**
 * The procedures a request called ("benchmarks.series"), or what kind of request it was. Only the
 * router's own procedure names become labels: any other name in a URL is one `trpc.unknown`, so a
 * client cannot add series (each would be kept for the life of the process). A batch counts each
 * procedure it calls once.
 */
function procedureLabels(path: string, known: ReadonlySet<string>): string[] {
  if (path.startsWith("/trpc/")) {
    const names = path.slice("/trpc/".length).split(",");
    return [...new Set(names.map((name) => (known.has(name) ? name : UNKNOWN_PROCEDURE)))];
  }
  if (path === "/healthz" || path === "/readyz" || path === "/metrics") return [path.slice(1)];
  return path.startsWith("/assets/") ? ["static"] : ["page"];
}

export class Metrics {
  private readonly known: ReadonlySet<string>;
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();

  /** `procedures`: every procedure path of the router, e.g. from `appRouter._def.procedures`. */
  constructor(procedures: Iterable<string>) {
    this.known = new Set(procedures);
  }

  observe(path: string, status: number, seconds: number): void {
    for (const procedure of procedureLabels(path, this.known)) {
      const key = `${procedure}\u0000${status}`;
      this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
      let histogram = this.latency.get(procedure);
      if (!histogram) {
        histogram = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
        this.latency.set(procedure, histogram);
      }
      BUCKETS.forEach((le, i) => {
        if (seconds <= le) histogram.counts[i] = (histogram.counts[i] ?? 0) + 1;
      });
      histogram.sum += seconds;
      histogram.count += 1;
    }
  }

  render(databaseBytes: number): string {
    const lines: string[] = [
      "# HELP malestokk_http_requests_total HTTP requests by procedure and status.",
      "# TYPE malestokk_http_requests_total counter",
    ];
    for (const [key, value] of [...this.requests].sort()) {
      const [procedure = "", status = ""] = key.split("\u0000");
      lines.push(`malestokk_http_requests_total{procedure="${escape(procedure)}",status="${status}"} ${value}`);
    }
    lines.push(
      "# HELP malestokk_http_request_duration_seconds Request latency by procedure.",
      "# TYPE malestokk_http_request_duration_seconds histogram",
    );
    for (const [procedure, h] of [...this.latency].sort(([a], [b]) => a.localeCompare(b))) {
      const label = escape(procedure);
      BUCKETS.forEach((le, i) =>
        lines.push(`malestokk_http_request_duration_seconds_bucket{procedure="${label}",le="${le}"} ${h.counts[i] ?? 0}`),
      );
      lines.push(`malestokk_http_request_duration_seconds_bucket{procedure="${label}",le="+Inf"} ${h.count}`);
      lines.push(`malestokk_http_request_duration_seconds_sum{procedure="${label}"} ${h.sum}`);
      lines.push(`malestokk_http_request_duration_seconds_count{procedure="${label}"} ${h.count}`);
    }
    lines.push(
      "# HELP malestokk_database_size_bytes Size of the SQLite database (pages × page size).",
      "# TYPE malestokk_database_size_bytes gauge",
      `malestokk_database_size_bytes ${databaseBytes}`,
    );
    return `${lines.join("\n")}\n`;
  }
}
