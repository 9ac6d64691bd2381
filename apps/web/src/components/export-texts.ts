import enExports from "../locales/en.exports.json";
import nbExports from "../locales/nb.exports.json";
import nnExports from "../locales/nn.exports.json";
import { useLocaleArea } from "../lib/i18n";

/** The texts exported files carry ("exports.*"): they load with the pages that export, not with the first page (P-4). */
export function useExportTexts(): void {
  useLocaleArea("exports", { nb: nbExports, nn: nnExports, en: enExports });
}
