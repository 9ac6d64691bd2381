// The baseline of `bench/serve.ts`: a bare Express endpoint that answers with the same JSON as
// benchmarks.series, in a process of its own as the app is, optionally through the same on-the-fly
// compression (decision 015) so the compressed comparison is like for like.
import { readFileSync } from "node:fs";

import express from "express";

import { dynamicCompression } from "../src/compression";

const body = readFileSync(process.env.BODY_FILE ?? "", "utf8");
const app = express();
if (process.env.COMPRESS === "1") app.use(dynamicCompression());
app.get("/series", (_req, res) => {
  res.type("application/json").send(body);
});
const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`running at http://localhost:${typeof address === "object" && address ? address.port : 0}`);
});
// Exits on SIGTERM as the app does, so a run with --cpu-prof writes its profile.
process.on("SIGTERM", () => server.close(() => process.exit(0)));
