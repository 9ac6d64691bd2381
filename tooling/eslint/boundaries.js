import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

const restrict = (patterns, extra = {}) => ({
  "@typescript-eslint/no-restricted-imports": ["error", { patterns, ...extra }],
});

// Each package lints from its own folder: zone paths are taken from the repository's root.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEB = "./apps/web/src";
/** Every folder of apps/web/src/features, read at lint time, so a new feature is fenced in from its first file. */
export const FEATURES = readdirSync(new URL(`../../${WEB}/features`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Who may import what (docs/architecture.md#the-dependency-rule). Dependencies point one way: domain ← db ← api ← server. */
export const boundaries = tseslint.config(
  {
    files: ["packages/domain/**/*.ts"],
    rules: {
      ...restrict([
        { group: ["@malestokk/db", "@malestokk/db/*", "@malestokk/api", "@malestokk/api/*"], message: "domain is pure: no db or api." },
        {
          group: ["react", "react-*", "drizzle-orm", "drizzle-orm/*", "better-sqlite3", "@trpc/*", "express", "node:*"],
          message: "domain is pure TypeScript: no frameworks or I/O.",
        },
      ]),
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Domain code takes `now` as a parameter." },
        { object: "process", property: "env", message: "Domain code takes settings as parameters." },
      ],
    },
  },
  {
    files: ["packages/db/**/*.ts"],
    rules: restrict([
      {
        group: ["@malestokk/api", "@malestokk/api/*", "@malestokk/web", "express", "@trpc/*"],
        message: "db may import only drizzle, better-sqlite3 and domain.",
      },
    ]),
  },
  {
    files: ["packages/api/**/*.ts"],
    rules: restrict([
      { group: ["express", "react", "@malestokk/web", "**/apps/**"], message: "api may import db, domain and @trpc/server only." },
    ]),
  },
  {
    files: ["apps/server/**/*.ts"],
    rules: restrict([
      { group: ["@malestokk/web", "**/web/src/**"], message: "The server serves the built web app; it never imports its source." },
    ]),
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    ignores: ["apps/web/src/**/*.test.{ts,tsx}", "apps/web/src/test/**"],
    rules: restrict([
      {
        group: ["@malestokk/db", "@malestokk/db/*", "better-sqlite3", "drizzle-orm", "drizzle-orm/*"],
        message: "The web app talks to the server through tRPC only.",
      },
      {
        group: ["@malestokk/api", "@malestokk/api/*"],
        allowTypeImports: true,
        message: "Import only the router's type from @malestokk/api.",
      },
    ]),
  },
  {
    // Features never import one another or the app shell; shared pieces go to components/ or lib/,
    // and routes in app/ compose features (docs/style.md#boundaries).
    files: ["apps/web/src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: ROOT,
          zones: [
            ...FEATURES.map((feature) => ({
              target: `${WEB}/features/${feature}`,
              from: `${WEB}/features`,
              except: [`./${feature}`],
              message: "Features do not import features: compose them in a route in app/, or move shared code to components/ or lib/.",
            })),
            {
              target: `${WEB}/features`,
              from: `${WEB}/app`,
              message: "Features do not import app/: app/ composes features, not the other way round.",
            },
            {
              target: [`${WEB}/components`, `${WEB}/lib`],
              from: `${WEB}/features`,
              message: "Shared code does not import features: move what both need to components/ or lib/.",
            },
          ],
        },
      ],
    },
  },
);
