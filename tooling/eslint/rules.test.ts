import { fileURLToPath } from "node:url";

import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The repository's own ESLint config, run as `pnpm lint` runs it: these rules once let through
// what they were meant to refuse (import-x/no-cycle without the TypeScript extensions, feature
// zones that named 7 of 15 features and resolved from the wrong folder), so this proves they fire.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// fixtures/ is left out of the normal lint (eslint.config.js): its cycle is deliberate. The web
// fixtures are text linted as if they lay in apps/web/src; no tsconfig holds a file that is not
// there, so they are parsed without types (the import rules need none).
function eslintIn(folder: string): ESLint {
  return new ESLint({
    cwd: `${ROOT}${folder}`,
    ignore: false,
    overrideConfig: { files: ["**/lint-fixture.ts"], ...tseslint.configs.disableTypeChecked },
  });
}

async function ruleErrors(eslint: ESLint, filePath: string, code?: string): Promise<{ ruleId: string | null; line: number }[]> {
  const [result] = code === undefined ? await eslint.lintFiles([filePath]) : await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`${filePath} was not linted`);
  return result.messages.filter((m) => m.severity === 2).map((m) => ({ ruleId: m.ruleId, line: m.line }));
}

describe("ESLint rules of the repository", () => {
  it("import-x/no-cycle refuses a two-file cycle", async () => {
    const errors = await ruleErrors(eslintIn(""), `${ROOT}tooling/eslint/fixtures/cycle/a.ts`);
    expect(errors).toEqual([{ ruleId: "import-x/no-cycle", line: 1 }]);
  });

  // As the web app's lint script runs: from its folder, which is also process.cwd(), where
  // import-x/no-restricted-paths would resolve its zones from without a basePath.
  describe("in apps/web", () => {
    const before = process.cwd();
    const web = eslintIn("apps/web");
    const fixture = (folder: string): string => `${ROOT}apps/web/src/${folder}/lint-fixture.ts`;
    beforeAll(() => process.chdir(`${ROOT}apps/web`));
    afterAll(() => process.chdir(before));

    it("a feature may not import another feature", async () => {
      for (const [feature, other] of [
        ["costs", "profile/profile"],
        ["compare", "profile/profile"],
        ["systems", "admin/audit-log"],
      ]) {
        const code = `import * as other from "../${other}";\n\nexport const parts = other;\n`;
        expect(await ruleErrors(web, fixture(`features/${feature}`), code), feature).toEqual([
          { ruleId: "import-x/no-restricted-paths", line: 1 },
        ]);
      }
    });

    it("a feature may import its own files, components/ and lib/", async () => {
      const code = [
        'import { formatIndicatorValue } from "../../components/indicator-format";',
        'import { QUALITY_PATHS } from "../../lib/quality-paths";',
        'import { statusLabel } from "./report-view";',
        "",
        "export const parts = [formatIndicatorValue, QUALITY_PATHS, statusLabel];",
        "",
      ].join("\n");
      expect(await ruleErrors(web, fixture("features/costs"), code)).toEqual([]);
    });

    it("a feature may not import app/", async () => {
      const code = 'import { routes } from "../../app/router";\n\nexport const all = routes;\n';
      expect(await ruleErrors(web, fixture("features/costs"), code)).toEqual([{ ruleId: "import-x/no-restricted-paths", line: 1 }]);
    });

    it("shared code may not import a feature", async () => {
      const code = 'import { CostReport } from "../features/costs/cost-report";\n\nexport const Page = CostReport;\n';
      for (const folder of ["components", "lib"]) {
        expect(await ruleErrors(web, fixture(folder), code), folder).toEqual([{ ruleId: "import-x/no-restricted-paths", line: 1 }]);
      }
    });
  });
});
