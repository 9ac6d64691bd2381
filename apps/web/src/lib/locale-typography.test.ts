import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

// Issue 20, point 8: a figure and its unit never part at a line break, and amounts carry their thousands
// separator. Checked over every text in every locale file, so a new text cannot slip back.
const LOCALES = join(__dirname, "..", "locales");

function texts(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof value === "string") out.push([path, value]);
  else if (value !== null && typeof value === "object")
    for (const [key, child] of Object.entries(value)) texts(child, path === "" ? key : `${path}.${key}`, out);
  return out;
}

const allTexts = readdirSync(LOCALES)
  .filter((file) => file.endsWith(".json"))
  .flatMap((file) =>
    texts(JSON.parse(readFileSync(join(LOCALES, file), "utf8")), "", []).map(([key, text]): [string, string] => [`${file}: ${key}`, text]),
  );

describe("the typography of figures in the locale files (issue 20, point 8)", () => {
  it("reads some texts, so the checks below cannot pass on nothing", () => {
    expect(allTexts.length).toBeGreaterThan(1000);
  });

  it("puts a no-break space, never an ordinary one, between a figure and % or kr", () => {
    const breakable = allTexts.filter(([, text]) => /(\d|\}\}) (%|kr\b)/.test(text)).map(([key]) => key);
    expect(breakable).toEqual([]);
  });

  it("writes amounts of four digits or more with a thousands separator", () => {
    const unseparated = allTexts.filter(([, text]) => /(^|[^\d.,:\-/])\d{4,}[\s\u00a0](kr\b|kroner)/.test(text)).map(([key]) => key);
    expect(unseparated).toEqual([]);
  });
});
