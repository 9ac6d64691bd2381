import { Button, Details, Field, Heading, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { aboutSheet, getIndicator, HEADLINE_INDICATOR_CODES, INDICATORS, MIN_PEERS_FOR_STATISTICS } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";
import { lazy, startTransition, Suspense, useEffect, useState, type ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { ChartWithTable } from "../../components/chart-with-table";
import { DataTable } from "../../components/data-table";
import { exportFacts } from "../../components/export-about";
import { sheetName } from "../../components/sheet-names";
import { downloadFile } from "../../components/download";
import { useExportTexts } from "../../components/export-texts";
import { Loading } from "../../components/query-state";
import { QueryView } from "../../components/query-view";
import { YearSelect } from "../../components/selection-controls";
import { useHasDemoData } from "../../lib/demo";
import { formatCsvNumber, formatDate, formatPercent, formatPercentagePointChange } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useUrlState } from "../../lib/url-state";
import { formatIndicatorValue, indicatorLabel } from "../../components/indicator-format";
import { CHART_COLOURS } from "../../components/chart-palette";
import "./sector.css";
import { useLanguage, type Language } from "../../lib/i18n";

// Recharts only when the mail trend's fold is opened: the first screen draws without it (issue 21).
const MailTrend = lazy(() => import("./mail-trend-chart"));

type Dashboard = RouterOutputs["sector"]["dashboard"];
type Coverage = Dashboard["coverage"]["byCounty"][number];
const CODES = INDICATORS.map((i) => i.code);

/**
 * The change from last year: a share moves in percentage points ("−1,2 prosentpoeng", never "−0 %"),
 * other values in their unit, with the relative change beside them.
 */
function movementText(code: string, movement: { change: number; percent: number | null }, language: Language): string {
  if (getIndicator(code)?.unit === "percent") return formatPercentagePointChange(movement.change, language);
  const value = formatIndicatorValue(code, Math.abs(movement.change));
  const signed = value.startsWith("0") ? value : `${movement.change >= 0 ? "+" : "−"}${value}`;
  return movement.percent === null ? signed : `${signed} (${formatPercent(movement.percent)})`;
}

/** The dashboard as worksheets: every indicator nationally, coverage by county, and who is missing. */
export function dashboardSheets(t: TFunction, d: Dashboard, language: Language) {
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
export function dashboardAbout(t: TFunction, d: Dashboard, context: { title: string; language: Language; demo: boolean }) {
  const about = { year: d.year, group: { name: t("benchmarks.peerKinds.all") }, sourceIndicators: d.indicators.map((i) => i.code) };
  return aboutSheet(sheetName(t, "about"), exportFacts(t, { ...context, about, now: new Date(), address: window.location.href }));
}

/**
 * The programme board's sector dashboard for a year (issue 9); `embedded` in the meeting pack, under the pack's own h1.
 * The first screen is the year at a glance (issue 20): the headline tiles, who is missing and the distribution per
 * KOSTRA group; the full tables follow folded and are drawn only when opened, so the page is quick to show (issue 21).
 */
export function SectorDashboard({
  embedded = false,
  map,
}: {
  embedded?: boolean;
  /** The map of every municipality for the shown year (issue 24), which the route places after the headline tiles. */
  map?: (year: number) => ReactNode;
}) {
  useExportTexts();
  const { t } = useTranslation();
  const language = useLanguage();
  const trpc = useTRPC();
  const demo = useHasDemoData();
  const [yearText, setYear] = useUrlState<string>("year", "", (raw) => (/^\d{4}$/.test(raw) ? raw : null));
  const year = yearText === "" ? undefined : Number(yearText);
  const [code, setCode] = useUrlState<string>("indikator", "K1", (raw) => ((CODES as readonly string[]).includes(raw) ? raw : null));
  const query = useQuery(trpc.sector.dashboard.queryOptions(year === undefined ? {} : { year }));
  const drawnAfterFirstScreen = useDrawnAfterFirstScreen(query.isSuccess);
  const shownYear = query.data?.year;
  useEffect(() => {
    if (!embedded) document.title = `${t("sector.title", { year: shownYear ?? "" })} – ${t("app.name")}`;
  }, [embedded, shownYear, t]);
  if (!query.isSuccess) return <QueryView query={query} pending={<DashboardSkeleton />} />;
  const d = query.data;
  const sub = embedded ? 3 : 2;
  const show = (c: string, v: number | null) => (v === null ? t("sector.noValue") : formatIndicatorValue(c, v));
  const quartiles = (c: string, q: { q1: number | null; q3: number | null }) =>
    q.q1 === null || q.q3 === null ? t("sector.noValue") : `${show(c, q.q1)} – ${show(c, q.q3)}`;
  const approved = d.coverage.byCounty.reduce((n, c) => n + c.approved, 0);
  const selected = d.indicators.find((i) => i.code === code) ?? d.indicators[0];
  // The workbook writer (with its zip library) loads on the first click, not with the page.
  const exportXlsx = () =>
    void import("../../components/export-chart").then(({ writeXlsx, XLSX_MIME_TYPE }) =>
      downloadFile(
        `sektor-${d.year}.xlsx`,
        writeXlsx([
          dashboardAbout(t, d, { title: t("sector.title", { year: d.year }), language, demo }),
          ...dashboardSheets(t, d, language),
        ]),
        XLSX_MIME_TYPE,
      ),
    );
  return (
    <div className="stack sector-dashboard">
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

      <section className="stack" aria-labelledby="headline-heading">
        <Heading level={sub} data-size="sm" id="headline-heading">
          {t("sector.headlineHeading")}
        </Heading>
        <ul className="sector-tiles" data-testid="headline-tiles">
          {d.headlines.map((h) => {
            const indicator = d.indicators.find((i) => i.code === h.code);
            return indicator ? (
              <HeadlineTile
                key={h.code}
                code={h.code}
                series={h.series}
                national={indicator.national.ratioOfSums}
                movement={indicator.movement}
                coverage={indicator.coverage}
                previousYear={d.previousYear}
              />
            ) : null;
          })}
        </ul>
      </section>

      {drawnAfterFirstScreen ? (
        <>
          {map?.(d.year)}

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
            {/* Folded on screen, printed open (sector.css): the board's paper needs to say who is missing. */}
            <Details data-testid="missing" className="print-open">
              <Details.Summary>{t("sector.missingHeading", { count: d.coverage.missing.length })}</Details.Summary>
              <Details.Content>
                {drawnAfterFirstScreen && (
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
                )}
              </Details.Content>
            </Details>
          </section>

          {selected && (
            <GroupDistribution
              indicator={selected}
              indicators={d.indicators}
              year={d.year}
              onChoose={setCode}
              show={show}
              quartiles={quartiles}
            />
          )}

          <section className="stack" aria-labelledby="tables-heading">
            <Heading level={sub} data-size="sm" id="tables-heading">
              {t("sector.tablesHeading")}
            </Heading>
            <Folded summary={t("sector.coverageTablesSummary")} testId="coverage-tables">
              {() => (
                <div className="field-row">
                  <CoverageTable caption={t("sector.byCounty")} rows={d.coverage.byCounty} testId="coverage-county" />
                  <CoverageTable caption={t("sector.byKostra")} rows={d.coverage.byKostraGroup} testId="coverage-kostra" />
                </div>
              )}
            </Folded>
            <Folded summary={t("sector.successSummary", { count: d.indicators.length })} testId="success-tables">
              {() => (
                <div className="stack">
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
                        {
                          key: "national",
                          header: t("sector.national"),
                          numeric: true,
                          render: (i) => show(i.code, i.national.ratioOfSums),
                        },
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
                </div>
              )}
            </Folded>
            <Folded summary={t("sector.trendTitle")} testId="mail-trend-folded">
              {() => (
                <Suspense fallback={<Loading />}>
                  <MailTrend trend={d.mailTrend} />
                </Suspense>
              )}
            </Folded>
          </section>
        </>
      ) : (
        // Room for what follows, so the first screen does not move when it comes.
        <div style={{ minHeight: "100vh" }} />
      )}
    </div>
  );
}

/**
 * False until the first screen is drawn, then true, set in a transition: what comes after the headline tiles (the
 * map, coverage and the list of who is missing, hundreds of rows folded on screen but printed open, the
 * distribution, the tables) is drawn after the page's first paint, in slices that leave the main thread free between
 * them, rather than in the same long task (total blocking time, issue 21). False on the server too: a page drawn
 * there (ADR 041) carries the first screen only, and its hydration is that much shorter.
 */
function useDrawnAfterFirstScreen(isReady: boolean): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (isReady) startTransition(() => setDrawn(true));
  }, [isReady]);
  return drawn;
}

/**
 * A disclosure whose content is drawn only once opened (and kept after): what the board does not need at
 * first costs nothing until asked for. Printed as it stands on screen: an opened one prints its content.
 */
function Folded({ summary, testId, children }: { summary: string; testId: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <Details data-testid={testId} onToggle={(event) => setOpened((was) => was || (event.currentTarget as HTMLDetailsElement).open)}>
      <Details.Summary>{summary}</Details.Summary>
      <Details.Content>{opened ? children() : null}</Details.Content>
    </Details>
  );
}

type Headline = Dashboard["headlines"][number];
type IndicatorRow = Dashboard["indicators"][number];

/** One headline indicator's year: the national figure, the change from last year, its trend and how many it covers. */
function HeadlineTile(props: {
  code: string;
  series: Headline["series"];
  national: number | null;
  movement: IndicatorRow["movement"];
  coverage: IndicatorRow["coverage"];
  previousYear: number | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { code, series } = props;
  // The same page and year with this indicator's distribution chosen, scrolled to it.
  const [params] = useSearchParams();
  const search = new URLSearchParams(params);
  search.set("indikator", code);
  const change = props.movement
    ? t("sector.tileChange", { change: movementText(code, props.movement, language), year: props.previousYear })
    : t("sector.noPreviousYear");
  const trend = series.map((p) => `${p.year}: ${p.ratioOfSums === null ? t("sector.noValue") : formatIndicatorValue(code, p.ratioOfSums)}`);
  return (
    <li className="sector-tile" data-testid={`tile-${code}`}>
      <Link
        className="sector-tile__name"
        to={{ search: `?${search.toString()}`, hash: "groups-heading" }}
        onClick={() => requestAnimationFrame(() => document.getElementById("groups-heading")?.scrollIntoView())}
      >
        {indicatorLabel(code, language)}
      </Link>
      <span className="sector-tile__value" data-testid="tile-value">
        {props.national === null ? t("sector.noValue") : formatIndicatorValue(code, props.national)}
      </span>
      <span className="sector-tile__change" data-testid="tile-change">
        {change}
      </span>
      <Sparkline values={series.map((p) => p.ratioOfSums)} />
      <span className="visually-hidden">{t("sector.tileTrend", { values: trend.join(", ") })}</span>
      <span className="sector-tile__coverage" data-testid="tile-coverage">
        {t("sector.tileCoverage", { approved: props.coverage.approved, units: props.coverage.units })}
      </span>
    </li>
  );
}

const SPARK = { width: 120, height: 32, pad: 3 } as const;

/** A small trend line, for the eye only: the figures are in the tile's hidden text. */
function Sparkline({ values }: { values: readonly (number | null)[] }) {
  const present = values.filter((v): v is number => v !== null);
  const min = Math.min(...present);
  const span = Math.max(...present) - min || 1;
  const x = (i: number) => SPARK.pad + (i * (SPARK.width - 2 * SPARK.pad)) / Math.max(values.length - 1, 1);
  const y = (v: number) => SPARK.height - SPARK.pad - ((v - min) / span) * (SPARK.height - 2 * SPARK.pad);
  const points = values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`]));
  const last = values.length - 1;
  const lastValue = values[last];
  return (
    <svg
      className="sector-tile__spark"
      viewBox={`0 0 ${SPARK.width} ${SPARK.height}`}
      width={SPARK.width}
      height={SPARK.height}
      aria-hidden="true"
    >
      {points.length > 1 && <polyline points={points.join(" ")} fill="none" stroke={CHART_COLOURS.own} strokeWidth={2} />}
      {lastValue !== null && lastValue !== undefined && <circle cx={x(last)} cy={y(lastValue)} r={3} fill={CHART_COLOURS.own} />}
    </svg>
  );
}

/**
 * The chosen indicator per KOSTRA group as boxes (quartiles, the median marked) against the national figure, with
 * the table twin; a group with too few municipalities to show (docs/indicators.md#minimum-n) is said to be hidden.
 */
function GroupDistribution(props: {
  indicator: IndicatorRow;
  indicators: readonly IndicatorRow[];
  year: number;
  onChoose: (code: string) => void;
  show: (code: string, value: number | null) => string;
  quartiles: (code: string, q: { q1: number | null; q3: number | null }) => string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { indicator, show } = props;
  const c = indicator.code;
  const shown = (g: IndicatorRow["groups"][number]) => g.n >= MIN_PEERS_FOR_STATISTICS;
  const hidden = indicator.groups.filter((g) => !shown(g));
  const caption = t("sector.groupsCaption", { indicator: indicatorLabel(c, language), year: props.year });
  const hiddenText = (g: { n: number }) => t("sector.groupHidden", { count: g.n, min: MIN_PEERS_FOR_STATISTICS });
  const values = indicator.groups
    .filter(shown)
    .flatMap((g) => [g.q1, g.q3])
    .concat(indicator.national.ratioOfSums)
    .filter((v): v is number => v !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(...values, low + 1);
  const at = (v: number) => `${(((v - low) / (high - low)) * 100).toFixed(2)}%`;
  const national = indicator.national.ratioOfSums;
  return (
    <ChartWithTable
      id="groups"
      title={t("sector.groupsHeading")}
      about={{ indicatorCode: c, year: props.year, group: { name: t("sector.groupsAbout") } }}
      description={
        <>
          {t("sector.groupsDescription", { national: show(c, national) })}
          {hidden.length > 0 && ` ${t("sector.groupsHiddenNote", { count: hidden.length, min: MIN_PEERS_FOR_STATISTICS })}`}
        </>
      }
      csvFileName={`${c}-per-kostra-gruppe-${props.year}.csv`}
      png={false}
      controls={
        <Field className="no-print">
          <Label htmlFor="sector-indicator">{t("sector.chooseIndicator")}</Label>
          <Select id="sector-indicator" value={c} onChange={(e) => props.onChoose(e.target.value)}>
            {props.indicators.map((i) => (
              <Select.Option key={i.code} value={i.code}>
                {indicatorLabel(i.code, language)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      }
      chart={
        <div className="group-boxes" data-testid="groups-chart">
          <ul>
            {indicator.groups.map((g) => (
              <li key={g.group} className="group-boxes__row">
                <span className="group-boxes__name">{g.name}</span>
                {shown(g) && g.q1 !== null && g.q3 !== null && g.median !== null ? (
                  <span className="group-boxes__track">
                    <span
                      className="group-boxes__box"
                      style={{ left: at(g.q1), width: `calc(${at(g.q3)} - ${at(g.q1)})` }}
                      aria-hidden="true"
                    />
                    <span className="group-boxes__median" style={{ left: at(g.median) }} aria-hidden="true" />
                    {national !== null && <span className="group-boxes__national" style={{ left: at(national) }} aria-hidden="true" />}
                    <span className="visually-hidden">
                      {t("sector.groupBoxText", { median: show(c, g.median), quartiles: props.quartiles(c, g), count: g.n })}
                    </span>
                  </span>
                ) : (
                  <span className="group-boxes__hidden">{hiddenText(g)}</span>
                )}
              </li>
            ))}
          </ul>
          <p className="group-boxes__axis" aria-hidden="true">
            <span>{show(c, low)}</span>
            <span>{show(c, high)}</span>
          </p>
          <p className="group-boxes__legend">
            <span className="group-boxes__key group-boxes__key--box" aria-hidden="true" /> {t("sector.legendQuartiles")}{" "}
            <span className="group-boxes__key group-boxes__key--median" aria-hidden="true" /> {t("sector.median")}{" "}
            <span className="group-boxes__key group-boxes__key--national" aria-hidden="true" /> {t("sector.legendNational")}
          </p>
        </div>
      }
      table={{
        caption,
        columns: [
          { key: "name", header: t("sector.group") },
          { key: "national", header: t("sector.national"), numeric: true },
          { key: "median", header: t("sector.median"), numeric: true },
          { key: "quartiles", header: t("sector.quartiles") },
          { key: "n", header: t("sector.n"), numeric: true },
        ],
        rows: indicator.groups.map((g) => ({
          name: g.name,
          national: shown(g) ? show(c, g.ratioOfSums) : hiddenText(g),
          median: shown(g) ? show(c, g.median) : "",
          quartiles: shown(g) ? props.quartiles(c, g) : "",
          n: String(g.n),
        })),
        csvRows: indicator.groups.map((g) => ({
          name: g.name,
          national: shown(g) && g.ratioOfSums !== null ? formatCsvNumber(g.ratioOfSums, 2) : "",
          median: shown(g) && g.median !== null ? formatCsvNumber(g.median, 2) : "",
          quartiles: shown(g) && g.q1 !== null && g.q3 !== null ? `${formatCsvNumber(g.q1, 2)}–${formatCsvNumber(g.q3, 2)}` : "",
          n: String(g.n),
        })),
      }}
    />
  );
}

/** The first screen's room while the figures load (the final sizes, so nothing moves when they come). */
function DashboardSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="stack sector-dashboard" aria-busy="true" data-testid="sector-skeleton">
      <span className="visually-hidden" role="status">
        {t("sector.loading")}
      </span>
      <div className="sector-skeleton sector-skeleton--heading" />
      <div className="sector-skeleton sector-skeleton--intro" />
      <div className="sector-skeleton sector-skeleton--controls" />
      <div className="sector-skeleton sector-skeleton--subheading" />
      <ul className="sector-tiles" aria-hidden="true">
        {HEADLINE_INDICATOR_CODES.map((code) => (
          <li key={code} className="sector-tile sector-skeleton" />
        ))}
      </ul>
      <div className="sector-skeleton sector-skeleton--chart" />
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
