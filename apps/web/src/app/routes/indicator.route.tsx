import { Alert } from "@digdir/designsystemet-react";
import { getIndicator } from "@malestokk/domain";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { MunicipalityPage } from "../../components/municipality-page";
import { Loading } from "../../components/query-state";
import { IndicatorPage } from "../../features/indicator/indicator-page";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

// The map is drawn after the definition and the controls (features/indicator/indicator-page.tsx): its code loads then.
const IndicatorMap = lazy(() => import("../../features/map/indicator-map").then((module) => ({ default: module.IndicatorMap })));

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
          map={(year) => (
            <Suspense fallback={<Loading />}>
              <IndicatorMap indicatorCode={indicator.code} municipalityNumber={m.number} year={year} />
            </Suspense>
          )}
        />
      )}
    </MunicipalityPage>
  );
}
