import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_AXIS_TEXT, CHART_GRID, K1_COLOURS } from "./chart-palette";

/** One year of a series: the peers' quartile band and median, the national ratio of sums, and the municipality's own value. */
export interface SeriesChartRow {
  readonly year: number;
  readonly band: [number, number] | null;
  readonly median: number | null;
  readonly national: number | null;
  readonly own?: number | null;
}

/** The legend's names; the own line is drawn only when it has one. */
export interface SeriesChartLabels {
  readonly band: string;
  readonly median: string;
  readonly national: string;
  readonly own?: string;
  /** The value axis's title. */
  readonly axis?: string;
}

/** The lines in drawing order: the own municipality's on top, with dots, the others dashed. */
const LINES = [
  { key: "median", colour: K1_COLOURS.median, width: 2, look: { strokeDasharray: "6 4", dot: false } },
  { key: "national", colour: K1_COLOURS.national, width: 2, look: { strokeDasharray: "2 3", dot: false } },
  { key: "own", colour: K1_COLOURS.own, width: 3, look: { className: "series-own", dot: { r: 4 } } },
] as const;

/**
 * An indicator over the years against its peers (the comparison pages' K1 chart and the open pages'
 * statistics): a missing value stays null, so a line shows a gap. Lines also differ in dash pattern,
 * so colour is never the only cue (WCAG 1.4.1); legend text is in the body colour (WCAG 1.4.3).
 */
export default function SeriesChart(props: {
  rows: readonly SeriesChartRow[];
  labels: SeriesChartLabels;
  /** A value as the tooltip says it (with its unit). */
  format: (value: number) => string;
  /** A value as the axis ticks say it; `format` if not given. */
  tickFormat?: (value: number) => string;
  axisWidth?: number;
  /** A fixed width (the chart export draws it so); otherwise as wide as its container. */
  width?: number;
  height?: number;
}) {
  const { labels, format } = props;
  const height = props.height ?? 340;
  const tooltip = (value: unknown) =>
    Array.isArray(value) ? value.map((v) => format(Number(v))).join(" – ") : typeof value === "number" ? format(value) : "–";
  const chart = (
    <ComposedChart
      data={[...props.rows]}
      margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
      {...(props.width ? { width: props.width, height } : {})}
    >
      <CartesianGrid stroke={CHART_GRID} strokeDasharray="3 3" />
      <XAxis dataKey="year" tick={{ fill: CHART_AXIS_TEXT }} />
      <YAxis
        tickFormatter={props.tickFormat ?? format}
        tick={{ fill: CHART_AXIS_TEXT }}
        width={props.axisWidth ?? 80}
        {...(labels.axis ? { label: { value: labels.axis, angle: -90, position: "insideLeft", fill: CHART_AXIS_TEXT } } : {})}
      />
      <Tooltip
        formatter={tooltip}
        labelFormatter={(label: unknown) => (typeof label === "number" || typeof label === "string" ? String(label) : "")}
      />
      <Legend formatter={(value: string) => <span className="chart-legend-text">{value}</span>} />
      <Area
        type="linear"
        dataKey="band"
        name={labels.band}
        fill={K1_COLOURS.band}
        fillOpacity={0.3}
        stroke={K1_COLOURS.band}
        isAnimationActive={false}
        connectNulls={false}
      />
      {LINES.filter((line) => labels[line.key] !== undefined).map((line) => (
        <Line
          key={line.key}
          type="linear"
          dataKey={line.key}
          name={labels[line.key]}
          stroke={line.colour}
          strokeWidth={line.width}
          {...line.look}
          isAnimationActive={false}
        />
      ))}
    </ComposedChart>
  );
  if (props.width) return chart;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {chart}
    </ResponsiveContainer>
  );
}
