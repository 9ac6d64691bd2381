import { Button, Details, Field, Heading, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { aboutSheet, getIndicator, INDICATORS, writeXlsx, XLSX_MIME_TYPE } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";

import { ChartWithTable } from "../../components/chart-with-table";
import { DataTable } from "../../components/data-table";
import { exportFacts, yearSpan } from "../../components/export-about";
import { sheetName } from "../../components/sheet-names";
import { downloadFile } from "../../components/download";
import { useExportTexts } from "../../components/export-texts";
import { QueryView } from "../../components/query-view";
import { YearSelect } from "../../components/selection-controls";
import { useHasDemoData } from "../../lib/demo";
import { formatDate, formatPercent, formatPercentagePointChange, PERCENT_UNIT } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useUrlState } from "../../lib/url-state";
import { formatIndicatorValue, indicatorLabel } from "../../components/indicator-format";
import { CHART_COLOURS } from "../../components/chart-palette";

type Dashboard = RouterOutputs["sector"]["dashboard"];
type Coverage = Dashboard["coverage"]["byCounty"][number];
const CODES = INDICATORS.map((i) => i.code);

/**
 * The change from last year: a share moves in percentage points ("−1,2 prosentpoeng", never "−0 %"),
 * other values in their unit, with the relative change beside them.
 */
function movementText(code: string, movement: { change: number; percent: number | null }, language: "nb" | "en"): string {
  if (getIndicator(code)?.unit === "percent") return formatPercentagePointChange(movement.change, language);
  const value = formatIndicatorValue(code, Math.abs(movement.change));
  const signed = value.startsWith("0") ? value : `${movement.change >= 0 ? "+" : "−"}${value}`;
  return movement.percent === null ? signed : `${signed} (${formatPercent(movement.percent)})`;
}

/** The dashboard as worksheets: every indicator nationally, coverage by county, and who is missing. */
export function dashboardSheets(t: TFunction, d: Dashboard, language: "nb" | "en") {
  const header = [
    t("sector.indicator"),
    t("sector.national"),
    t("sector.meanOfRatios"),
    t("sector.median"),
    "Q1",
    "Q3",
    t("sector.n"),
    t("sector.movement", { year: d.previousYear ?? "" }),
  ];
  const rows = d.indicators.map((i) => [
    indicatorLabel(i.code, language),
    i.national.ratioOfSums,
    i.national.meanOfRatios,
    i.national.median,
    i.national.q1,
    i.national.q3,
    i.national.n,
    i.movement?.change ?? null,
  ]);
  const coverage = [
    [t("sector.county"), t("sector.units"), t("sector.reported"), t("sector.approved")],
    ...d.coverage.byCounty.map((c) => [c.name ?? t("sector.noGroup"), c.units, c.reported, c.approved]),
  ];
  const missing = [
    [t("sector.municipality"), t("sector.county"), t("sector.reportStatus")],
    ...d.coverage.missing.map((m) => [
      `${m.name} (${m.number})`,
      m.countyName,
      m.status ? t(`sector.reportStatuses.${m.status}`) : t("sector.notStarted"),
    ]),
  ];
  return [
    { name: sheetName(t, "success"), rows: [header, ...rows], headerRows: 1 },
    { name: sheetName(t, "coverage"), rows: coverage, headerRows: 1 },
    { name: sheetName(t, "missing"), rows: missing, headerRows: 1 },
  ];
}

/** What a workbook of the dashboard says about its figures: the year, the whole country, every indicator's sources. */
export function dashboardAbout(t: TFunction, d: Dashboard, context: { title: string; language: "nb" | "en"; demo: boolean }) {
  const about = { year: d.year, group: { name: t("benchmarks.peerKinds.all") }, sourceIndicators: d.indicators.map((i) => i.code) };
  return aboutSheet(sheetName(t, "about"), exportFacts(t, { ...context, about, now: new Date(), address: window.location.href }));
}

/** The programme board's sector dashboard for a year (issue 9); `embedded` in the meeting pack, under the pack's own h1. */
export function SectorDashboard({ embedded = false }: { embedded?: boolean }) {
  useExportTexts();
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "nb";
  const trpc = useTRPC();
  const demo = useHasDemoData();
  const [yearText, setYear] = useUrlState<string>("year", "", (raw) => (/^\d{4}$/.test(raw) ? raw : null));
  const year = yearText === "" ? undefined : Number(yearText);
  const [code, setCode] = useUrlState<string>("indikator", "K1", (raw) => ((CODES as readonly string[]).includes(raw) ? raw : null));
  const query = useQuery(trpc.sector.dashboard.queryOptions(year === undefined ? {} : { year }));
  const shownYear = query.data?.year;
  useEffect(() => {
    if (!embedded) document.title = `${t("sector.title", { year: shownYear ?? "" })} – ${t("app.name")}`;
  }, [embedded, shownYear, t]);
  if (!query.isSuccess) return <QueryView query={query} />;
  const d = query.data;
  const sub = embedded ? 3 : 2;
  const show = (c: string, v: number | null) => (v === null ? t("sector.noValue") : formatIndicatorValue(c, v));
  const quartiles = (c: string, q: { q1: number | null; q3: number | null }) =>
    q.q1 === null || q.q3 === null ? t("sector.noValue") : `${show(c, q.q1)} – ${show(c, q.q3)}`;
  const name = (c: string) => getIndicator(c)?.name[language] ?? c;
  const approved = d.coverage.byCounty.reduce((n, c) => n + c.approved, 0);
  const selected = d.indicators.find((i) => i.code === code) ?? d.indicators[0];
  const exportXlsx = () =>
    downloadFile(
      `sektor-${d.year}.xlsx`,
      writeXlsx([dashboardAbout(t, d, { title: t("sector.title", { year: d.year }), language, demo }), ...dashboardSheets(t, d, language)]),
      XLSX_MIME_TYPE,
    );
  const trendData = [
    { year: d.mailTrend.reference.year, share: null, reference: d.mailTrend.reference.percent },
    ...d.mailTrend.points.map((p) => ({ year: p.year, share: p.ratioOfSums, reference: null })),
  ];
  return (
    <div className="stack">
      <Heading level={embedded ? 2 : 1} data-size={embedded ? "md" : "lg"}>
        {t("sector.title", { year: d.year })}
      </Heading>
      <Paragraph>{t("sector.intro")}</Paragraph>
      <div className="button-row no-print">
        <YearSelect id="sector-year" years={d.years} value={d.year} onChange={setYear} />
        {!embedded && (
          <>
            <Button variant="tertiary" data-size="sm" onClick={exportXlsx}>
              {t("sector.download")}
            </Button>
            <Button variant="tertiary" data-size="sm" onClick={() => window.print()}>
              {t("sector.print")}
            </Button>
            <Link to="/sektor/gevinster">{t("sector.portfolioLink")}</Link>
            <Link to="/ideer/motepakke">{t("sector.packLink")}</Link>
          </>
        )}
      </div>

      <section className="stack" aria-labelledby="coverage-heading">
        <Heading level={sub} data-size="sm" id="coverage-heading">
          {t("sector.coverageHeading")}
        </Heading>
        <Paragraph data-testid="coverage-summary">
          {t("sector.coverageIntro", { approved, units: d.units, year: d.year })}{" "}
          {d.deadline && t("sector.deadline", { date: formatDate(d.deadline) })}
        </Paragraph>
        {d.coverage.underCorrection.length > 0 && (
          <Paragraph data-size="sm" data-testid="under-correction">
            {t("sector.underCorrection", { names: d.coverage.underCorrection.map((m) => `${m.name} (${m.number})`).join(", ") })}
          </Paragraph>
        )}
        <div className="field-row">
          <CoverageTable caption={t("sector.byCounty")} rows={d.coverage.byCounty} testId="coverage-county" />
          <CoverageTable caption={t("sector.byKostra")} rows={d.coverage.byKostraGroup} testId="coverage-kostra" />
        </div>
        <Details data-testid="missing">
          <Details.Summary>{t("sector.missingHeading", { count: d.coverage.missing.length })}</Details.Summary>
          <Details.Content>
            <DataTable
              caption={t("sector.missingCaption")}
              captionHidden
              size="sm"
              rows={d.coverage.missing}
              rowKey={(m) => m.number}
              columns={[
                {
                  key: "municipality",
                  header: t("sector.municipality"),
                  render: (m) => (
                    <Link to={`/kommune/${m.number}`}>
                      {m.name} ({m.number})
                    </Link>
                  ),
                },
                { key: "countyName", header: t("sector.county") },
                {
                  key: "status",
                  header: t("sector.reportStatus"),
                  render: (m) => (m.status ? t(`sector.reportStatuses.${m.status}`) : t("sector.notStarted")),
                },
              ]}
            />
          </Details.Content>
        </Details>
      </section>

      <section className="stack" aria-labelledby="success-heading">
        <Heading level={sub} data-size="sm" id="success-heading">
          {t("sector.successHeading")}
        </Heading>
        <Paragraph data-size="sm">{t("sector.successIntro")}</Paragraph>
        {(["cost", "quality", "scope"] as const).map((dimension) => (
          <DataTable
            key={dimension}
            caption={t(`sector.dimensions.${dimension}`)}
            testId={`success-${dimension}`}
            rows={d.indicators.filter((i) => i.dimension === dimension)}
            rowKey={(i) => i.code}
            columns={[
              { key: "indicator", header: t("sector.indicator"), render: (i) => indicatorLabel(i.code, language) },
              { key: "national", header: t("sector.national"), numeric: true, render: (i) => show(i.code, i.national.ratioOfSums) },
              {
                key: "meanOfRatios",
                header: t("sector.meanOfRatios"),
                numeric: true,
                render: (i) => show(i.code, i.national.meanOfRatios),
              },
              { key: "median", header: t("sector.median"), numeric: true, render: (i) => show(i.code, i.national.median) },
              { key: "quartiles", header: t("sector.quartiles"), render: (i) => quartiles(i.code, i.national) },
              { key: "n", header: t("sector.n"), numeric: true, render: (i) => `${i.coverage.approved} / ${i.coverage.units}` },
              {
                key: "movement",
                header: d.previousYear ? t("sector.movement", { year: d.previousYear }) : "",
                numeric: true,
                render: (i) => (i.movement ? movementText(i.code, i.movement, language) : ""),
              },
            ]}
          />
        ))}
      </section>

      {selected && (
        <section className="stack" aria-labelledby="groups-heading">
          <Heading level={sub} data-size="sm" id="groups-heading">
            {t("sector.groupsHeading")}
          </Heading>
          <Field className="no-print">
            <Label htmlFor="sector-indicator">{t("sector.chooseIndicator")}</Label>
            <Select id="sector-indicator" value={selected.code} onChange={(e) => setCode(e.target.value)}>
              {d.indicators.map((i) => (
                <Select.Option key={i.code} value={i.code}>
                  {indicatorLabel(i.code, language)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <DataTable
            caption={t("sector.groupsCaption", { indicator: indicatorLabel(selected.code, language), year: d.year })}
            scrollLabel={t("sector.groupsCaption", { indicator: name(selected.code), year: d.year })}
            testId="groups-table"
            rows={selected.groups}
            rowKey={(g) => g.group}
            columns={[
              { key: "name", header: t("sector.group") },
              { key: "national", header: t("sector.national"), numeric: true, render: (g) => show(selected.code, g.ratioOfSums) },
              { key: "median", header: t("sector.median"), numeric: true, render: (g) => show(selected.code, g.median) },
              { key: "quartiles", header: t("sector.quartiles"), render: (g) => quartiles(selected.code, g) },
              { key: "n", header: t("sector.n"), numeric: true },
            ]}
          />
        </section>
      )}

      <ChartWithTable
        id="mail-trend"
        title={t("sector.trendTitle")}
        about={{
          indicatorCode: "S3",
          year: yearSpan(d.mailTrend.points.map((p) => p.year)),
          group: { name: t("benchmarks.peerKinds.all") },
        }}
        description={t("sector.trendDescription", { percent: d.mailTrend.reference.percent })}
        csvFileName="digital-post-trend.csv"
        chart={
          <div className="chart-frame" style={{ height: 300 }}>
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={trendData}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="year" />
                <YAxis unit={PERCENT_UNIT} domain={[0, 100]} />
                <Tooltip formatter={(v) => formatPercent(Number(v))} />
                <Legend />
                <Line
                  dataKey="share"
                  name={t("sector.trendShare")}
                  stroke={CHART_COLOURS.own}
                  strokeWidth={3}
                  isAnimationActive={false}
                  connectNulls={false}
                />
                <Scatter dataKey="reference" name={t("sector.trendReference")} fill={CHART_COLOURS.national} isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        }
        table={{
          caption: t("sector.trendTitle"),
          columns: [
            { key: "year", header: t("sector.trendYear") },
            { key: "share", header: t("sector.trendShare"), numeric: true },
          ],
          rows: trendData.map((p) => ({
            year: String(p.year),
            share:
              p.share !== null
                ? formatPercent(p.share)
                : p.reference !== null
                  ? `${formatPercent(p.reference)} (${t("sector.trendReference")})`
                  : t("sector.noValue"),
          })),
          csvRows: trendData.map((p) => ({ year: String(p.year), share: String(p.share ?? p.reference ?? "").replace(".", ",") })),
        }}
      />
    </div>
  );
}

function CoverageTable({ caption, rows, testId }: { caption: string; rows: readonly Coverage[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      size="sm"
      testId={testId}
      rows={rows}
      rowKey={(c) => c.group ?? "none"}
      columns={[
        { key: "group", header: t("sector.group"), render: (c) => c.name ?? t("sector.noGroup") },
        { key: "units", header: t("sector.units"), numeric: true },
        { key: "reported", header: t("sector.reported"), numeric: true },
        {
          key: "approved",
          header: t("sector.approved"),
          numeric: true,
          render: (c) =>
            c.underCorrection > 0
              ? `${c.approved} (${t("sector.underCorrectionCount", { count: c.underCorrection })})`
              : String(c.approved),
        },
      ]}
    />
  );
}
