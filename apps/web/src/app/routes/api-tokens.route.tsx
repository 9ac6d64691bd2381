import { Alert, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { MunicipalityPage, type MunicipalityInfo } from "../../components/municipality-page";
import { ApiTokenPanel } from "../../features/api-tokens/api-token-panel";
import { useApiTokenTexts } from "../../features/api-tokens/use-api-token-texts";
import { useCan } from "../../lib/session";

function Tokens({ m }: { m: MunicipalityInfo }) {
  const { t } = useTranslation();
  // The server decides; this only spares others a form they would be refused.
  return useCan("apiTokens.manage", m.id) ? (
    <ApiTokenPanel municipalityNumber={m.number} organisationName={m.name} />
  ) : (
    <Alert data-color="info" data-testid="api-tokens-no-access">
      <Paragraph>{t("apiTokens.noAccess", { name: m.name })}</Paragraph>
      <Link to={`/kommune/${m.number}`}>{m.name}</Link>
    </Alert>
  );
}

/** /kommune/NNNN/api-nokler: the municipality's API tokens, for its manager and administrators (issue 23, point 3). */
export default function ApiTokensRoute() {
  useApiTokenTexts();
  const { t } = useTranslation();
  return (
    <MunicipalityPage number={useParams().number ?? ""} heading={(name) => t("apiTokens.headingFor", { name })}>
      {(m) => <Tokens m={m} />}
    </MunicipalityPage>
  );
}
