import type { RouterOutputs } from "@malestokk/api";
import { useTranslation } from "react-i18next";
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_COLOURS } from "../../components/chart-palette";
import { ChartWithTable } from "../../components/chart-with-table";
import { yearSpan } from "../../components/export-about";
import { formatPercent, PERCENT_UNIT } from "../../lib/format";

type Dashboard = RouterOutputs["sector"]["dashboard"];

/** The digital mail share since the 2014 reference, drawn when its fold is opened. */
export default function MailTrend({ trend }: { trend: Dashboard["mailTrend"] }) {
  const { t } = useTranslation();
  const trendData = [
    { year: trend.reference.year, share: null, reference: trend.reference.percent },
    ...trend.points.map((p) => ({ year: p.year, share: p.ratioOfSums, reference: null })),
  ];
  return (
    <ChartWithTable
      id="mail-trend"
      title={t("sector.trendTitle")}
      about={{
        indicatorCode: "S3",
        year: yearSpan(trend.points.map((p) => p.year)),
        group: { name: t("benchmarks.peerKinds.all") },
      }}
      description={t("sector.trendDescription", { percent: trend.reference.percent })}
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
  );
}
