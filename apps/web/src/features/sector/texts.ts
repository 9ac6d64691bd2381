import { useLocaleArea } from "../../lib/i18n";
import enSector from "../../locales/en.sector.json";
import nbSector from "../../locales/nb.sector.json";

export function useSectorTexts(): void {
  useLocaleArea("sector", { nb: nbSector, en: enSector });
}
