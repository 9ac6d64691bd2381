import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";

export const LANGUAGES = ["nb", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = "malestokk.language";

type Translation = Record<string, unknown>;

// Bokmål loads beside the first page's chunk, English when chosen (docs/quality-targets.md#p-4: every kB
// counts). Nothing is drawn before the first page's chunk is in (the router's HydrateFallback), and every
// route waits for the texts too (app/router.tsx), so no text is missing when a page is drawn.
let bokmal: Translation | null = null;
let bokmalLoading: Promise<void> | null = null;
// Instances made before the texts arrived; they get them on arrival.
const waiting = new Set<I18n>();

/** Loads the bokmål texts once and gives them to every instance; resolves when they are in. */
export function loadBokmal(): Promise<void> {
  bokmalLoading ??= import("./bokmal").then((module) => {
    bokmal = module.BOKMAL;
    for (const instance of waiting) instance.addResourceBundle("nb", "translation", bokmal, true, false);
    waiting.clear();
  });
  return bokmalLoading;
}
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
  const resources: Record<string, { translation: Translation }> = { nb: { translation: bokmal ?? {} } };
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
  if (!bokmal) waiting.add(instance);
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
