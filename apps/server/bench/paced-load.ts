// An evenly spaced load for `bench/serve.ts` (issue 21, P-11). autocannon's fixed rate (`overallRate`
// as `connectionRate`) lets each connection send its share of a second at the start of that second,
// so 400 requests/s arrive as one burst a second and its p99 is the time to answer a whole burst.
// Here request i is sent at start + i / rate, on connection i mod connections, whatever happened to
// the ones before: a request that waits for its connection waits on the clock, so its latency counts
// from when it was due (no coordinated omission).
import { Agent, request } from "node:http";

export interface PacedLoadOptions {
  readonly url: string;
  readonly headers?: Record<string, string>;
  /** Requests per second, offered evenly. */
  readonly rate: number;
  /** Keep-alive connections, one request at a time on each. */
  readonly connections: number;
  readonly seconds: number;
}

export interface PacedLoadResult {
  /** Answers per second over the run. */
  readonly rate: number;
  readonly answered: number;
  /** Answers other than 2xx or 304, and requests that failed. */
  readonly failed: number;
  /** Milliseconds from when each request was due to its whole answer. */
  readonly latencies: readonly number[];
}

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const agents = Array.from({ length: options.connections }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  let settled = 0;
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const done = () => {
      settled++;
      if (settled === total) resolve();
    };
    const send = (i: number) => {
      const due = start + i * interval;
      const req = request(options.url, { agent: agents[i % agents.length], headers: options.headers }, (res) => {
        res.resume();
        res.on("end", () => {
          if ((res.statusCode ?? 0) >= 300 && res.statusCode !== 304) failed++;
          latencies.push(performance.now() - due);
          done();
        });
      });
      req.on("error", () => {
        failed++;
        done();
      });
      req.end();
    };
    // Timers fire at best every millisecond: each tick sends every request that has come due.
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) send(sent++);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  for (const agent of agents) agent.destroy();
  return { rate: latencies.length / elapsed, answered: latencies.length, failed, latencies };
}
