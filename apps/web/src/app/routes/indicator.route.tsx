import { Alert } from "@digdir/designsystemet-react";
import { getIndicator } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { MunicipalityPage } from "../../components/municipality-page";
import { IndicatorPage } from "../../features/indicator/indicator-page";
import { IndicatorMap } from "../../features/map/indicator-map";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

/** /kommune/NNNN/indikator/K1: one indicator in depth. */
export default function IndicatorRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const params = useParams();
  const number = params.number ?? "";
  const indicator = getIndicator(params.code ?? "");
  if (!indicator) return <Alert data-color="warning">{t("indicator.notFound")}</Alert>;
  return (
    <MunicipalityPage
      number={number}
      heading={(name) => `${localized(indicator.name, lang)} – ${name}`}
      crumbs={[{ to: `/kommune/${number}/profil`, label: t("profile.title") }]}
    >
      {(m) => (
        <IndicatorPage
          municipalityNumber={m.number}
          indicatorCode={indicator.code}
          map={(year) => <IndicatorMap indicatorCode={indicator.code} municipalityNumber={m.number} year={year} />}
        />
      )}
    </MunicipalityPage>
  );
}
