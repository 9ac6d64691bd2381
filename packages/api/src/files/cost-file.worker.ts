import { parentPort } from "node:worker_threads";

import { parseCostFile, type CostFileInput } from "@malestokk/domain";

// Runs in a worker thread: a hostile workbook costs this thread time, never the server's.
parentPort?.on("message", (input: CostFileInput) => {
  parentPort?.postMessage(parseCostFile(input));
});
