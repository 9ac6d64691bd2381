import i18next, { type TFunction } from "i18next";

import enAdmin from "../locales/en.admin.json";
import en from "../locales/en.json";
import nbAdmin from "../locales/nb.admin.json";
import nb from "../locales/nb.json";

/** For tests: a plain i18next with the app's texts, as the app mounts them (admin texts under "admin"). */
export function adminTranslator(lng: "nb" | "en"): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { nb: { translation: { ...nb, admin: nbAdmin } }, en: { translation: { ...en, admin: enAdmin } } },
    lng,
    fallbackLng: "nb",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
