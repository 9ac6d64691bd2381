import "../../features/benefits/benefits.css";
import { Alert, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { useBenefitTexts } from "../../features/benefits/texts";
import { SectorDashboard } from "../../features/sector/sector-dashboard";
import { SectorPortfolio } from "../../features/sector/sector-portfolio";
import { useSectorTexts } from "../../features/sector/texts";
import { useCan } from "../../lib/session";

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
  return view === "dashboard" ? <SectorDashboard /> : <SectorPortfolio />;
}

export default function SectorDashboardRoute() {
  return <SectorRoute view="dashboard" />;
}
