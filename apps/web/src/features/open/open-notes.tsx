import { Alert, Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { formatDateShort } from "../../lib/format";

/** "Publisert 15.06.2025", "revidert 12.05.2026": how the open pages mark a year and a revised value. */
export function publishedText(t: (key: string, options: { date: string }) => string, publishedOn: string): string {
  return t("open.published", { date: formatDateShort(publishedOn) });
}

export function revisedText(t: (key: string, options: { date: string }) => string, revisedOn: string | null): string {
  return revisedOn === null ? "" : t("open.revised", { date: formatDateShort(revisedOn) });
}

/** What every open page says under its figures: the licence and how to cite, demo data as demo, and the way back. */
export function OpenFooter(props: { isDemo: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {props.isDemo && (
        <Alert data-color="warning" data-testid="open-demo">
          {t("open.demo")}
        </Alert>
      )}
      <Paragraph data-size="sm" data-testid="open-licence">
        {t("open.licence")}
      </Paragraph>
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to="/apne-data">{t("open.back")}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}
