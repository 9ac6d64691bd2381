import { describe, expect, it } from "vitest";

import * as domain from "../index";
import { COMPONENT_CODES, componentName } from "../indicators/catalogue";
import { LANGUAGES, type LocalizedText } from "./localized";

/**
 * Texts that are the same word in bokmål and nynorsk (issue 22: do not invent differences): names,
 * loan words and phrases both standards write alike. Anything else the same in both is a missed translation.
 */
const SAME_IN_NB_AND_NN: ReadonlySet<string> = new Set([
  "Drift og forvaltning",
  "Utvikling",
  "Infrastruktur og utstyr",
  "Utstyr",
  "Sak/arkiv",
  "Helse og omsorg",
  "Plan/bygg/geodata",
  "Digital post (SvarUt)",
  "brutto driftsutgifter × 1000 (SSB 12362)",
  "summen av vektene",
  "IKT for innovasjon og produktivitet",
  "Innovasjon er systematisk, med utprøving, deling og gjenbruk i sektoren.",
  "Effektiv digitalisering",
  "Helse og velferd",
  "Elektronisk journal, men lite elektronisk samhandling.",
  "Oppvekst og utdanning",
  "Plan, bygg og geodata",
  "Informasjon på nett",
  "Skjema til nedlasting",
  "Digital innsending",
  "Automatisert eller proaktiv",
  "Kommunale avgifter",
  "Tømming og henting av avfall",
  "Barnehageplass",
  "SFO-plass",
  "Redusert foreldrebetaling",
  "Startlån",
  "Økonomisk sosialhjelp",
  "TT-kort",
  "Time på helsestasjon",
]);

function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === "object" && value !== null && "nb" in value && "en" in value && typeof value.nb === "string";
}

/** Every LocalizedText the domain exports, however deep in a catalogue, with where it was found. */
function localizedTexts(): [string, LocalizedText][] {
  const found: [string, LocalizedText][] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    if (isLocalizedText(value)) {
      found.push([path, value]);
      return;
    }
    for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  for (const [name, value] of Object.entries(domain)) walk(value, name);
  for (const code of COMPONENT_CODES) found.push([`componentName(${code})`, componentName(code)]);
  return found;
}

describe("the domain's texts", () => {
  const texts = localizedTexts();

  it("are found in every catalogue: IT services, cost types, system classes, indicators, maturity and the staircase", () => {
    const found = new Set(texts.map(([, text]) => text));
    for (const text of [
      domain.IT_SERVICE_NAMES.management,
      domain.IT_SERVICE_DESCRIPTIONS.userSupport,
      domain.COST_TYPE_NAMES.other,
      domain.COST_TYPE_DESCRIPTIONS.licences,
      domain.SYSTEM_CLASS_NAMES.schoolChildhood,
      domain.INDICATORS.at(-1)?.description,
      domain.K4[0]?.name,
      domain.MATURITY_AREA_DEFINITIONS.planBuildingGeodata.levels[4],
      domain.STAIRCASE_STEP_NAMES[5],
      domain.SERVICE_BASKETS[0]?.services.at(-1)?.name,
    ])
      expect(found.has(text as LocalizedText), JSON.stringify(text)).toBe(true);
    expect(texts.length).toBeGreaterThan(150);
  });

  it("have a non-empty bokmål, nynorsk and English text each", () => {
    for (const [path, text] of texts) for (const language of LANGUAGES) expect(text[language]?.trim(), `${path}.${language}`).toMatch(/\S/);
  });

  it("differ in nynorsk from bokmål except for the words both write alike", () => {
    const same = texts
      .filter(([, text]) => text.nn === text.nb && !SAME_IN_NB_AND_NN.has(text.nb))
      .map(([path, text]) => `${path}: ${text.nb}`);
    expect(same).toEqual([]);
  });

  it("keep the allow-list to words that are in use", () => {
    const used = new Set(texts.filter(([, text]) => text.nn === text.nb).map(([, text]) => text.nb));
    expect([...SAME_IN_NB_AND_NN].filter((word) => !used.has(word))).toEqual([]);
  });

  it("use nynorsk forms, not bokmål ones, for the field's words", () => {
    const bokmal = /\b(ikke|tjenest\w*|innbygger\w*|bruker(e|ne|en)?|ansatte|ledelse\w*|fra|hvis|skole\w*|\w+het|systemer)\b/i;
    const slips = texts.filter(([, text]) => bokmal.test(text.nn)).map(([path, text]) => `${path}: ${text.nn}`);
    expect(slips).toEqual([]);
  });
});
