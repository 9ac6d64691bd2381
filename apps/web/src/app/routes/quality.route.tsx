import { Alert, Breadcrumbs, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { QualityInstrument } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useMatches, useParams } from "react-router";

import { Loading, QueryError } from "../../components/query-state";
import { MaturityForm } from "../../features/quality/maturity-form";
import { MaturityWeights } from "../../features/quality/maturity-weights";
import { QualityReport } from "../../features/quality/quality-report";
import { SatisfactionForm } from "../../features/quality/satisfaction-form";
import { ScopeForm } from "../../features/quality/scope-form";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";

export interface QualityRouteHandle {
  readonly instrument: QualityInstrument;
}

/** One quality or scope report of a municipality and year: /kommune/NNNN/{modenhet|tilfredshet|tjenester}/YYYY. */
export default function QualityRoute() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const params = useParams();
  const instrument = (useMatches().at(-1)?.handle as QualityRouteHandle | undefined)?.instrument ?? "maturity";
  const number = params.number ?? "";
  const year = Number(params.year);
  const valid = /^\d{4}$/.test(number) && Number.isInteger(year);
  const municipality = useQuery({ ...trpc.municipalities.get.queryOptions({ municipalityNumber: number }), enabled: valid, retry: false });
  const canRead = useCan("quality.read", municipality.data?.id ?? null);
  const canSetWeights = useCan("quality.weights");
  const title = t("quality.title", { instrument: t(`quality.instruments.${instrument}`), year });
  useEffect(() => {
    document.title = `${title} – ${municipality.data?.name ?? number} – ${t("app.name")}`;
  }, [title, municipality.data?.name, number, t]);
  if (!valid) return <Alert data-color="warning">{t("municipalities.notFound", { number })}</Alert>;
  if (municipality.isPending) return <Loading />;
  if (municipality.isError) return <QueryError error={municipality.error} onRetry={() => void municipality.refetch()} />;
  const m = municipality.data;
  return (
    <div className="stack">
      <Breadcrumbs aria-label={t("nav.breadcrumbs")}>
        <Breadcrumbs.List>
          <Breadcrumbs.Item>
            <Breadcrumbs.Link asChild>
              <Link to="/">{t("app.home")}</Link>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
          <Breadcrumbs.Item>
            <Breadcrumbs.Link asChild>
              <Link to={`/kommune/${m.number}`}>{m.name}</Link>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
        </Breadcrumbs.List>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        {`${title} – ${m.name}`}
      </Heading>
      {!canRead ? (
        <Paragraph data-testid="quality-no-access">{t("costs.noAccess")}</Paragraph>
      ) : (
        <QualityReport key={`${instrument}-${year}`} municipalityNumber={m.number} year={year} instrument={instrument}>
          {(editor) => {
            const key = editor.view.report?.version ?? 0;
            if (instrument === "maturity") {
              return (
                <>
                  <MaturityForm key={key} {...editor} />
                  {canSetWeights && <MaturityWeights weights={editor.view.weights} />}
                </>
              );
            }
            if (instrument === "satisfaction") return <SatisfactionForm key={key} {...editor} />;
            return <ScopeForm key={key} {...editor} />;
          }}
        </QualityReport>
      )}
    </div>
  );
}
