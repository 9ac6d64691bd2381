import { Alert, Breadcrumbs, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { Loading, QueryError } from "../../components/query-state";
import { CostReport } from "../../features/costs/cost-report";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";

export default function CostReportRoute() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const params = useParams();
  const number = params.number ?? "";
  const year = Number(params.year);
  const valid = /^\d{4}$/.test(number) && Number.isInteger(year);
  const municipality = useQuery({ ...trpc.municipalities.get.queryOptions({ municipalityNumber: number }), enabled: valid, retry: false });
  const canRead = useCan("costs.read", municipality.data?.id ?? null);
  const title = t("costReport.title", { year });
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
      {canRead ? <CostReport municipalityNumber={m.number} municipalityName={m.name} year={year} /> : <Paragraph data-testid="cost-no-access">{t("costs.noAccess")}</Paragraph>}
    </div>
  );
}
