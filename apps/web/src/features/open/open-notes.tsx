import { Alert, Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { QueryView } from "../../components/query-view";
import { formatDateShort } from "../../lib/format";
import { useOpenLicence } from "./api";

/** "Publisert 15.06.2025", "revidert 12.05.2026": how the open pages mark a year and a revised value. */
export function publishedText(t: (key: string, options: { date: string }) => string, publishedOn: string): string {
  return t("open.published", { date: formatDateShort(publishedOn) });
}

export function revisedText(t: (key: string, options: { date: string }) => string, revisedOn: string | null): string {
  return revisedOn === null ? "" : t("open.revised", { date: formatDateShort(revisedOn) });
}

/** The licence the administrator chose, linked, and the attribution to cite: what every answer of the public API states too. */
function LicenceLine() {
  const { t } = useTranslation();
  const query = useOpenLicence();
  return (
    <QueryView query={query} pending={null} testId="open-licence">
      {(licence) => (
        <Paragraph data-size="sm" data-testid="open-licence">
          {t("open.licence")} <DsLink href={licence.url}>{t(`open.licenceNames.${licence.licence}`)}</DsLink>.{" "}
          {t("open.cite", { attribution: licence.attribution })}
        </Paragraph>
      )}
    </QueryView>
  );
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
      <LicenceLine />
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to="/apne-data">{t("open.back")}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}
