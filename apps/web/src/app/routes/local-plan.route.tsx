import "../../features/benefits/benefits.css";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { MunicipalityPage } from "../../components/municipality-page";
import { LocalPlanPage } from "../../features/benefits/local-plan-page";
import { useBenefitTexts } from "../../features/benefits/texts";
import NotFound from "./not-found.route";

/** /kommune/:number/felles/:projectId: a municipality's local plan for a joint solution, or its adoption (issue 26). */
export default function LocalPlanRoute() {
  useBenefitTexts();
  const { t } = useTranslation();
  const params = useParams();
  const number = params.number ?? "";
  const id = Number(params.projectId);
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  return (
    <MunicipalityPage
      number={number}
      heading={(name) => t("benefits.solutions.localHeading", { name })}
      crumbs={[{ to: `/kommune/${number}/gevinster`, label: t("benefits.crumb") }]}
    >
      {(m) => <LocalPlanPage municipality={m} projectId={id} />}
    </MunicipalityPage>
  );
}
