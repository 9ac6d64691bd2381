import { fileURLToPath } from "node:url";

import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

// Absolute, because each package lints from its own folder.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSCONFIGS = ["tsconfig.json", "packages/*/tsconfig.json", "apps/*/tsconfig.json", "e2e/tsconfig.json"].map(
  (glob) => `${ROOT}${glob}`,
);

/** Typed rules for every TypeScript file in the repo (docs/style.md). */
export const base = tseslint.config(
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    plugins: { "import-x": importX },
    settings: {
      // Without the TypeScript extensions import-x skips every .ts file as "not importable", and
      // import-x/no-cycle never fires: a two-file cycle linted clean (tooling/eslint/rules.test.ts holds it).
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/resolver-next": [
        createTypeScriptImportResolver({ project: TSCONFIGS, alwaysTryTypes: true, noWarnOnMultipleProjects: true }),
        importX.createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".json"], conditionNames: ["import", "default"] }),
      ],
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // `import { type X } from "m"` keeps a bare `import "m"` under verbatimModuleSyntax: it once
      // pulled the server's database driver into the web bundle.
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import-x/no-cycle": "error",
      // better-sqlite3 transactions are synchronous: an async callback commits early (drizzle-orm#2275).
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name='transaction'] > :matches(ArrowFunctionExpression, FunctionExpression)[async=true]",
          message: "better-sqlite3 transactions are synchronous: do not pass an async callback.",
        },
      ],
      // Env is read once, in apps/server/src/env.ts (docs/style.md#server).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through apps/server/src/env.ts." },
      ],
    },
  },
  {
    // Tests, test setup, e2e support, benchmarks and scripts may read the environment (PATH for child
    // processes, where the global setup left the seeded test database).
    files: [
      "**/*.test.ts",
      "**/db/src/testing.ts",
      "**/db/src/testing-global-setup.ts",
      "**/*.test.tsx",
      "e2e/**",
      "scripts/**",
      "apps/server/reliability/**",
      "apps/server/bench/**",
      "apps/server/src/env.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
