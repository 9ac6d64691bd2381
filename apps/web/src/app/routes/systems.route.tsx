// ConfirmDialog lays its buttons out with .admin-actions, which lives in the admin styles.
import "../../features/systems/systems.css";
import { Alert, Breadcrumbs, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { Loading, QueryError } from "../../components/query-state";
import { SystemsRegister } from "../../features/systems/systems-register";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";

/** /kommune/NNNN/fagsystemer: the municipality's register of fagsystemer (line-of-business systems). */
export default function SystemsRoute() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const number = useParams().number ?? "";
  const valid = /^\d{4}$/.test(number);
  const municipality = useQuery({ ...trpc.municipalities.get.queryOptions({ municipalityNumber: number }), enabled: valid, retry: false });
  const id = municipality.data?.id ?? null;
  // The server decides; these only spare people a form (or a table) they would be refused.
  const canRead = useCan("costs.read", id);
  const canEdit = useCan("costs.edit", id);
  const name = municipality.data?.name;
  useEffect(() => {
    document.title = `${t("systems.title")} – ${name ?? number} – ${t("app.name")}`;
  }, [name, number, t]);

  const notFound = !valid || (municipality.isError && (municipality.error.data as { code?: string } | undefined)?.code === "NOT_FOUND");
  if (notFound) {
    return (
      <Alert data-color="warning">
        <Paragraph>{t("municipalities.notFound", { number })}</Paragraph>
        <Link to="/">{t("app.toList")}</Link>
      </Alert>
    );
  }
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
        {t("systems.heading", { name: m.name })}
      </Heading>
      {canRead ? (
        <SystemsRegister municipalityNumber={m.number} municipalityName={m.name} canEdit={canEdit} />
      ) : (
        <Alert data-color="info" data-testid="systems-no-access">
          <Paragraph>{t("systems.noAccess", { name: m.name })}</Paragraph>
          <Link to={`/kommune/${m.number}`}>{t("systems.backToMunicipality", { name: m.name })}</Link>
        </Alert>
      )}
    </div>
  );
}
