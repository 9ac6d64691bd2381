import enAdmin from "../../locales/en.admin.json";
import nbAdmin from "../../locales/nb.admin.json";
import nnAdmin from "../../locales/nn.admin.json";
import { useLocaleArea } from "../../lib/i18n";

/** The administration pages' texts, loaded with those pages only (docs/quality-targets.md#p-4). */
export function useAdminTexts(): void {
  useLocaleArea("admin", { nb: nbAdmin, nn: nnAdmin, en: enAdmin });
}
