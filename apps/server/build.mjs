// Builds the server to plain JavaScript for `npm start` (issue 21): no TypeScript loader in
// production, so less memory and a quicker start. `pnpm dev` and `pnpm cli` still run the sources
// through tsx. Our own packages are bundled in; every npm dependency stays an import (native
// modules such as better-sqlite3 and argon2 must be loaded from node_modules).
import { readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { build } from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = `${HERE}/dist`;

/** npm packages are left as imports; workspace packages (@malestokk/*) and relative files are bundled. */
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@malestokk/") ? undefined : { path: args.path, external: true }));
  },
};

/**
 * A bundled module's `import.meta.url` is the bundle's. Files of our packages that find things beside
 * themselves (the db package's migrations folder) get their own location back, relative to the bundle,
 * so the bundle works wherever the repository is.
 */
const ownLocation = {
  name: "own-location",
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const fromBundle = relative(OUT, args.path).split("\\").join("/");
      return {
        contents: source.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: "ts",
      };
    });
  },
};

const started = Date.now();
const result = await build({
  entryPoints: { main: `${HERE}/src/main.ts`, "cost-file.worker": `${HERE}/../../packages/api/src/files/cost-file.worker.ts` },
  outdir: OUT,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [externalPackages, ownLocation],
  // A bundle that imports CommonJS packages needs require(); ESM output does not define it.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  metafile: true,
});

// The bundle imports its npm packages from here, so the server must declare every one of them.
const missing = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const { path, external } of output.imports) {
    if (!external || path.startsWith("node:")) continue;
    try {
      import.meta.resolve(path);
    } catch {
      missing.add(
        path
          .split("/")
          .slice(0, path.startsWith("@") ? 2 : 1)
          .join("/"),
      );
    }
  }
}
if (missing.size > 0) {
  console.error(
    `The bundle imports packages apps/server does not depend on: ${[...missing].join(", ")}. Add them to its package.json (catalog: versions).`,
  );
  process.exit(1);
}
console.log(`built the server to ${relative(process.cwd(), OUT) || "."} in ${Date.now() - started} ms (${pathToFileURL(OUT).href})`);
