import { Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { ChartWithTable } from "../../components/chart-with-table";
import { yearSpan } from "../../components/export-about";
import { useExportTexts } from "../../components/export-texts";
import { EmptyState } from "../../components/empty-state";
import { QueryView } from "../../components/query-view";
import { TableScroll } from "../../components/table-scroll";
import { formatInteger, formatNok } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { STATUS_COLOURS } from "../../components/benefit-status";

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
          <TableScroll label={t("sector.portfolio.bySector")}>
            <Table data-testid="sector-portfolio">
              <caption>{t("sector.portfolio.bySector")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("sector.portfolio.sector")}</Table.HeaderCell>
                  {p.statuses.map((s) => (
                    <Table.HeaderCell key={s} scope="col" className="numeric">
                      <Tag data-size="sm" data-color={STATUS_COLOURS[s]}>
                        {t(`benefits.status.${s}`)}
                      </Tag>
                    </Table.HeaderCell>
                  ))}
                  <Table.HeaderCell scope="col" className="numeric">{t("sector.portfolio.expected")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">{t("sector.portfolio.realized")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {p.bySector.map((s) => (
                  <Table.Row key={s.sector}>
                    <Table.HeaderCell scope="row">{t(`benefits.sectors.${s.sector}`)}</Table.HeaderCell>
                    {p.statuses.map((status) => (
                      <Table.Cell key={status} className="numeric">
                        {s.totals.byStatus[status]}
                      </Table.Cell>
                    ))}
                    <Table.Cell className="numeric">{formatNok(s.totals.cash.expectedNok + s.totals.nonCash.expectedNok)}</Table.Cell>
                    <Table.Cell className="numeric">{formatNok(s.totals.cash.realizedNok + s.totals.nonCash.realizedNok)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          <ChartWithTable
            id="portfolio-over-time"
            title={t("sector.portfolio.overTimeTitle")}
            about={{ unit: t("exports.about.units.NOK"), year: yearSpan(p.overTime.map((y) => y.year)) }}
            description={t("sector.portfolio.overTimeDescription")}
            csvFileName="gevinster-over-tid.csv"
            chart={
              <div className="chart-frame" style={{ height: 320 }}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={p.overTime.map((y) => ({ year: y.year, cashPlanned: y.cash.plannedNok, cashRealized: y.cash.realizedNok, nonCashPlanned: y.nonCash.plannedNok, nonCashRealized: y.nonCash.realizedNok }))}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="year" />
                    <YAxis tickFormatter={(v: number) => formatInteger(v)} width={100} />
                    <Tooltip formatter={(v) => formatNok(Number(v))} />
                    <Legend />
                    <Bar dataKey="cashPlanned" name={t("sector.portfolio.cashPlanned")} fill="#9ac3e8" isAnimationActive={false} />
                    <Bar dataKey="cashRealized" name={t("sector.portfolio.cashRealized")} fill="#0062ba" isAnimationActive={false} />
                    <Bar dataKey="nonCashPlanned" name={t("sector.portfolio.nonCashPlanned")} fill="#f0c987" isAnimationActive={false} />
                    <Bar dataKey="nonCashRealized" name={t("sector.portfolio.nonCashRealized")} fill="#8a4b00" isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
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
              rows: p.overTime.map((y) => ({ year: String(y.year), cashPlanned: formatNok(y.cash.plannedNok), cashRealized: realizedText(y.cash.realizedNok), nonCashPlanned: formatNok(y.nonCash.plannedNok), nonCashRealized: realizedText(y.nonCash.realizedNok) })),
              csvRows: p.overTime.map((y) => ({ year: String(y.year), cashPlanned: String(y.cash.plannedNok), cashRealized: String(y.cash.realizedNok ?? ""), nonCashPlanned: String(y.nonCash.plannedNok), nonCashRealized: String(y.nonCash.realizedNok ?? "") })),
            }}
          />
          <section className="stack" aria-labelledby="joint-heading">
            <Heading level={2} data-size="sm" id="joint-heading">
              {t("sector.portfolio.jointHeading")}
            </Heading>
            {p.joint.length === 0 ? (
              <Paragraph>{t("sector.portfolio.noJoint")}</Paragraph>
            ) : (
              <TableScroll label={t("sector.portfolio.jointCaption")}>
                <Table data-testid="joint-projects">
                  <caption className="visually-hidden">{t("sector.portfolio.jointCaption")}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t("benefits.project")}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t("benefits.phase")}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t("sector.portfolio.owner")}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t("sector.portfolio.participants")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {p.joint.map((j) => (
                      <Table.Row key={j.id}>
                        <Table.HeaderCell scope="row">
                          <Link to={`/gevinster/prosjekt/${j.id}`}>{j.name}</Link>
                        </Table.HeaderCell>
                        <Table.Cell>{t(`benefits.phases.${j.phase}`)}</Table.Cell>
                        <Table.Cell>{j.owner.name}</Table.Cell>
                        <Table.Cell>{j.participants.map((x) => x.name).join(", ")}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            )}
          </section>
        </>
      )}
    </div>
  );
}
