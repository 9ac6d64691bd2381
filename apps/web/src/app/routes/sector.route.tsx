import "../../features/benefits/benefits.css";
import { Alert, Paragraph } from "@digdir/designsystemet-react";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";

import { useBenefitTexts } from "../../features/benefits/texts";
import { SectorDashboard } from "../../features/sector/sector-dashboard";
import { useSectorTexts } from "../../features/sector/texts";
import { Loading } from "../../components/query-state";
import { useCan } from "../../lib/session";

// The portfolio's charts load with the portfolio: /sektor draws its first screen without them (issue 21).
const SectorPortfolio = lazy(() =>
  import("../../features/sector/sector-portfolio").then((module) => ({ default: module.SectorPortfolio })),
);
// The map is drawn after the first screen (features/sector/sector-dashboard.tsx): its code loads then, not with the page.
const IndicatorMap = lazy(() => import("../../features/map/indicator-map").then((module) => ({ default: module.IndicatorMap })));
// The joint solutions (issue 26) load with the portfolio too.
const SectorSolutions = lazy(() => import("../../features/benefits/roll-up").then((module) => ({ default: module.SectorSolutions })));

/** /sektor and /sektor/gevinster: the programme board's view of the whole sector (issue 9). */
export function SectorRoute({ view }: { view: "dashboard" | "portfolio" }) {
  useSectorTexts();
  useBenefitTexts();
  const { t } = useTranslation();
  // The server decides; this spares others a page they would be refused.
  if (!useCan("sector.read")) {
    return (
      <Alert data-color="info">
        <Paragraph>{t("sector.noAccess")}</Paragraph>
      </Alert>
    );
  }
  return view === "dashboard" ? (
    <SectorDashboard
      map={(year) => (
        <Suspense fallback={<Loading />}>
          <IndicatorMap year={year} />
        </Suspense>
      )}
    />
  ) : (
    <Suspense fallback={<Loading />}>
      <SectorPortfolio />
      <SectorSolutions />
    </Suspense>
  );
}

export default function SectorDashboardRoute() {
  return <SectorRoute view="dashboard" />;
}
