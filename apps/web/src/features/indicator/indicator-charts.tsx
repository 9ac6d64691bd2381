import type { RouterOutputs } from "@malestokk/api";
import { MIN_RESPONDENTS } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";

import { ChartWithTable } from "../../components/chart-with-table";
import { yearSpan } from "../../components/export-about";
import { formatIndicatorValue } from "../../components/indicator-format";
import { peerGroupName } from "../../components/peer-group-name";
import { CHART_COLOURS } from "../../components/chart-palette";
import type { Language } from "../../lib/i18n";
import { localized } from "../../lib/localized";

const { own: OWN, peer: PEER } = CHART_COLOURS;

type Detail = RouterOutputs["benchmarks"]["indicator"];

/** Above this many points, names on the scatter would overlap. */
const MAX_LABELLED = 15;
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
        chart={
          <div className="chart-frame" style={{ height: Math.max(240, distribution.length * 22) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={distribution} layout="vertical" margin={{ left: 20, right: 20 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" tickFormatter={(v: number) => formatIndicatorValue(code, v)} />
                <YAxis type="category" dataKey="name" width={150} interval={0} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(v) => formatIndicatorValue(code, Number(v))} />
                <Bar dataKey="value" name={localized(detail.indicator.name, language)} isAnimationActive={false}>
                  {distribution.map((d) => (
                    <Cell key={d.number} fill={d.own ? OWN : PEER} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        }
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
        chart={
          <div className="chart-frame" style={{ height: 300 }}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={detail.series}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="year" />
                <YAxis tickFormatter={(v: number) => formatIndicatorValue(code, v)} width={90} />
                <Tooltip formatter={(v) => formatIndicatorValue(code, Number(v))} />
                <Legend />
                <Line
                  dataKey="own"
                  name={detail.municipalityName}
                  stroke={OWN}
                  strokeWidth={3}
                  isAnimationActive={false}
                  connectNulls={false}
                />
                <Line
                  dataKey="median"
                  name={t("profile.median")}
                  stroke={CHART_COLOURS.median}
                  strokeDasharray="6 4"
                  isAnimationActive={false}
                  connectNulls={false}
                />
                <Line
                  dataKey="national"
                  name={t("profile.national")}
                  stroke={CHART_COLOURS.national}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        }
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
          chart={
            <div className="chart-frame" style={{ height: 340 }}>
              <ResponsiveContainer width="100%" height="100%">
                <ScatterChart margin={{ left: 20, right: 20, bottom: 20 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  {/* Axis titles name what each axis measures (issue 20, point 26). */}
                  <XAxis
                    type="number"
                    dataKey="x"
                    name={localized(detail.indicator.name, language)}
                    tickFormatter={(v: number) => formatIndicatorValue(code, v)}
                    label={{ value: localized(detail.indicator.name, language), position: "insideBottom", offset: -12 }}
                  />
                  <YAxis
                    type="number"
                    dataKey="y"
                    name={localized(detail.against.name, language)}
                    width={80}
                    tickFormatter={(v: number) => formatIndicatorValue(detail.against?.code ?? "", v)}
                    label={{ value: localized(detail.against.name, language), angle: -90, position: "insideLeft", offset: -8 }}
                  />
                  <ZAxis range={[60, 60]} />
                  <Tooltip />
                  <Scatter data={detail.scatter.filter((p) => !p.own)} fill={PEER} name={t("indicator.peers")} isAnimationActive={false}>
                    {/* Names on the points while they stay readable; the table names them all. */}
                    {detail.scatter.length <= MAX_LABELLED && <LabelList dataKey="name" position="top" fontSize={12} />}
                  </Scatter>
                  <Scatter data={detail.scatter.filter((p) => p.own)} fill={OWN} name={detail.municipalityName} isAnimationActive={false}>
                    <LabelList dataKey="name" position="top" fontSize={12} fontWeight={600} />
                  </Scatter>
                  <Legend />
                </ScatterChart>
              </ResponsiveContainer>
            </div>
          }
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
