import "../../features/systems/systems.css";
import { Alert, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { MunicipalityPage, type MunicipalityInfo } from "../../components/municipality-page";
import { SystemsRegister } from "../../features/systems/systems-register";
import { useCan } from "../../lib/session";

function Systems({ m }: { m: MunicipalityInfo }) {
  const { t } = useTranslation();
  // The server decides; these only spare people a form (or a table) they would be refused.
  const canRead = useCan("costs.read", m.id);
  const canEdit = useCan("costs.edit", m.id);
  return canRead ? (
    <SystemsRegister municipalityNumber={m.number} municipalityName={m.name} canEdit={canEdit} />
  ) : (
    <Alert data-color="info" data-testid="systems-no-access">
      <Paragraph>{t("systems.noAccess", { name: m.name })}</Paragraph>
      <Link to={`/kommune/${m.number}`}>{t("systems.backToMunicipality", { name: m.name })}</Link>
    </Alert>
  );
}

/** /kommune/NNNN/fagsystemer: the municipality's register of fagsystemer (line-of-business systems). */
export default function SystemsRoute() {
  const { t } = useTranslation();
  return (
    <MunicipalityPage number={useParams().number ?? ""} heading={(name) => t("systems.heading", { name })}>
      {(m) => <Systems m={m} />}
    </MunicipalityPage>
  );
}
