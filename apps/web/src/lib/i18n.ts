import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";

import nbCosts from "../locales/nb.costs.json";
import nb from "../locales/nb.json";
import nbIndicator from "../locales/nb.indicator.json";
import nbProfile from "../locales/nb.profile.json";
import nbQuality from "../locales/nb.quality.json";
import nbReport from "../locales/nb.report.json";
import nbSystems from "../locales/nb.systems.json";

export const LANGUAGES = ["nb", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = "malestokk.language";

type Translation = Record<string, unknown>;

// Bokmål ships with the first page; English loads when chosen (docs/quality-targets.md#p-4: every kB counts).
// One file per area keeps parallel work on the texts apart; keys live under the area's name.
const BOKMAL: Translation = {
  ...nb,
  costReport: nbCosts,
  systems: nbSystems,
  quality: nbQuality,
  report: nbReport,
  profile: nbProfile,
  indicator: nbIndicator,
};
const LOADERS: Record<Exclude<Language, "nb">, () => Promise<Translation>> = {
  en: async () => {
    const [core, costs, systems, quality, report, profile, indicator] = await Promise.all([
      import("../locales/en.json"),
      import("../locales/en.costs.json"),
      import("../locales/en.systems.json"),
      import("../locales/en.quality.json"),
      import("../locales/en.report.json"),
      import("../locales/en.profile.json"),
      import("../locales/en.indicator.json"),
    ]);
    return {
      ...core.default,
      costReport: costs.default,
      systems: systems.default,
      quality: quality.default,
      report: report.default,
      profile: profile.default,
      indicator: indicator.default,
    };
  },
};

export function readStoredLanguage(): Language {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY) === "en" ? "en" : "nb";
  } catch {
    return "nb";
  }
}

/** Creates the i18next instance in bokmål; `extra` adds other languages up front (tests). */
export function createI18n(extra: Partial<Record<Language, Translation>> = {}): I18n {
  const instance = i18next.createInstance();
  const resources: Record<string, { translation: Translation }> = { nb: { translation: BOKMAL } };
  for (const [lng, translation] of Object.entries(extra)) resources[lng] = { translation };
  void instance.use(initReactI18next).init({
    resources,
    lng: "nb",
    fallbackLng: "nb",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  instance.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
    } catch {
      // Private mode without storage: the choice lasts for this visit only.
    }
  });
  document.documentElement.lang = "nb";
  return instance;
}

/** Switches language, loading its texts first when needed; the choice is remembered. */
export async function setLanguage(instance: I18n, language: Language): Promise<void> {
  // An area's texts may be in already (useLocaleArea): look for a shared text, not for the bundle.
  if (language !== "nb" && !instance.exists("app.name", { lng: language, fallbackLng: false })) {
    instance.addResourceBundle(language, "translation", await LOADERS[language](), true, false);
  }
  await instance.changeLanguage(language);
}

/**
 * Adds the texts of an area that loads with its own route (both languages are small), so they stay
 * out of the first page's JavaScript (docs/quality-targets.md#p-4). Call at the top of the route's component.
 */
export function useLocaleArea(area: string, texts: Record<Language, Translation>): void {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (!i18n.getResource(language, "translation", area))
      i18n.addResourceBundle(language, "translation", { [area]: texts[language] }, true, false);
  }
}

/**
 * Adds texts that another package keeps (the domain's cost file messages, which the command line
 * speaks from too: ADR 011) under `path` inside an area, keeping what is there; `probe` is a key they
 * bring. Called by the component that uses them, so they load with its page, not the first one.
 */
export function useNestedTexts(path: readonly string[], texts: Readonly<Record<Language, Translation>>, probe: string): void {
  const { i18n } = useTranslation();
  for (const language of LANGUAGES) {
    if (i18n.exists(probe, { lng: language, fallbackLng: false })) continue;
    const bundle = path.reduceRight<Translation>((inner, key) => ({ [key]: inner }), texts[language]);
    i18n.addResourceBundle(language, "translation", bundle, true, false);
  }
}
