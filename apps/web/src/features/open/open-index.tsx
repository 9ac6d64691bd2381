import { Heading, Link as DsLink, List, Paragraph } from "@digdir/designsystemet-react";
import { INDICATORS } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { indicatorLabel } from "../../components/indicator-format";
import { useLanguage } from "../../lib/i18n";
import { OpenFooter } from "./open-notes";

/** The way into the open pages: every indicator; each indicator's page lists the municipalities with published figures. */
export function OpenIndex() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {t("open.title")}
      </Heading>
      <Paragraph>{t("open.intro")}</Paragraph>
      <Heading level={2} data-size="sm">
        {t("open.indicatorsTitle")}
      </Heading>
      <Paragraph>{t("open.indicatorsIntro")}</Paragraph>
      <List.Unordered data-testid="open-indicators">
        {INDICATORS.map((indicator) => (
          <List.Item key={indicator.code}>
            <DsLink asChild>
              <Link to={`/apne-data/indikator/${indicator.code}`}>{indicatorLabel(indicator.code, language)}</Link>
            </DsLink>
          </List.Item>
        ))}
      </List.Unordered>
      <OpenFooter isDemo={false} />
    </div>
  );
}
