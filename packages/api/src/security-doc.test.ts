import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Every `` `file` "test name" `` in docs/security.md: the evidence it cites for a control. */
function citations(): { file: string; name: string }[] {
  const text = readFileSync(join(ROOT, "docs/security.md"), "utf8");
  return [...text.matchAll(/`([\w./-]+\.(?:test|e2e)\.tsx?)` "([^"]+)"/g)].map(([, file = "", name = ""]) => ({ file, name }));
}

describe("docs/security.md", () => {
  it("cites tests that exist, by the beginning of their names, so the page cannot drift from the code", () => {
    const cited = citations();
    expect(cited.length).toBeGreaterThan(60);
    const missing = cited.filter(({ file, name }) => {
      const path = join(ROOT, file);
      if (!existsSync(path)) return true;
      // Test names in the source may wrap their quotes differently; compare the words.
      return !readFileSync(path, "utf8").includes(name);
    });
    expect(missing).toEqual([]);
  });
});
