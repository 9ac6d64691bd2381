import enTexts from "../../locales/en.api-tokens.json";
import nbTexts from "../../locales/nb.api-tokens.json";
import nnTexts from "../../locales/nn.api-tokens.json";
import { useLocaleArea } from "../../lib/i18n";

/** The API token pages' texts, loaded with those pages only (docs/quality-targets.md#p-4). */
export function useApiTokenTexts(): void {
  useLocaleArea("apiTokens", { nb: nbTexts, nn: nnTexts, en: enTexts });
}
