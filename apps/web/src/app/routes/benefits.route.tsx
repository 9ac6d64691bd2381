import "../../features/benefits/benefits.css";
import { Alert, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { MunicipalityPage } from "../../components/municipality-page";
import { Portfolio } from "../../features/benefits/portfolio";
import { useBenefitTexts } from "../../features/benefits/texts";
import { useCan } from "../../lib/session";

/** /kommune/NNNN/gevinster: the municipality's benefit plans and portfolio (issue 8). */
export default function BenefitsRoute() {
  useBenefitTexts();
  const { t } = useTranslation();
  return (
    <MunicipalityPage number={useParams().number ?? ""} heading={(name) => t("benefits.portfolioHeading", { name })}>
      {(m) => <PortfolioAccess id={m.id} number={m.number} name={m.name} />}
    </MunicipalityPage>
  );
}

function PortfolioAccess({ id, number, name }: { id: number; number: string; name: string }) {
  const { t } = useTranslation();
  // The server decides; these only spare people a page they would be refused.
  const canRead = useCan("benefits.read", id);
  const canEdit = useCan("benefits.edit", id);
  // Joining another municipality's project commits the municipality: its manager answers.
  const canAnswer = useCan("benefits.approve", id);
  return canRead ? (
    <Portfolio municipalityNumber={number} canEdit={canEdit} canAnswer={canAnswer} />
  ) : (
    <Alert data-color="info" data-testid="benefits-no-access">
      <Paragraph>{t("benefits.noAccess", { name })}</Paragraph>
      <Link to={`/kommune/${number}`}>{t("benefits.backToMunicipality", { name })}</Link>
    </Alert>
  );
}
