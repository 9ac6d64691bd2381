import { Alert, Breadcrumbs, Button, Heading } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { Loading, QueryError } from "../../components/query-state";
import { MunicipalityProfile } from "../../features/profile/profile";
import { useTRPC } from "../../lib/trpc";

/** /kommune/NNNN/profil: "Min kommune", every indicator against the peer group. */
export default function ProfileRoute() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const number = useParams().number ?? "";
  const valid = /^\d{4}$/.test(number);
  const municipality = useQuery({ ...trpc.municipalities.get.queryOptions({ municipalityNumber: number }), enabled: valid, retry: false });
  useEffect(() => {
    document.title = `${t("profile.title")} – ${municipality.data?.name ?? number} – ${t("app.name")}`;
  }, [municipality.data?.name, number, t]);
  if (!valid) return <Alert data-color="warning">{t("municipalities.notFound", { number })}</Alert>;
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
        </Breadcrumbs.List>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        {`${t("profile.title")} – ${m.name}`}
      </Heading>
      <div className="button-row no-print">
        <Button variant="secondary" data-size="sm" onClick={() => window.print()}>
          {t("profile.print")}
        </Button>
      </div>
      <MunicipalityProfile municipalityNumber={m.number} />
    </div>
  );
}
