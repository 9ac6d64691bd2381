import { Alert } from "@digdir/designsystemet-react";
import { getIndicator, type IndicatorCode } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { OpenIndicatorMap } from "../../features/map/open-map";
import { OpenIndicatorPage } from "../../features/open/open-indicator";
import { useOpenTexts } from "../../features/open/open-texts";

/** /apne-data/indikator/K1: an indicator's published values and statistics, open to everyone. */
export default function OpenIndicatorRoute() {
  useOpenTexts();
  const { t } = useTranslation();
  const indicator = getIndicator(useParams().code ?? "");
  if (!indicator) return <Alert data-color="warning">{t("open.indicator.notFound")}</Alert>;
  // The catalogue has the code, so it is one of the codes the procedure takes.
  const code = indicator.code as IndicatorCode;
  return <OpenIndicatorPage key={code} indicatorCode={code} map={(year) => <OpenIndicatorMap indicatorCode={code} year={year} />} />;
}
