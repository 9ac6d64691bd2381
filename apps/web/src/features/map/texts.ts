import { useLocaleArea } from "../../lib/i18n";
import enMap from "../../locales/en.map.json";
import nbMap from "../../locales/nb.map.json";
import nnMap from "../../locales/nn.map.json";

/** The map's texts ("map.*"): they load with the pages that show a map, not with the first page (P-4). */
export function useMapTexts(): void {
  useLocaleArea("map", { nb: nbMap, nn: nnMap, en: enMap });
}
