import { useLocaleArea } from "../../lib/i18n";
import enOpen from "../../locales/en.open.json";
import nbOpen from "../../locales/nb.open.json";
import nnOpen from "../../locales/nn.open.json";

/** The open pages' texts, loaded with them. */
export function useOpenTexts(): void {
  useLocaleArea("open", { nb: nbOpen, nn: nnOpen, en: enOpen });
}
