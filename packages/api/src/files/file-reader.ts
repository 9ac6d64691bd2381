import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

import { costFileSizeError, type CostFileInput, type CostFileResult } from "@malestokk/domain";

export interface FileReaderLimits {
  /** Wall-clock time one file may take, queueing not included. */
  readonly seconds: number;
  /** The worker's JavaScript heap. */
  readonly memoryMb: number;
  /** Files read at once; the machine this runs on has two cores. */
  readonly workers: number;
  /** Files waiting for a worker before new ones are turned away. */
  readonly queue: number;
  /** An idle worker is kept this long for the next file (starting one costs a module load). */
  readonly idleMs: number;
}

export const FILE_READER_LIMITS: FileReaderLimits = { seconds: 10, memoryMb: 512, workers: 2, queue: 32, idleMs: 60_000 };

// Paths, not the global URL: a test environment such as happy-dom replaces it with one Worker refuses.
const HERE = dirname(fileURLToPath(import.meta.url));
const BOOTSTRAP = join(HERE, "worker-bootstrap.mjs");
const COST_FILE_WORKER = pathToFileURL(join(HERE, "cost-file.worker.ts")).href;

interface Job {
  readonly input: CostFileInput;
  readonly resolve: (result: CostFileResult) => void;
  readonly reject: (error: unknown) => void;
}

function refused(
  input: CostFileInput,
  code: "READ_TIME_LIMIT" | "READ_MEMORY_LIMIT" | "SERVER_BUSY" | "FILE_TOO_LARGE",
  params: Record<string, number>,
): CostFileResult {
  const isZip = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b;
  return { ok: false, format: isZip ? "xlsx" : "csv", fileError: { code, params }, issues: [], warnings: [] };
}

/**
 * The bytes in memory the worker can read without a copy: a SharedArrayBuffer is shared, not
 * cloned, by postMessage. Bytes in an ordinary buffer are copied once (a structured clone would
 * copy them twice, and the caller may still need its own).
 */
function shared(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

/**
 * Reads uploaded files in worker threads with a time and a memory limit, so that no file, however
 * it is built, holds up the event loop that answers everyone else (docs/quality-targets.md#s-7, ASVS 5.0 15.2.2).
 * A file over a limit gets a refusal the user can read; its worker is ended and replaced.
 */
export class FileReader {
  private readonly idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];
  private readonly waiting: Job[] = [];
  private running = 0;

  /**
   * `workerFile`: the worker as plain JavaScript (the built server's `cost-file.worker.js`); without
   * it the worker runs the TypeScript source through tsx.
   */
  constructor(
    private readonly limits: FileReaderLimits = FILE_READER_LIMITS,
    private readonly options: { readonly workerFile?: string } = {},
  ) {}

  readCostFile(input: CostFileInput): Promise<CostFileResult> {
    // A file over the size limit costs no worker: it is refused from its size alone.
    const tooLarge = costFileSizeError(input.size ?? input.bytes.length);
    if (tooLarge !== null) return Promise.resolve(refused(input, "FILE_TOO_LARGE", tooLarge.params as Record<string, number>));
    return new Promise((resolve, reject) => {
      const job: Job = { input, resolve, reject };
      if (this.running < this.limits.workers) this.start(job);
      else if (this.waiting.length < this.limits.queue) this.waiting.push(job);
      else resolve(refused(input, "SERVER_BUSY", {}));
    });
  }

  /** Ends the idle workers (tests, shutdown); running files finish. */
  close(): Promise<void> {
    const ending = this.idle.splice(0).map(({ worker, timer }) => {
      clearTimeout(timer);
      return worker.terminate();
    });
    return Promise.all(ending).then(() => undefined);
  }

  private spawn(): Worker {
    const settings = { resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb }, stdout: false, stderr: false };
    const worker = this.options.workerFile
      ? new Worker(this.options.workerFile, settings)
      : new Worker(BOOTSTRAP, { ...settings, workerData: { module: COST_FILE_WORKER } });
    // A worker kept for the next file must not keep the process alive.
    worker.unref();
    return worker;
  }

  private start(job: Job): void {
    this.running++;
    const reused = this.idle.pop();
    if (reused) clearTimeout(reused.timer);
    const worker = reused?.worker ?? this.spawn();
    let settled = false;
    const finish = (outcome: () => void, keepWorker: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (keepWorker) this.park(worker);
      else void worker.terminate();
      outcome();
      this.running--;
      const next = this.waiting.shift();
      if (next) this.start(next);
    };
    const onMessage = (result: CostFileResult): void => finish(() => job.resolve(result), true);
    const onError = (error: Error & { code?: string }): void =>
      finish(
        () =>
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? job.resolve(refused(job.input, "READ_MEMORY_LIMIT", { megabytes: this.limits.memoryMb }))
            : job.reject(error),
        false,
      );
    const onExit = (code: number): void => finish(() => job.reject(new Error(`File reader stopped (exit code ${code})`)), false);
    const deadline = setTimeout(
      () => finish(() => job.resolve(refused(job.input, "READ_TIME_LIMIT", { seconds: this.limits.seconds })), false),
      this.limits.seconds * 1000,
    );
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ ...job.input, bytes: shared(job.input.bytes) });
  }

  private park(worker: Worker): void {
    const timer = setTimeout(() => {
      const at = this.idle.findIndex((entry) => entry.worker === worker);
      if (at >= 0) this.idle.splice(at, 1);
      void worker.terminate();
    }, this.limits.idleMs);
    timer.unref();
    this.idle.push({ worker, timer });
  }
}
