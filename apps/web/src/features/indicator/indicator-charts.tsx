import type { RouterOutputs } from "@malestokk/api";
import { MIN_RESPONDENTS } from "@malestokk/domain";
import { lazy } from "react";
import { useTranslation } from "react-i18next";

import { ChartWithTable } from "../../components/chart-with-table";
import { yearSpan } from "../../components/export-about";
import { formatIndicatorValue } from "../../components/indicator-format";
import { peerGroupName } from "../../components/peer-group-name";
import { CHART_COLOURS } from "../../components/chart-palette";
import { distributionHeight, SCATTER_HEIGHT, SERIES_HEIGHT } from "./chart-sizes";
import type { Language } from "../../lib/i18n";
import { localized } from "../../lib/localized";

const { own: OWN, peer: PEER } = CHART_COLOURS;

type Detail = RouterOutputs["benchmarks"]["indicator"];

// recharts loads with the first chart that comes near the screen; the tables and texts do not wait for it (issue 21).
const drawings = () => import("./indicator-drawings");
const DistributionChart = lazy(() => drawings().then((m) => ({ default: m.DistributionChart })));
const SeriesChart = lazy(() => drawings().then((m) => ({ default: m.SeriesChart })));
const AgainstChart = lazy(() => drawings().then((m) => ({ default: m.AgainstChart })));
const csvNumber = (v: number | null) => (v === null ? "" : String(Math.round(v * 100) / 100).replace(".", ","));

/** The three views of one indicator: distribution, series and scatter, each with its table twin. */
export default function IndicatorCharts({ detail, language }: { detail: Detail; language: Language }) {
  const { t } = useTranslation();
  const code = detail.indicator.code;
  const show = (v: number | null) => (v === null ? t("profile.missing") : formatIndicatorValue(code, v));
  // Survey means from fewer than 10 respondents are marked wherever they are shown.
  const survey = code === "Q2" || code === "Q3";
  const uncertain = (n: number | null) => (survey && n !== null && n < MIN_RESPONDENTS ? ` (${t("profile.uncertain", { n })})` : "");
  const group = { name: peerGroupName(t, detail.peerGroup), members: detail.peerGroup.memberNames };
  const demo = detail.distribution.some((d) => d.isDemo) || undefined;
  // A figure whose approved report is being corrected is its last approved one, marked as such (issue 20).
  const distribution = detail.distribution.map((d) => ({
    ...d,
    name: d.isUnderCorrection ? `${d.name} (${t("costs.underCorrection")})` : d.name,
  }));
  return (
    <div className="stack">
      <ChartWithTable
        id="distribution"
        title={t("indicator.distributionTitle", { year: detail.year })}
        about={{ indicatorCode: code, year: detail.year, group, demo }}
        legend={[
          { label: detail.municipalityName, color: OWN },
          { label: t("indicator.peers"), color: PEER },
        ]}
        description={detail.missing > 0 ? t("indicator.missingCount", { count: detail.missing }) : undefined}
        csvFileName={`${code}-fordeling-${detail.year}.csv`}
        reserve={distributionHeight(distribution.length)}
        chart={<DistributionChart detail={detail} distribution={distribution} language={language} />}
        table={{
          caption: t("indicator.distributionCaption", { year: detail.year }),
          columns: [
            { key: "rank", header: t("indicator.position"), numeric: true },
            { key: "name", header: t("indicator.unit") },
            { key: "value", header: localized(detail.indicator.name, language), numeric: true },
          ],
          rows: distribution.map((d, i) => ({
            rank: String(i + 1),
            name: d.own ? `${d.name} (${t("indicator.you")})` : d.name,
            value: `${show(d.value)}${uncertain(d.denominator)}`,
          })),
          csvRows: detail.distribution.map((d, i) => ({ rank: String(i + 1), name: d.name, value: csvNumber(d.value) })),
        }}
      />
      <ChartWithTable
        id="series"
        title={t("indicator.seriesTitle")}
        about={{ indicatorCode: code, year: yearSpan(detail.series.map((p) => p.year)), group, demo }}
        csvFileName={`${code}-tidsserie.csv`}
        reserve={SERIES_HEIGHT}
        chart={<SeriesChart detail={detail} />}
        table={{
          caption: t("indicator.seriesTitle"),
          columns: [
            { key: "year", header: t("profile.year") },
            { key: "own", header: detail.municipalityName, numeric: true },
            { key: "median", header: t("profile.median"), numeric: true },
            { key: "national", header: t("profile.national"), numeric: true },
          ],
          rows: detail.series.map((p) => ({
            year: String(p.year),
            own: `${show(p.own)}${uncertain(p.ownDenominator)}`,
            median: show(p.median),
            national: show(p.national),
          })),
          csvRows: detail.series.map((p) => ({
            year: String(p.year),
            own: csvNumber(p.own),
            median: csvNumber(p.median),
            national: csvNumber(p.national),
          })),
        }}
      />
      {detail.scatter && detail.against && (
        <ChartWithTable
          id="scatter"
          title={t("indicator.scatterTitle", {
            x: localized(detail.indicator.name, language),
            y: localized(detail.against.name, language),
          })}
          about={{ indicatorCode: code, year: detail.year, group, demo }}
          csvFileName={`${code}-mot-${detail.against.code}.csv`}
          reserve={SCATTER_HEIGHT}
          chart={<AgainstChart detail={detail} scatter={detail.scatter} against={detail.against} language={language} />}
          table={{
            caption: t("indicator.scatterTitle", {
              x: localized(detail.indicator.name, language),
              y: localized(detail.against.name, language),
            }),
            columns: [
              { key: "name", header: t("indicator.unit") },
              { key: "x", header: localized(detail.indicator.name, language), numeric: true },
              { key: "y", header: localized(detail.against.name, language), numeric: true },
            ],
            rows: detail.scatter.map((p) => ({
              name: p.own ? `${p.name} (${t("indicator.you")})` : p.name,
              x: show(p.x),
              y: formatIndicatorValue(detail.against?.code ?? "", p.y),
            })),
            csvRows: detail.scatter.map((p) => ({ name: p.name, x: csvNumber(p.x), y: csvNumber(p.y) })),
          }}
        />
      )}
    </div>
  );
}
