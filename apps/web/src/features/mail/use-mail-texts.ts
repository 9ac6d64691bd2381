import enMail from "../../locales/en.mail.json";
import nbMail from "../../locales/nb.mail.json";
import nnMail from "../../locales/nn.mail.json";
import { useLocaleArea } from "../../lib/i18n";

/** The e-mail pages' texts (admin, Min konto, unsubscribe), loaded with those pages only (docs/quality-targets.md#p-4). */
export function useMailTexts(): void {
  useLocaleArea("mail", { nb: nbMail, nn: nnMail, en: enMail });
}
