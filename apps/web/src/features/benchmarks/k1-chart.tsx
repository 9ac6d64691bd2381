import { useTranslation } from "react-i18next";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatInteger, formatNok } from "../../lib/format";
import type { ChartRow } from "./k1-rows";
import { CHART_AXIS_TEXT, CHART_GRID, K1_COLOURS } from "../../components/chart-palette";

// Lines also differ in dash pattern, so colour is never the only cue (WCAG 1.4.1).
export const SERIES_COLOURS = K1_COLOURS;

function formatTooltipValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => formatNok(Number(v))).join(" – ");
  return typeof value === "number" ? formatNok(value) : "–";
}

export default function K1Chart(props: { rows: readonly ChartRow[]; ownName: string; width?: number; height?: number }) {
  const { t } = useTranslation();
  const height = props.height ?? 340;
  const chart = (
    <ComposedChart
      data={[...props.rows]}
      margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
      {...(props.width ? { width: props.width, height } : {})}
    >
      <CartesianGrid stroke={CHART_GRID} strokeDasharray="3 3" />
      <XAxis dataKey="year" tick={{ fill: CHART_AXIS_TEXT }} />
      <YAxis
        tickFormatter={(v: number) => formatInteger(v)}
        tick={{ fill: CHART_AXIS_TEXT }}
        width={80}
        label={{ value: t("benchmarks.series.axis"), angle: -90, position: "insideLeft", fill: CHART_AXIS_TEXT }}
      />
      <Tooltip
        formatter={(value) => formatTooltipValue(value)}
        labelFormatter={(label: unknown) => (typeof label === "number" || typeof label === "string" ? String(label) : "")}
      />
      {/* Legend text in the body colour: series colours alone are below 4.5:1 (WCAG 1.4.3). */}
      <Legend formatter={(value: string) => <span className="chart-legend-text">{value}</span>} />
      <Area
        type="linear"
        dataKey="band"
        name={t("benchmarks.series.band")}
        fill={SERIES_COLOURS.band}
        fillOpacity={0.3}
        stroke={SERIES_COLOURS.band}
        isAnimationActive={false}
        connectNulls={false}
      />
      <Line
        type="linear"
        dataKey="median"
        name={t("benchmarks.series.median")}
        stroke={SERIES_COLOURS.median}
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
      <Line
        type="linear"
        dataKey="national"
        name={t("benchmarks.series.national")}
        stroke={SERIES_COLOURS.national}
        strokeWidth={2}
        strokeDasharray="2 3"
        dot={false}
        isAnimationActive={false}
      />
      <Line
        type="linear"
        dataKey="own"
        name={t("benchmarks.series.own", { name: props.ownName })}
        className="series-own"
        stroke={SERIES_COLOURS.own}
        strokeWidth={3}
        dot={{ r: 4 }}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
  if (props.width) return chart;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {chart}
    </ResponsiveContainer>
  );
}
