import { Paragraph } from "@digdir/designsystemet-react";
import { getIndicator, type FigureSentence } from "@malestokk/domain";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import { useLanguage, useLocaleArea, type Language } from "../lib/i18n";
import { localized } from "../lib/localized";
import enFigure from "../locales/en.figure.json";
import nbFigure from "../locales/nb.figure.json";
import nnFigure from "../locales/nn.figure.json";
import { formatIndicatorValue } from "./indicator-format";

/** The texts of "what it means, in words" ("figure.*"), loaded by the pages that say it (the map, the profile). */
export function useFigureTexts(): void {
  useLocaleArea("figure", { nb: nbFigure, nn: nnFigure, en: enFigure });
}

/**
 * The domain's sentence (domain/map/figure-sentence.ts) in the reader's language, numbers as Norwegian writes
 * them: "Trondheim bruker 3 512 kr (IKT-kostnad per innbygger); 7 av 10 kommuner i gruppen bruker mindre.
 * Medianen i gruppen er 2 851 kr."
 */
export function figureSentenceText(
  t: TFunction,
  sentence: FigureSentence,
  about: { readonly name: string; readonly indicatorCode: string; readonly year: number; readonly language: Language },
): string {
  const show = (value: number) => formatIndicatorValue(about.indicatorCode, value);
  const indicator = localized(getIndicator(about.indicatorCode)?.name, about.language) ?? about.indicatorCode;
  switch (sentence.kind) {
    case "suppressed":
      return t("figure.suppressed", { count: sentence.n, minimum: sentence.minimum });
    case "noValue":
      return [
        t("figure.noValue", { name: about.name, indicator, year: about.year }),
        sentence.median === null ? null : t("figure.median", { median: show(sentence.median) }),
      ]
        .filter(Boolean)
        .join(" ");
    case "compared":
      return `${t(`figure.${sentence.verb}_${sentence.side}`, {
        name: about.name,
        value: show(sentence.value),
        indicator,
        count: sentence.count,
        n: sentence.n,
      })} ${t("figure.median", { median: show(sentence.median) })}`;
  }
}

/** One or two plain sentences saying what a figure means against its group, or why none is said. */
export function FigureSentenceText(props: {
  sentence: FigureSentence;
  name: string;
  indicatorCode: string;
  year: number;
  testId?: string;
}) {
  useFigureTexts();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paragraph data-size="sm" data-testid={props.testId ?? "figure-sentence"} className="figure-sentence">
      {figureSentenceText(t, props.sentence, { ...props, language })}
    </Paragraph>
  );
}
