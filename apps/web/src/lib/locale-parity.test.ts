import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { LANGUAGES } from "./i18n";

// Issue 22, point 5: nothing missing, ever. Every area file exists in every language, with the same keys
// and the same placeholders; no nynorsk text keeps a bokmål-only form (a text not yet translated, or half
// translated), and most texts differ from bokmål (a file copied whole would tip the share).
const LOCALES = join(__dirname, "..", "locales");

/** "nb.costs.json" → "costs"; "nb.json" → "" (the core file). */
function areaOf(file: string): string {
  return file.split(".").slice(1, -1).join(".");
}

function fileOf(language: string, area: string): string {
  return area === "" ? `${language}.json` : `${language}.${area}.json`;
}

function texts(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === "string") out.set(path, value);
  else if (value !== null && typeof value === "object")
    for (const [key, child] of Object.entries(value)) texts(child, path === "" ? key : `${path}.${key}`, out);
  return out;
}

const files = readdirSync(LOCALES).filter((file) => file.endsWith(".json"));
const areas = [...new Set(files.map(areaOf))].sort();
const raw = (language: string, area: string): string => readFileSync(join(LOCALES, fileOf(language, area)), "utf8");
const textsOf = (language: string, area: string): Map<string, string> => texts(JSON.parse(raw(language, area)), "", new Map());

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|\$t\(([^)]*)\)/g)].map((m) => m[1] ?? m[2] ?? "").sort();
}

/**
 * Forms that are bokmål and not nynorsk (Nynorskordboka): a nynorsk text holding one is bokmål left in, whether
 * copied whole or half translated. Words both standards write alike ("Status", "Median", "Godkjent", "blir")
 * are not here, so a text made only of them may be the same in both.
 */
const BOKMAL_ONLY = [
  "ikke",
  "hva",
  "hvem",
  "hvordan",
  "hvorfor",
  "hvis",
  "hvilke",
  "hvilken",
  "hvilket",
  "hver",
  "hvert",
  "fra",
  "bare",
  "noe",
  "noen",
  "mye",
  "jeg",
  "dere",
  "deres",
  "kun",
  "tjeneste",
  "tjenester",
  "tjenesten",
  "tjenestene",
  "innbygger",
  "innbyggere",
  "innbyggerne",
  "bruker",
  "brukere",
  "brukeren",
  "brukerne",
  "virksomhet",
  "måned",
  "måneder",
  "uke",
  "uker",
  "hele",
  "egen",
  "eget",
  "egne",
  "følgende",
  "kommuner",
  "kommunene",
  "tall",
  "tallene",
  "velg",
  "vises",
  "finnes",
  "mangler",
  "hentet",
  "lagret",
  "endret",
  "slettet",
  "opprettet",
  "ble",
  "være",
  "vært",
  "mellomlagret",
  "ansatte",
  "gjennomsnittlig",
];
const BOKMAL_WORD = new RegExp(`(?<![\\p{L}-])(${BOKMAL_ONLY.join("|")})(?![\\p{L}-])`, "iu");

/** A text with no word of its own (figures, placeholders, signs) cannot differ between the two. */
function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text.replace(/\{\{[^}]*\}\}/g, ""));
}

describe("every locale has every text (issue 22, point 5)", () => {
  it("reads the three languages' files, so the checks below cannot pass on nothing", () => {
    expect(LANGUAGES).toEqual(["nb", "nn", "en"]);
    expect(areas.length).toBeGreaterThan(10);
    expect(textsOf("nb", "").size).toBeGreaterThan(100);
  });

  it("has each area's file in every language", () => {
    const missing = areas.flatMap((area) => LANGUAGES.map((language) => fileOf(language, area)).filter((file) => !files.includes(file)));
    expect(missing).toEqual([]);
  });

  it("has the same keys in every language, in every area file", () => {
    const problems: string[] = [];
    for (const area of areas) {
      const keys = LANGUAGES.map((language) => new Set(textsOf(language, area).keys()));
      const all = new Set(keys.flatMap((set) => [...set]));
      for (const key of all)
        LANGUAGES.forEach((language, index) => {
          if (!keys[index]?.has(key)) problems.push(`${fileOf(language, area)}: ${key} missing`);
        });
    }
    expect(problems).toEqual([]);
  });

  it("has the same placeholders in every language", () => {
    const problems: string[] = [];
    for (const area of areas) {
      const nb = textsOf("nb", area);
      for (const language of LANGUAGES.filter((l) => l !== "nb")) {
        for (const [key, text] of textsOf(language, area)) {
          const expected = nb.get(key);
          if (expected !== undefined && placeholders(text).join() !== placeholders(expected).join())
            problems.push(
              `${fileOf(language, area)}: ${key} has {${placeholders(text).join()}}, bokmål {${placeholders(expected).join()}}`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("has no bokmål form left in a nynorsk text", () => {
    const problems: string[] = [];
    for (const area of areas)
      for (const [key, text] of textsOf("nn", area)) {
        const found = BOKMAL_WORD.exec(text.replace(/\{\{[^}]*\}\}/g, ""));
        if (found) problems.push(`${fileOf("nn", area)}: ${key} has «${found[1]}»: «${text}»`);
      }
    expect(problems).toEqual([]);
  });

  it("has nynorsk that differs from bokmål in most texts with words", () => {
    const pairs = areas.flatMap((area) => {
      const nb = textsOf("nb", area);
      return [...textsOf("nn", area)].filter(([, text]) => hasWords(text)).map(([key, text]) => nb.get(key) === text);
    });
    // About a third are words both standards share (labels such as "Status", "Kommune", "Godkjent").
    expect(pairs.length).toBeGreaterThan(1000);
    expect(pairs.filter(Boolean).length / pairs.length).toBeLessThan(0.5);
  });
});
