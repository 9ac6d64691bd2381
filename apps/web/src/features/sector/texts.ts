import { useLocaleArea } from "../../lib/i18n";
import enSector from "../../locales/en.sector.json";
import nbSector from "../../locales/nb.sector.json";
import nnSector from "../../locales/nn.sector.json";

export function useSectorTexts(): void {
  useLocaleArea("sector", { nb: nbSector, nn: nnSector, en: enSector });
}
