import { Heading, Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { useEffect } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState } from "../../components/empty-state";
import { QueryView } from "../../components/query-view";
import { formatDate } from "../../lib/format";
import { QUALITY_PATHS } from "../../lib/quality-paths";
import { useAwaiting } from "./api";

type Organisation = RouterOutputs["home"]["awaiting"]["organisations"][number];
type Item = Organisation["items"][number];

/**
 * "Min kommune" (issue 20, point 11): where a manager or finance user lands. Their organisation's pages,
 * what awaits them there (computed by the server for their own organisations only), and the full list one click away.
 */
export default function StartView() {
  const { t } = useTranslation();
  const query = useAwaiting();
  useEffect(() => {
    document.title = `${t("municipalities.start.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack" data-testid="start-view">
      <QueryView query={query}>
        {(data) =>
          data.organisations.length === 1 && data.organisations[0] ? (
            <OrganisationStart organisation={data.organisations[0]} level={1} />
          ) : (
            <>
              <Heading level={1} data-size="lg">
                {t("municipalities.start.title")}
              </Heading>
              {data.organisations.map((o) => (
                <OrganisationStart key={o.number} organisation={o} level={2} />
              ))}
            </>
          )
        }
      </QueryView>
      {/* Comes with the answer, not before it: waiting above it, it would be pushed down when the list came (CLS, issue 21). */}
      {!query.isPending && (
        <Paragraph>
          {t("municipalities.start.allDescription")}{" "}
          <DsLink asChild>
            <Link to="/kommuner">{t("municipalities.start.all")}</Link>
          </DsLink>
        </Paragraph>
      )}
    </div>
  );
}

function OrganisationStart({ organisation: o, level }: { organisation: Organisation; level: 1 | 2 }) {
  const { t } = useTranslation();
  const sub = level === 1 ? 2 : 3;
  const id = `start-${o.number}`;
  const pages =
    o.kind === "municipality"
      ? [
          { to: `/kommune/${o.number}`, label: t("municipalities.start.links.municipality") },
          { to: `/kommune/${o.number}/profil`, label: t("municipalities.start.links.profile") },
          { to: `/kommune/${o.number}/gevinster`, label: t("municipalities.start.links.benefits") },
          { to: `/kommune/${o.number}/fagsystemer`, label: t("municipalities.start.links.systems") },
          { to: "/ideer", label: t("municipalities.start.links.ideas") },
        ]
      : [];
  return (
    <section className="stack" aria-labelledby={id}>
      <Heading level={level} data-size={level === 1 ? "lg" : "md"} id={id}>
        {level === 1 ? t("municipalities.start.heading", { name: o.name }) : o.name}
      </Heading>
      <section className="stack" aria-labelledby={`${id}-awaiting`} data-testid={`awaiting-${o.number}`}>
        <Heading level={sub} data-size="sm" id={`${id}-awaiting`}>
          {t("municipalities.start.awaitingHeading")}
        </Heading>
        {o.items.length === 0 ? (
          <EmptyState>
            {t("municipalities.start.empty")} {t("municipalities.start.emptyNext")}
          </EmptyState>
        ) : (
          <ul>
            {o.items.map((item, index) => (
              <li key={`${item.kind}-${index}`}>
                <Link to={itemLink(o, item)}>{itemText(t, item)}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      {pages.length > 0 && (
        <nav aria-labelledby={`${id}-pages`}>
          <Heading level={sub} data-size="xs" id={`${id}-pages`}>
            {t("municipalities.start.pagesHeading", { name: o.name })}
          </Heading>
          <ul>
            {pages.map((p) => (
              <li key={p.to}>
                <Link to={p.to}>{p.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}

function reportPath(o: Organisation, report: string, year: number): string {
  if (report === "costs") return `/${o.kind === "itCooperative" ? "samarbeid" : "kommune"}/${o.number}/kostnader/${year}`;
  return `/kommune/${o.number}/${QUALITY_PATHS[report as keyof typeof QUALITY_PATHS]}/${year}`;
}

/** The exact page where the user takes the step. */
function itemLink(o: Organisation, item: Item): string {
  switch (item.kind) {
    case "reportReturned":
    case "reportToApprove":
      return reportPath(o, item.report, item.year);
    case "planMissing":
    case "measurementOverdue":
      return `/gevinster/prosjekt/${item.projectId}`;
    case "projectInvitation":
      return `/kommune/${o.number}/gevinster`;
    case "ideaInvitation":
      return `/ideer/${item.ideaId}`;
  }
}

function itemText(t: TFunction, item: Item): string {
  const base = "municipalities.start.items";
  switch (item.kind) {
    case "reportReturned":
      return t(item.comment ? `${base}.reportReturned` : `${base}.reportReturnedNoComment`, {
        report: t(`municipalities.start.reports.${item.report}`),
        year: item.year,
        comment: item.comment,
      });
    case "reportToApprove":
      return t(`${base}.reportToApprove`, { report: t(`municipalities.start.reports.${item.report}`), year: item.year });
    case "planMissing":
      return t(`${base}.planMissing`, { name: item.name });
    case "measurementOverdue":
      return t(`${base}.measurementOverdue`, { title: item.title, project: item.projectName, date: formatDate(item.nextDue) });
    case "projectInvitation":
    case "ideaInvitation":
      return t(`${base}.${item.kind}`, { owner: item.ownerName, name: item.name });
  }
}
