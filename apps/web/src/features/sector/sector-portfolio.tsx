import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { lazy, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ChartWithTable } from "../../components/chart-with-table";
import { DataTable } from "../../components/data-table";
import { yearSpan } from "../../components/export-about";
import { useExportTexts } from "../../components/export-texts";
import { EmptyState } from "../../components/empty-state";
import { QueryView } from "../../components/query-view";
import { formatNok } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { STATUS_COLOURS } from "../../components/benefit-status";
import { PORTFOLIO_CHART_HEIGHT } from "./portfolio-chart-size";

// recharts loads, and the chart is drawn, when the chart comes near the screen: the heading and the tables do not wait (issue 21).
const PortfolioChart = lazy(() => import("./portfolio-chart"));

/** Every municipality's benefit plans for the programme board (issue 9). */

export function SectorPortfolio() {
  useExportTexts();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.sector.portfolio.queryOptions());
  useEffect(() => {
    document.title = `${t("sector.portfolio.title")} – ${t("app.name")}`;
  }, [t]);
  if (!query.isSuccess) return <QueryView query={query} />;
  const p = query.data;
  // A year that has not come yet has realized nothing; say so rather than show 0 kr.
  const realizedText = (nok: number | null) => (nok === null ? t("sector.portfolio.notYet") : formatNok(nok));
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("sector.portfolio.title")}
      </Heading>
      <Paragraph>{t("sector.portfolio.intro")}</Paragraph>
      {p.projects === 0 ? (
        <EmptyState>{t("sector.portfolio.empty")}</EmptyState>
      ) : (
        <>
          <Paragraph>
            {t("sector.portfolio.projects", { count: p.projects })} · {t("benefits.benefitsCount", { count: p.totals.benefits })}
            {p.totals.disBenefits > 0 && <> · {t("benefits.disBenefitsCount", { count: p.totals.disBenefits })}</>}
          </Paragraph>
          <DataTable
            caption={t("sector.portfolio.bySector")}
            testId="sector-portfolio"
            rows={p.bySector}
            rowKey={(s) => s.sector}
            columns={[
              { key: "sector", header: t("sector.portfolio.sector"), render: (s) => t(`benefits.sectors.${s.sector}`) },
              ...p.statuses.map((status) => ({
                key: `status-${status}`,
                header: (
                  <Tag data-size="sm" data-color={STATUS_COLOURS[status]}>
                    {t(`benefits.status.${status}`)}
                  </Tag>
                ),
                numeric: true,
                render: (s: (typeof p.bySector)[number]) => s.totals.byStatus[status],
              })),
              {
                key: "expected",
                header: t("sector.portfolio.expected"),
                numeric: true,
                render: (s) => formatNok(s.totals.cash.expectedNok + s.totals.nonCash.expectedNok),
              },
              {
                key: "realized",
                header: t("sector.portfolio.realized"),
                numeric: true,
                render: (s) => formatNok(s.totals.cash.realizedNok + s.totals.nonCash.realizedNok),
              },
            ]}
          />
          <ChartWithTable
            id="portfolio-over-time"
            title={t("sector.portfolio.overTimeTitle")}
            about={{ unit: t("exports.about.units.NOK"), year: yearSpan(p.overTime.map((y) => y.year)) }}
            description={t("sector.portfolio.overTimeDescription")}
            csvFileName="gevinster-over-tid.csv"
            reserve={PORTFOLIO_CHART_HEIGHT}
            chart={
              <PortfolioChart
                rows={p.overTime.map((y) => ({
                  year: y.year,
                  cashPlanned: y.cash.plannedNok,
                  cashRealized: y.cash.realizedNok,
                  nonCashPlanned: y.nonCash.plannedNok,
                  nonCashRealized: y.nonCash.realizedNok,
                }))}
              />
            }
            table={{
              caption: t("sector.portfolio.overTimeTitle"),
              columns: [
                { key: "year", header: t("sector.portfolio.year") },
                { key: "cashPlanned", header: t("sector.portfolio.cashPlanned"), numeric: true },
                { key: "cashRealized", header: t("sector.portfolio.cashRealized"), numeric: true },
                { key: "nonCashPlanned", header: t("sector.portfolio.nonCashPlanned"), numeric: true },
                { key: "nonCashRealized", header: t("sector.portfolio.nonCashRealized"), numeric: true },
              ],
              rows: p.overTime.map((y) => ({
                year: String(y.year),
                cashPlanned: formatNok(y.cash.plannedNok),
                cashRealized: realizedText(y.cash.realizedNok),
                nonCashPlanned: formatNok(y.nonCash.plannedNok),
                nonCashRealized: realizedText(y.nonCash.realizedNok),
              })),
              csvRows: p.overTime.map((y) => ({
                year: String(y.year),
                cashPlanned: String(y.cash.plannedNok),
                cashRealized: String(y.cash.realizedNok ?? ""),
                nonCashPlanned: String(y.nonCash.plannedNok),
                nonCashRealized: String(y.nonCash.realizedNok ?? ""),
              })),
            }}
          />
          <section className="stack" aria-labelledby="joint-heading">
            <Heading level={2} data-size="sm" id="joint-heading">
              {t("sector.portfolio.jointHeading")}
            </Heading>
            {p.joint.length === 0 ? (
              <Paragraph>{t("sector.portfolio.noJoint")}</Paragraph>
            ) : (
              <DataTable
                caption={t("sector.portfolio.jointCaption")}
                captionHidden
                testId="joint-projects"
                rows={p.joint}
                rowKey={(j) => j.id}
                columns={[
                  {
                    key: "project",
                    header: t("benefits.project"),
                    render: (j) => <Link to={`/gevinster/prosjekt/${j.id}`}>{j.name}</Link>,
                  },
                  { key: "phase", header: t("benefits.phase"), render: (j) => t(`benefits.phases.${j.phase}`) },
                  { key: "owner", header: t("sector.portfolio.owner"), render: (j) => j.owner.name },
                  {
                    key: "participants",
                    header: t("sector.portfolio.participants"),
                    render: (j) => j.participants.map((x) => x.name).join(", "),
                  },
                ]}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
