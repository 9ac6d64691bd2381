import i18next, { type TFunction } from "i18next";

import enAdmin from "../locales/en.admin.json";
import en from "../locales/en.json";
import enMail from "../locales/en.mail.json";
import nbAdmin from "../locales/nb.admin.json";
import nb from "../locales/nb.json";
import nbMail from "../locales/nb.mail.json";

/** For tests: a plain i18next with the app's texts, as the app mounts them (admin texts under "admin", and the mail texts the log reads). */
export function adminTranslator(lng: "nb" | "en"): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: {
      nb: { translation: { ...nb, admin: nbAdmin, mail: nbMail } },
      en: { translation: { ...en, admin: enAdmin, mail: enMail } },
    },
    lng,
    fallbackLng: "nb",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
