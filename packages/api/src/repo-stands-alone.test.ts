import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const ROOT = realpathSync(join(dirname(fileURLToPath(import.meta.url)), "../../.."));

/** Generated, installed or CI-only: `.ci/` may say what the CI machine has beside the clone. */
const SKIPPED_DIRS = new Set([".git", ".ci", "node_modules", "dist", ".turbo", ".cache", "coverage", "data", "artifacts"]);
const READ = /\.(?:[cm]?[jt]sx?|md|json|css|html|ya?ml|sql|sh)$/;

// Built from parts, so this file does not cite what it looks for.
const OUTSIDE = ["DESIGN", "STYLE", "QUALITY", "STACK"].map((name) => `${name}\\.md`).join("|");
const CITATION = new RegExp(`\\.\\./${"shared"}\\b|\\b(?:${OUTSIDE})\\b`);

/**
 * Every source and documentation file of the repository. Only ROOT and what lies below it is read:
 * symbolic links are not followed and a path that leaves ROOT fails the test, so nothing beside the
 * clone (such as a `shared` folder next to it) can make the test pass or fail.
 */
function repositoryFiles(dir: string, files: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (!path.startsWith(ROOT + sep)) throw new Error(`${path} is outside the repository`);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) repositoryFiles(path, files);
    else if (entry.isFile() && READ.test(entry.name)) files.push(path);
  }
  return files;
}

describe("the repository stands alone", () => {
  it("cites only its own docs/, never the design notes a clone does not have", () => {
    const files = repositoryFiles(ROOT);
    expect(files.length).toBeGreaterThan(300);
    const citing = files.flatMap((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .flatMap((line, index) => (CITATION.test(line) ? [`${relative(ROOT, path)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(citing).toEqual([]);
  });

  it("points only to documents and places in docs/ that exist", () => {
    const anchors = new Map<string, Set<string>>();
    const anchorsOf = (doc: string): Set<string> | null => {
      if (!anchors.has(doc)) {
        let text: string;
        try {
          text = readFileSync(join(ROOT, "docs", doc), "utf8");
        } catch {
          return null;
        }
        const ids = [...text.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((m) => m[1] ?? "");
        // Headings as GitHub names them: lower case, punctuation dropped, spaces to hyphens.
        const headings = [...text.matchAll(/^#+ (.+)$/gm)].map((m) =>
          (m[1] ?? "")
            .toLowerCase()
            .replace(/[^\p{L}\p{N} -]/gu, "")
            .replace(/ /g, "-"),
        );
        anchors.set(doc, new Set([...ids, ...headings]));
      }
      return anchors.get(doc) ?? null;
    };
    const broken = repositoryFiles(ROOT)
      .filter((path) => !path.startsWith(join(ROOT, "docs") + sep))
      .flatMap((path) =>
        [...readFileSync(path, "utf8").matchAll(/\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g)].flatMap(([cited = "", doc = "", anchor]) => {
          const known = anchorsOf(doc);
          return known === null || (anchor !== undefined && !known.has(anchor)) ? [`${relative(ROOT, path)}: ${cited}`] : [];
        }),
      );
    expect(broken).toEqual([]);
  });
});
