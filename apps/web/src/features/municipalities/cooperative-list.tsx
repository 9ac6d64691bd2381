import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState } from "../../components/empty-state";
import { QueryView } from "../../components/query-view";
import { useCan } from "../../lib/session";
import { useCooperatives, useYears } from "./api";
import { CooperativeForm } from "./cooperative-form";

/** The IT cooperatives of the register and the municipalities each one serves. */
export function CooperativeList() {
  const { t } = useTranslation();
  const query = useCooperatives();
  const years = useYears();
  const latestYear = Math.max(...(years.data ?? []).map((y) => y.year), new Date().getFullYear() - 1);
  const canManage = useCan("register.manage");
  return (
    <section aria-labelledby="cooperatives-heading" className="stack">
      <Heading level={2} data-size="sm" id="cooperatives-heading">
        {t("cooperatives.title")}
      </Heading>
      <Paragraph data-size="sm">{t("cooperatives.intro")}</Paragraph>
      <QueryView query={query} pending={null} />
      {query.data && query.data.length === 0 && <EmptyState>{t("cooperatives.empty")}</EmptyState>}
      {query.data && query.data.length > 0 && (
        <ul className="cooperative-list" data-testid="cooperative-list">
          {query.data.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> ({t("cooperatives.orgNumber", { number: c.organisationNumber })}) — {t("cooperatives.members")}:{" "}
              {c.members.map((m, i) => (
                <span key={m.number}>
                  {i > 0 && ", "}
                  <Link to={`/kommune/${m.number}`}>{m.name}</Link>
                </span>
              ))}{" "}
              —{" "}
              <Link to={`/samarbeid/${c.organisationNumber}/kostnader/${latestYear}`}>{t("cooperatives.costs", { year: latestYear })}</Link>
            </li>
          ))}
        </ul>
      )}
      {canManage && <CooperativeForm />}
    </section>
  );
}
