import globals from "globals";
import tseslint from "typescript-eslint";

import { base } from "./tooling/eslint/base.js";
import { boundaries } from "./tooling/eslint/boundaries.js";
import { react } from "./tooling/eslint/react.js";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/dist-ssr/**",
      "**/node_modules/**",
      "**/.turbo/**",
      "**/migrations/**",
      ".cache/**",
      "data/**",
      "tooling/eslint/fixtures/**",
    ],
  },
  { languageOptions: { globals: globals.node } },
  ...base,
  ...boundaries,
  ...react,
);
