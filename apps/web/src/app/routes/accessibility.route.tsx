import { Heading, Link as DsLink, List, Paragraph } from "@digdir/designsystemet-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useLocaleArea } from "../../lib/i18n";
import enAccessibility from "../../locales/en.accessibility.json";
import nbAccessibility from "../../locales/nb.accessibility.json";
import nnAccessibility from "../../locales/nn.accessibility.json";

/** /tilgjengelighet: how the service meets WCAG 2.1 AA and where the statement is (docs/quality-targets.md#s-13). Open to everyone. */
export default function AccessibilityRoute() {
  useLocaleArea("accessibility", { nb: nbAccessibility, nn: nnAccessibility, en: enAccessibility });
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("accessibility.title")} – ${t("app.name")}`;
  }, [t]);
  const items = (key: string) => t(key, { returnObjects: true }) as string[];
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {t("accessibility.title")}
      </Heading>
      <Paragraph>{t("accessibility.intro")}</Paragraph>
      <Heading level={2} data-size="sm">
        {t("accessibility.doneTitle")}
      </Heading>
      <List.Unordered>
        {items("accessibility.done").map((text) => (
          <List.Item key={text}>{text}</List.Item>
        ))}
      </List.Unordered>
      <Heading level={2} data-size="sm">
        {t("accessibility.limitsTitle")}
      </Heading>
      <List.Unordered>
        {items("accessibility.limits").map((text) => (
          <List.Item key={text}>{text}</List.Item>
        ))}
      </List.Unordered>
      <Heading level={2} data-size="sm">
        {t("accessibility.statementTitle")}
      </Heading>
      <Paragraph>{t("accessibility.statement")}</Paragraph>
      <Paragraph>
        <DsLink href="https://www.uustatus.no/nb/erklaringer/publisert">{t("accessibility.uustatus")}</DsLink>
      </Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/">{t("accessibility.back")}</Link>
        </DsLink>
      </Paragraph>
    </div>
  );
}
