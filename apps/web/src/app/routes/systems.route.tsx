import { Alert, Breadcrumbs, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { Loading, QueryError } from "../../components/query-state";
import { SystemsRegister } from "../../features/systems-register/systems-register";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";

/** /kommune/NNNN/fagsystemer: the municipality's register of line-of-business systems. */
export default function SystemsRoute() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const number = useParams().number ?? "";
  const valid = /^\d{4}$/.test(number);
  const municipality = useQuery({ ...trpc.municipalities.get.queryOptions({ municipalityNumber: number }), enabled: valid, retry: false });
  const canRead = useCan("costs.read", municipality.data?.id ?? null);
  const canEdit = useCan("costs.edit", municipality.data?.id ?? null);
  useEffect(() => {
    document.title = `${t("systems.title")} – ${municipality.data?.name ?? number} – ${t("app.name")}`;
  }, [municipality.data?.name, number, t]);
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
        {`${t("systems.title")} – ${m.name}`}
      </Heading>
      {canRead ? <SystemsRegister municipalityNumber={m.number} canEdit={canEdit} /> : <Paragraph data-testid="systems-no-access">{t("costs.noAccess")}</Paragraph>}
    </div>
  );
}
