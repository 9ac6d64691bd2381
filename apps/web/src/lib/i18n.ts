import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";

import { setFormatLanguage } from "./format";

export const LANGUAGES = ["nb", "nn", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
/** Each language named in itself, so people find their own whatever is shown now (the switch, the audit log). */
export const LANGUAGE_NAMES: Record<Language, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };
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
// Each language's shared texts are one chunk of its own (lib/nynorsk.ts, lib/english.ts), loaded when it is
// shown; the server names the one a page will show in its HTML, so it loads beside the entry.
const LOADERS: Record<Exclude<Language, "nb">, () => Promise<Translation>> = {
  nn: () => import("./nynorsk").then((module) => module.NYNORSK),
  en: () => import("./english").then((module) => module.ENGLISH),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen on this browser, or null before a choice. */
export function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
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
  // On the server (app/entry-server.tsx) there is no document, and nothing to remember.
  const page = typeof document === "undefined" ? null : document.documentElement;
  instance.on("languageChanged", (lng) => {
    if (page) page.lang = lng;
    if (isLanguage(lng)) setFormatLanguage(lng);
    if (!rememberChange || !page) return;
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
    } catch {
      // Private mode without storage: the choice lasts for this visit only.
    }
  });
  if (page) page.lang = "nb";
  setFormatLanguage("nb");
  if (!bokmal) waiting.add(instance);
  return instance;
}

// False while a default (not a choice) is applied: a default is not remembered on the browser (ADR 026).
let rememberChange = true;

/**
 * Switches language, loading its texts first when needed; a choice is remembered on this browser, a
 * default (`remember: false`: the account's municipality's, the browser's) is not.
 */
export async function setLanguage(instance: I18n, language: Language, options: { remember?: boolean } = {}): Promise<void> {
  // An area's texts may be in already (useLocaleArea): look for a shared text, not for the bundle.
  if (language !== "nb" && !instance.exists("app.name", { lng: language, fallbackLng: false })) {
    instance.addResourceBundle(language, "translation", await LOADERS[language](), true, false);
  }
  rememberChange = options.remember ?? true;
  try {
    await instance.changeLanguage(language);
  } finally {
    rememberChange = true;
  }
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

/** The UI language now shown, for texts the domain keeps (LocalizedText) and for exports. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : "nb";
}
