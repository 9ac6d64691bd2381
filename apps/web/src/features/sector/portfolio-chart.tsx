import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_COLOURS } from "../../components/chart-palette";
import { formatInteger, formatNok } from "../../lib/format";
import { PORTFOLIO_CHART_HEIGHT } from "./portfolio-chart-size";

/** The chart's four series, each with its text and colour under the same name. */
const PORTFOLIO_SERIES = ["cashPlanned", "cashRealized", "nonCashPlanned", "nonCashRealized"] as const;

type Row = { year: number } & Record<(typeof PORTFOLIO_SERIES)[number], number | null>;

/** Kroner planned and realized per year, cash and non-cash, across the sector's portfolio. */
export default function PortfolioChart({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <div className="chart-frame" style={{ height: PORTFOLIO_CHART_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis
            tickFormatter={(v: number) => formatInteger(v)}
            width={100}
            label={{ value: t("sector.portfolio.axis"), angle: -90, position: "insideLeft" }}
          />
          <Tooltip formatter={(v) => formatNok(Number(v))} />
          <Legend />
          {PORTFOLIO_SERIES.map((key) => (
            <Bar key={key} dataKey={key} name={t(`sector.portfolio.${key}`)} fill={CHART_COLOURS[key]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
