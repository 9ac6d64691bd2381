import { Alert, Breadcrumbs, Heading } from "@digdir/designsystemet-react";
import { getIndicator } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { Loading, QueryError } from "../../components/query-state";
import { IndicatorPage } from "../../features/indicator/indicator-page";
import { useTRPC } from "../../lib/trpc";

/** /kommune/NNNN/indikator/K1: one indicator in depth. */
export default function IndicatorRoute() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "nb";
  const trpc = useTRPC();
  const params = useParams();
  const number = params.number ?? "";
  const indicator = getIndicator(params.code ?? "");
  const valid = /^\d{4}$/.test(number) && indicator !== null;
  const municipality = useQuery({ ...trpc.municipalities.get.queryOptions({ municipalityNumber: number }), enabled: valid, retry: false });
  const title = indicator?.name[lang] ?? "";
  useEffect(() => {
    document.title = `${title} – ${municipality.data?.name ?? number} – ${t("app.name")}`;
  }, [title, municipality.data?.name, number, t]);
  if (!valid) return <Alert data-color="warning">{t("indicator.notFound")}</Alert>;
  if (municipality.isPending) return <Loading />;
  if (municipality.isError) return <QueryError error={municipality.error} onRetry={() => void municipality.refetch()} />;
  const m = municipality.data;
  return (
    <div className="stack">
      <Breadcrumbs aria-label={t("nav.breadcrumbs")} className="no-print">
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
          <Breadcrumbs.Item>
            <Breadcrumbs.Link asChild>
              <Link to={`/kommune/${m.number}/profil`}>{t("profile.title")}</Link>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
        </Breadcrumbs.List>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        {`${title} – ${m.name}`}
      </Heading>
      <IndicatorPage municipalityNumber={m.number} indicatorCode={indicator.code} />
    </div>
  );
}
