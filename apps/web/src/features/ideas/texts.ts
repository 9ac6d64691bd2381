import { useLocaleArea } from "../../lib/i18n";
import enIdeas from "../../locales/en.ideas.json";
import nbIdeas from "../../locales/nb.ideas.json";
import nnIdeas from "../../locales/nn.ideas.json";

/** The pipeline's texts load with its pages. */
export function useIdeaTexts(): void {
  useLocaleArea("ideas", { nb: nbIdeas, nn: nnIdeas, en: enIdeas });
}
