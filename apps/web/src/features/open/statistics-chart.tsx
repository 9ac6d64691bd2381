import { useTranslation } from "react-i18next";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_AXIS_TEXT, CHART_GRID, K1_COLOURS } from "../../components/chart-palette";
import { formatIndicatorValue } from "../../components/indicator-format";

export interface StatisticsRow {
  readonly year: number;
  readonly band: [number, number] | null;
  readonly median: number | null;
  readonly ratioOfSums: number | null;
}

const LINES = [
  { key: "median", colour: K1_COLOURS.median, dash: "6 4" },
  { key: "ratioOfSums", colour: K1_COLOURS.national, dash: null },
] as const;

/** The nation's quartile band, median and ratio of sums over the published years; lines differ in dash too (WCAG 1.4.1). */
export default function StatisticsChart(props: { indicatorCode: string; rows: readonly StatisticsRow[]; height: number }) {
  const { t } = useTranslation();
  const format = (value: unknown) =>
    Array.isArray(value)
      ? value.map((v) => formatIndicatorValue(props.indicatorCode, Number(v))).join(" – ")
      : typeof value === "number"
        ? formatIndicatorValue(props.indicatorCode, value)
        : "–";
  return (
    <ResponsiveContainer width="100%" height={props.height}>
      <ComposedChart data={[...props.rows]} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
        <CartesianGrid stroke={CHART_GRID} strokeDasharray="3 3" />
        <XAxis dataKey="year" tick={{ fill: CHART_AXIS_TEXT }} />
        <YAxis tickFormatter={(v: number) => formatIndicatorValue(props.indicatorCode, v)} tick={{ fill: CHART_AXIS_TEXT }} width={90} />
        <Tooltip formatter={(value) => format(value)} />
        <Legend formatter={(value: string) => <span className="chart-legend-text">{value}</span>} />
        <Area
          type="linear"
          dataKey="band"
          name={t("open.indicator.band")}
          fill={K1_COLOURS.band}
          fillOpacity={0.3}
          stroke={K1_COLOURS.band}
          isAnimationActive={false}
          connectNulls={false}
        />
        {LINES.map((line) => (
          <Line
            key={line.key}
            type="linear"
            dataKey={line.key}
            name={t(`open.indicator.${line.key}`)}
            stroke={line.colour}
            strokeWidth={2}
            {...(line.dash ? { strokeDasharray: line.dash } : {})}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
