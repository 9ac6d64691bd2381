import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

import { withoutComponents, withoutLayers } from "./unused-css";

describe("Designsystemet's stylesheet without the components the app never draws", () => {
  it("drops a layer block by its first selector and keeps the rest as it was", () => {
    const css =
      "@layer ds.theme, ds.base, ds.components;@layer ds.base{.ds-sr-only{width:1px}}" +
      "@layer ds.components{.ds-card{--a:1;&:hover{color:red}}}@layer ds.components{.ds-button{color:blue}}" +
      '@layer ds.components{[data-tooltip]{--ds-tooltip:""}}@layer ds.components{@property --_dsc-avatar-x{syntax:"<length>"}.ds-avatar{}}' +
      "@layer ds.components{:where(.ds-input){margin:0}}";
    expect(withoutComponents(css)).toBe(
      "@layer ds.theme, ds.base, ds.components;@layer ds.base{.ds-sr-only{width:1px}}@layer ds.components{.ds-button{color:blue}}" +
        "@layer ds.components{:where(.ds-input){margin:0}}",
    );
  });

  it("keeps every component the app draws in the real stylesheet, and saves about a quarter of it", () => {
    const require = createRequire(import.meta.url);
    const css = readFileSync(require.resolve("@digdir/designsystemet-css"), "utf8");
    const pruned = withoutComponents(css);
    for (const used of [
      "ds-button",
      "ds-input",
      "ds-field",
      "ds-alert",
      "ds-details",
      "ds-dialog",
      "ds-table",
      "ds-search",
      "ds-tag",
      "ds-spinner",
    ])
      expect(pruned).toContain(`.${used}{`);
    for (const unused of [".ds-card{", ".ds-chip{", ".ds-badge{", ".ds-pagination{", "[data-tooltip]{"])
      expect(pruned).not.toContain(unused);
    expect(pruned.length / css.length).toBeLessThan(0.8);
    expect(pruned.startsWith("@layer ds.theme, ds.base, ds.components;@layer ds.base{")).toBe(true);
  });

  it("leaves the dark colour scheme, which the app never sets, out of the theme", () => {
    const require = createRequire(import.meta.url);
    const css = readFileSync(require.resolve("@digdir/designsystemet-css/theme"), "utf8");
    const pruned = withoutLayers(css);
    expect(css).toContain("[data-color-scheme=dark]");
    expect(pruned).not.toContain("[data-color-scheme=dark]");
    expect(pruned).toContain("@layer ds.theme.color-scheme.light{");
    expect(pruned).toContain("@layer ds.theme.color{");
  });
});
