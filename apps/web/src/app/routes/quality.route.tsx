import { Alert, Paragraph } from "@digdir/designsystemet-react";
import type { QualityInstrument } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import { useMatches, useParams } from "react-router";

import { MunicipalityPage } from "../../components/municipality-page";
import { MaturityForm } from "../../features/quality/maturity-form";
import { MaturityWeights } from "../../features/quality/maturity-weights";
import { QualityReport } from "../../features/quality/quality-report";
import { SatisfactionForm } from "../../features/quality/satisfaction-form";
import { ScopeForm } from "../../features/quality/scope-form";
import { useCan } from "../../lib/session";

export interface QualityRouteHandle {
  readonly instrument: QualityInstrument;
}

/** One quality or scope report of a municipality and year: /kommune/NNNN/{modenhet|tilfredshet|tjenester}/YYYY. */
export default function QualityRoute() {
  const { t } = useTranslation();
  const number = useParams().number ?? "";
  const year = Number(useParams().year);
  const instrument = (useMatches().at(-1)?.handle as QualityRouteHandle | undefined)?.instrument ?? "maturity";
  const title = t("quality.title", { instrument: t(`quality.instruments.${instrument}`), year });
  if (!Number.isInteger(year)) return <Alert data-color="warning">{t("municipalities.notFound", { number })}</Alert>;
  return (
    <MunicipalityPage number={number} heading={(name) => `${title} – ${name}`}>
      {(m) => <QualityBody municipalityId={m.id} municipalityNumber={m.number} year={year} instrument={instrument} />}
    </MunicipalityPage>
  );
}

function QualityBody(props: { municipalityId: number; municipalityNumber: string; year: number; instrument: QualityInstrument }) {
  const { t } = useTranslation();
  const canRead = useCan("quality.read", props.municipalityId);
  const canSetWeights = useCan("quality.weights");
  if (!canRead) return <Paragraph data-testid="quality-no-access">{t("costs.noAccess")}</Paragraph>;
  return (
    <QualityReport
      key={`${props.instrument}-${props.year}`}
      municipalityNumber={props.municipalityNumber}
      year={props.year}
      instrument={props.instrument}
    >
      {(editor) => {
        const key = editor.view.report?.version ?? 0;
        if (props.instrument === "maturity") {
          return (
            <>
              <MaturityForm key={key} {...editor} />
              {canSetWeights && <MaturityWeights weights={editor.view.weights} />}
            </>
          );
        }
        if (props.instrument === "satisfaction") return <SatisfactionForm key={key} {...editor} />;
        return <ScopeForm key={key} {...editor} />;
      }}
    </QualityReport>
  );
}
