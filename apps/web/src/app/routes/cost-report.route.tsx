import { Alert, Breadcrumbs, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { QueryView } from "../../components/query-view";
import { CostReport } from "../../features/costs/cost-report";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";

export default function CostReportRoute() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const params = useParams();
  const number = params.number ?? "";
  const year = Number(params.year);
  // The same page serves a municipality (/kommune/NNNN/…) and an IT cooperative (/samarbeid/NNNNNNNNN/…).
  const isCooperative = /^\d{9}$/.test(number);
  const valid = (/^\d{4}$/.test(number) || isCooperative) && Number.isInteger(year);
  const municipalityQuery = useQuery({
    ...trpc.municipalities.get.queryOptions({ municipalityNumber: number }),
    enabled: valid && !isCooperative,
    retry: false,
  });
  const cooperatives = useQuery({ ...trpc.register.cooperatives.queryOptions(), enabled: valid && isCooperative });
  const cooperative = cooperatives.data?.find((c) => c.organisationNumber === number);
  const municipality = isCooperative
    ? { ...cooperatives, data: cooperative ? { id: cooperative.id, number, name: cooperative.name } : undefined }
    : municipalityQuery;
  const canRead = useCan("costs.read", municipality.data?.id ?? null);
  const years = useQuery(trpc.years.list.queryOptions());
  const base = isCooperative ? `/samarbeid/${number}` : `/kommune/${number}`;
  const title = t("costReport.title", { year });
  useEffect(() => {
    document.title = `${title} – ${municipality.data?.name ?? number} – ${t("app.name")}`;
  }, [title, municipality.data?.name, number, t]);

  const notFound = <Alert data-color="warning">{t("municipalities.notFound", { number })}</Alert>;
  if (!valid || (municipality.isSuccess && !municipality.data)) return notFound;
  const m = municipality.data;
  if (municipality.status !== "success" || !m) return <QueryView query={municipality} notFound={notFound} />;
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
              <Link to={isCooperative ? "/" : `/kommune/${m.number}`}>{m.name}</Link>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
        </Breadcrumbs.List>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        {`${title} – ${m.name}`}
      </Heading>
      <nav aria-label={t("costReport.otherYears")} className="year-nav">
        <ul>
          {[...(years.data ?? [])].reverse().map((y) => (
            <li key={y.year}>
              {y.year === year ? <span aria-current="page">{y.year}</span> : <Link to={`${base}/kostnader/${y.year}`}>{y.year}</Link>}
            </li>
          ))}
        </ul>
      </nav>
      {canRead ? (
        <CostReport municipalityNumber={m.number} municipalityName={m.name} year={year} />
      ) : (
        <Paragraph data-testid="cost-no-access">{t("costs.noAccess")}</Paragraph>
      )}
    </div>
  );
}
