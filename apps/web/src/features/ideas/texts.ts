import { useLocaleArea } from "../../lib/i18n";
import enIdeas from "../../locales/en.ideas.json";
import nbIdeas from "../../locales/nb.ideas.json";

/** The pipeline's texts load with its pages. */
export function useIdeaTexts(): void {
  useLocaleArea("ideas", { nb: nbIdeas, en: enIdeas });
}
