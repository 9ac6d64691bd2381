import { Heading, Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { getIndicator, type IndicatorCode } from "@malestokk/domain";
import type { TFunction } from "i18next";
import { lazy, useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ChartWithTable, type TableData } from "../../components/chart-with-table";
import type { SeriesChartRow } from "../../components/series-chart";
import { DataTable } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { yearSpan } from "../../components/export-about";
import { formatIndicatorValue, indicatorLabel } from "../../components/indicator-format";
import { QueryView } from "../../components/query-view";
import { SelectField } from "../../components/select-field";
import { formatCsvNumber, formatInteger } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { useUrlState } from "../../lib/url-state";
import { useOpenIndicator, type OpenIndicator } from "./api";
import { OpenFooter, publishedText } from "./open-notes";
import { RevisedValue } from "./open-revision";

// recharts loads only when the chart comes near the screen (P-4); the comparison pages' chart (components/series-chart.tsx).
const SeriesChart = lazy(() => import("../../components/series-chart"));
const CHART_HEIGHT = 320;

/**
 * /apne-data/indikator/K1: one indicator's published values for anyone (docs/open-data.md#open-pages): the
 * statistics of every published year (chart with its table twin), and every municipality's value in one year.
 */
export function OpenIndicatorPage(props: {
  indicatorCode: IndicatorCode;
  /** The national map of the year shown (issue 24), which the route places after the values. */
  map?: (year: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const [yearParam, setYear] = useUrlState<string>("aar", "");
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const query = useOpenIndicator(props.indicatorCode, year);
  return (
    <QueryView query={query} notFound={<EmptyState>{t("open.indicator.notFound")}</EmptyState>}>
      {(data) => <Values data={data} onYear={(y) => setYear(String(y))} map={props.map} />}
    </QueryView>
  );
}

function statisticsTable(data: OpenIndicator, t: TFunction): TableData {
  const code = data.indicatorCode;
  const decimals = getIndicator(code)?.decimals ?? 0;
  const columns = [
    { key: "year", header: t("open.indicator.year") },
    { key: "publishedOn", header: t("open.indicator.publishedOn") },
    { key: "n", header: t("open.indicator.n"), numeric: true },
    { key: "q1", header: t("open.indicator.q1"), numeric: true },
    { key: "median", header: t("open.indicator.median"), numeric: true },
    { key: "q3", header: t("open.indicator.q3"), numeric: true },
    { key: "ratioOfSums", header: t("open.indicator.ratioOfSums"), numeric: true },
  ];
  const cells = (csv: boolean) =>
    data.years.map((y) => {
      const s = y.statistics.status === "shown" ? y.statistics : null;
      const show = (v: number | undefined) =>
        v === undefined ? (csv ? "" : t("open.indicator.hidden")) : csv ? formatCsvNumber(v, decimals) : formatIndicatorValue(code, v);
      return {
        year: String(y.year),
        publishedOn: csv ? y.publishedOn : publishedText(t, y.publishedOn),
        n: csv ? String(y.statistics.n) : formatInteger(y.statistics.n),
        q1: show(s?.q1),
        median: show(s?.median),
        q3: show(s?.q3),
        ratioOfSums: show(s?.ratioOfSums),
      };
    });
  return { caption: t("open.indicator.statisticsCaption"), columns, rows: cells(false), csvRows: cells(true) };
}

function Values({ data, onYear, map }: { data: OpenIndicator; onYear: (year: number) => void; map?: (year: number) => ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = indicatorLabel(data.indicatorCode, language);
  useEffect(() => {
    document.title = `${t("open.indicator.title", { name })} – ${t("app.name")}`;
  }, [t, name]);
  const rows: SeriesChartRow[] = data.years.map((y) => ({
    year: y.year,
    band: y.statistics.status === "shown" ? [y.statistics.q1, y.statistics.q3] : null,
    median: y.statistics.status === "shown" ? y.statistics.median : null,
    national: y.statistics.status === "shown" ? y.statistics.ratioOfSums : null,
  }));
  const year = data.years.find((y) => y.year === data.year);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("open.indicator.title", { name })}
      </Heading>
      <Paragraph>{t("open.indicator.intro")}</Paragraph>
      {data.years.length === 0 || !year ? (
        <EmptyState>{t("open.noYears")}</EmptyState>
      ) : (
        <>
          <ChartWithTable
            id="open-statistics"
            title={t("open.indicator.statisticsTitle")}
            about={{ indicatorCode: data.indicatorCode, year: yearSpan(data.years.map((y) => y.year)), demo: data.isDemo || undefined }}
            description={t("open.indicator.statisticsDescription")}
            chart={
              <SeriesChart
                rows={rows}
                labels={{ band: t("open.indicator.band"), median: t("open.indicator.median"), national: t("open.indicator.ratioOfSums") }}
                format={(v) => formatIndicatorValue(data.indicatorCode, v)}
                axisWidth={90}
                height={CHART_HEIGHT}
              />
            }
            reserve={CHART_HEIGHT}
            table={statisticsTable(data, t)}
            csvFileName={`malestokk-apne-data-${data.indicatorCode}.csv`}
          />
          <Heading level={2} data-size="sm">
            {t("open.indicator.valuesTitle", { year: year.year })}
          </Heading>
          <SelectField
            id="open-year"
            label={t("open.indicator.chooseYear")}
            value={String(year.year)}
            onChange={(e) => onYear(Number(e.target.value))}
          >
            {data.years.map((y) => (
              <option key={y.year} value={y.year}>
                {y.year}
              </option>
            ))}
          </SelectField>
          <Paragraph data-testid="open-published">{`${year.year}: ${publishedText(t, year.publishedOn)}`}</Paragraph>
          <DataTable
            caption={t("open.indicator.caption", { name, year: year.year })}
            testId="open-indicator-table"
            size="sm"
            zebra
            rows={data.values}
            rowKey={(v) => v.municipalityNumber}
            empty={t("open.indicator.empty")}
            columns={[
              {
                key: "municipality",
                header: t("open.indicator.municipality"),
                render: (v) => (
                  <DsLink asChild>
                    <Link to={`/apne-data/kommune/${v.municipalityNumber}`}>{v.name}</Link>
                  </DsLink>
                ),
              },
              {
                key: "value",
                header: t("open.indicator.value"),
                numeric: true,
                render: (v) => formatIndicatorValue(data.indicatorCode, v.value),
              },
              {
                key: "note",
                header: t("open.indicator.note"),
                render: (v) =>
                  v.revisedOn === null ? (
                    ""
                  ) : (
                    <RevisedValue
                      indicatorCode={data.indicatorCode}
                      municipalityNumber={v.municipalityNumber}
                      year={year.year}
                      revisedOn={v.revisedOn}
                    />
                  ),
              },
            ]}
          />
          {map?.(year.year)}
        </>
      )}
      <OpenFooter isDemo={data.isDemo} />
    </div>
  );
}
