import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export const react = tseslint.config({
  files: ["apps/web/**/*.{ts,tsx}"],
  languageOptions: { globals: globals.browser },
  plugins: { "jsx-a11y": jsxA11y, "react-hooks": reactHooks },
  rules: {
    ...jsxA11y.flatConfigs.recommended.rules,
    "react-hooks/rules-of-hooks": "error",
    "react-hooks/exhaustive-deps": "error",
  },
});
