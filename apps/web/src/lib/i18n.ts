import i18next from "i18next";
import { initReactI18next } from "react-i18next";

import en from "../locales/en.json";
import nb from "../locales/nb.json";

export const LANGUAGES = ["nb", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = "malestokk.language";

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return stored === "en" ? "en" : "nb";
  } catch {
    return "nb";
  }
}

/** Creates the i18next instance; bokmål unless the user chose English before. */
export function createI18n(language: Language = readStoredLanguage()) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { nb: { translation: nb }, en: { translation: en } },
    lng: language,
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
  document.documentElement.lang = language;
  return instance;
}
