import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_COLOURS } from "../../components/chart-palette";
import { ChartWithTable } from "../../components/chart-with-table";
import { DataTable } from "../../components/data-table";
import { yearSpan } from "../../components/export-about";
import { QueryView } from "../../components/query-view";
import { formatDate, formatInteger, formatNok } from "../../lib/format";
import { useSectorSolutions } from "./api";

type RollUp = RouterOutputs["solutions"]["rollUp"];
type RollUpYear = RollUp["years"][number];

const csvNumber = (n: number) => String(n);

/**
 * The sector's sum of a joint solution per year (docs/indicators.md#joint-solutions): realized kroner as bars,
 * cash and non-cash apart, the planned as lines, and its table twin with the adopters and the missing years.
 */
export function RollUpYears({ id, title, years }: { id: string; title: string; years: readonly RollUpYear[] }) {
  const { t } = useTranslation();
  const data = years.map((y) => ({
    year: y.year,
    cashRealized: y.cash.realizedNok,
    nonCashRealized: y.nonCash.realizedNok,
    cashPlanned: y.cash.plannedNok,
    nonCashPlanned: y.nonCash.plannedNok,
  }));
  const cells = (y: RollUpYear, format: (n: number) => string) => ({
    year: String(y.year),
    adopters: format(y.adopters),
    cashPlanned: format(y.cash.plannedNok),
    cashRealized: format(y.cash.realizedNok),
    nonCashPlanned: format(y.nonCash.plannedNok),
    nonCashRealized: format(y.nonCash.realizedNok),
    missing: y.missing.join(", "),
  });
  return (
    <ChartWithTable
      id={id}
      title={title}
      about={{ unit: "kr", year: yearSpan(years.map((y) => y.year)) }}
      description={t("benefits.solutions.sumDescription")}
      csvFileName={`${id}.csv`}
      chart={
        <div className="chart-frame" style={{ height: 300 }}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="year" />
              <YAxis tickFormatter={(v: number) => formatInteger(v)} width={90} />
              <Tooltip formatter={(v) => formatNok(Number(v))} />
              <Legend />
              <Bar
                dataKey="cashRealized"
                stackId="realized"
                name={t("benefits.solutions.cashRealized")}
                fill={CHART_COLOURS.cashRealized}
              />
              <Bar
                dataKey="nonCashRealized"
                stackId="realized"
                name={t("benefits.solutions.nonCashRealized")}
                fill={CHART_COLOURS.nonCashRealized}
              />
              <Line
                dataKey="cashPlanned"
                name={t("benefits.solutions.cashPlanned")}
                stroke={CHART_COLOURS.cashPlanned}
                strokeDasharray="6 3"
                isAnimationActive={false}
              />
              <Line
                dataKey="nonCashPlanned"
                name={t("benefits.solutions.nonCashPlanned")}
                stroke={CHART_COLOURS.nonCashPlanned}
                strokeDasharray="2 2"
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      }
      table={{
        caption: title,
        columns: [
          { key: "year", header: t("benefits.solutions.year") },
          { key: "adopters", header: t("benefits.solutions.adoptersCount"), numeric: true },
          { key: "cashPlanned", header: t("benefits.solutions.cashPlanned"), numeric: true },
          { key: "cashRealized", header: t("benefits.solutions.cashRealized"), numeric: true },
          { key: "nonCashPlanned", header: t("benefits.solutions.nonCashPlanned"), numeric: true },
          { key: "nonCashRealized", header: t("benefits.solutions.nonCashRealized"), numeric: true },
          { key: "missing", header: t("benefits.solutions.missing") },
        ],
        rows: years.map((y) => cells(y, formatNok)),
        csvRows: years.map((y) => cells(y, csvNumber)),
      }}
    />
  );
}

function statusTag(t: TFunction, status: RollUp["adopters"][number]["status"]) {
  const colour = status === "approved" ? "success" : status === "adopted" ? "info" : "warning";
  return <Tag data-color={colour}>{t(`benefits.solutions.planStatus.${status}`)}</Tag>;
}

/**
 * A joint solution across the sector on its project's page: each adopter's status, planned and realized value
 * to date and next measurement; the sum per year; and who takes part but has not adopted. A plan not yet
 * approved shows its status only to others (its figures are its municipality's own).
 */
export function RollUpSection({ data }: { data: RollUp }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="roll-up-heading" data-testid="roll-up">
      <Heading level={2} data-size="sm" id="roll-up-heading">
        {t("benefits.solutions.rollUpHeading")}
      </Heading>
      <DataTable
        caption={t("benefits.solutions.adoptersCaption")}
        size="sm"
        testId="roll-up-adopters"
        rows={data.adopters}
        rowKey={(a) => a.number}
        empty={t("benefits.solutions.noAdopters")}
        columns={[
          {
            key: "name",
            header: t("benefits.solutions.municipality"),
            render: (a) => <Link to={`/kommune/${a.number}/felles/${data.projectId}`}>{`${a.name} (${a.number})`}</Link>,
          },
          { key: "adoptedAt", header: t("benefits.solutions.adoptedAt"), render: (a) => formatDate(a.adoptedAt.slice(0, 10)) },
          { key: "status", header: t("benefits.solutions.status"), render: (a) => statusTag(t, a.status) },
          {
            key: "planned",
            header: t("benefits.solutions.plannedToDate"),
            numeric: true,
            render: (a) => (a.figuresShown ? formatNok(a.plannedNok) : t("benefits.solutions.notApprovedYet")),
          },
          {
            key: "realized",
            header: t("benefits.solutions.realizedToDate"),
            numeric: true,
            render: (a) => (a.figuresShown ? formatNok(a.realizedNok) : t("benefits.solutions.notApprovedYet")),
          },
          {
            key: "nextDue",
            header: t("benefits.solutions.nextDue"),
            render: (a) =>
              a.nextDue === null ? "–" : `${formatDate(a.nextDue)}${a.overdue ? ` (${t("benefits.solutions.overdue")})` : ""}`,
          },
        ]}
      />
      {data.years.length > 0 && <RollUpYears id="roll-up-years" title={t("benefits.solutions.sumTitle")} years={data.years} />}
      <Heading level={3} data-size="xs">
        {t("benefits.solutions.notAdoptedHeading")}
      </Heading>
      <Paragraph data-testid="roll-up-not-adopted">
        {data.notAdopted.length === 0
          ? t("benefits.solutions.allAdopted")
          : data.notAdopted.map((m) => `${m.name} (${m.number})`).join(", ")}
      </Paragraph>
    </section>
  );
}

type SectorSolutions = RouterOutputs["solutions"]["sector"];

/**
 * The joint solutions in the board's portfolio and meeting pack: adopters, approved local plans, and the sum
 * realized to date and planned this year, cash and non-cash apart, with a link to each solution's roll-up.
 */
export function SectorSolutionsTable({ solutions, linked = true }: { solutions: SectorSolutions; linked?: boolean }) {
  const { t } = useTranslation();
  const thisYear = (s: SectorSolutions[number]) => s.years.find((y) => y.year === Number(s.today.slice(0, 4)));
  const realized = (s: SectorSolutions[number], kind: "cash" | "nonCash") => s.years.reduce((a, y) => a + y[kind].realizedNok, 0);
  return (
    <section className="stack" aria-labelledby="sector-solutions-heading" data-testid="sector-solutions">
      <Heading level={2} data-size="sm" id="sector-solutions-heading">
        {t("benefits.solutions.sectorHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("benefits.solutions.sectorIntro")}</Paragraph>
      <DataTable
        caption={t("benefits.solutions.sectorCaption")}
        size="sm"
        rows={solutions}
        rowKey={(s) => s.projectId}
        empty={t("benefits.solutions.sectorEmpty")}
        columns={[
          {
            key: "name",
            header: t("benefits.solutions.solution"),
            render: (s) => (linked ? <Link to={`/gevinster/prosjekt/${s.projectId}`}>{s.name}</Link> : s.name),
          },
          { key: "adopters", header: t("benefits.solutions.adoptersCount"), numeric: true },
          { key: "approved", header: t("benefits.solutions.approvedCount"), numeric: true },
          { key: "notAdopted", header: t("benefits.solutions.notAdoptedCount"), numeric: true, render: (s) => s.notAdopted.length },
          { key: "cash", header: t("benefits.solutions.cashRealizedToDate"), numeric: true, render: (s) => formatNok(realized(s, "cash")) },
          {
            key: "nonCash",
            header: t("benefits.solutions.nonCashRealizedToDate"),
            numeric: true,
            render: (s) => formatNok(realized(s, "nonCash")),
          },
          {
            key: "plannedThisYear",
            header: t("benefits.solutions.plannedThisYear"),
            numeric: true,
            render: (s) => {
              const y = thisYear(s);
              return formatNok(y ? y.cash.plannedNok + y.nonCash.plannedNok : 0);
            },
          },
        ]}
      />
    </section>
  );
}

/** The joint solutions for the board, fetched here: on the sector's portfolio page and in the meeting pack. */
export function SectorSolutions({ linked = true }: { linked?: boolean }) {
  const query = useSectorSolutions(true);
  return query.isSuccess ? <SectorSolutionsTable solutions={query.data} linked={linked} /> : <QueryView query={query} />;
}
