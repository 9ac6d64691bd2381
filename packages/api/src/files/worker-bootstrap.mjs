// Starts a worker thread on a TypeScript module: the server runs through tsx, but a worker (and
// a test runner's process) may not have tsx's loader, so the module is loaded through its API.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.module, import.meta.url);
