import { SVARUT_REFERENCE } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";

import { ChartWithTable } from "../../components/chart-with-table";
import { yearSpan } from "../../components/export-about";
import { QueryView } from "../../components/query-view";
import { formatPercent, PERCENT_UNIT } from "../../lib/format";
import { useMailTrend } from "./api";
import { CHART_COLOURS } from "../../components/chart-palette";

/** S3 over the years against the national figure the seed quotes (28 % in 2014), with the table twin. */
export default function MailTrend({ municipalityNumber }: { municipalityNumber: string }) {
  const series = useMailTrend(municipalityNumber);
  return (
    <QueryView query={series} testId="mail-trend">
      {(data) => <MailTrendChart points={data.points.map((p) => ({ year: p.year, own: p.own?.value ?? null }))} />}
    </QueryView>
  );
}

function MailTrendChart({ points }: { points: readonly { readonly year: number; readonly own: number | null }[] }) {
  const { t } = useTranslation();
  return (
    <ChartWithTable
      id="mail"
      title={t("quality.scope.mailTrend")}
      about={{ indicatorCode: "S3", year: yearSpan(points.map((p) => p.year)) }}
      csvFileName="digital-post.csv"
      chart={
        <div className="chart-frame" style={{ height: 280 }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="year" />
              <YAxis domain={[0, 100]} unit={PERCENT_UNIT} />
              <ReferenceLine
                y={SVARUT_REFERENCE.percent}
                stroke={CHART_COLOURS.median}
                strokeDasharray="6 4"
                label={t("quality.scope.reference", { year: SVARUT_REFERENCE.year })}
              />
              <Line
                dataKey="own"
                name={t("quality.scope.mailTitle")}
                stroke={CHART_COLOURS.own}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      }
      table={{
        caption: t("quality.scope.mailTrend"),
        columns: [
          { key: "year", header: t("quality.scope.year") },
          { key: "own", header: t("quality.scope.mailTitle"), numeric: true },
        ],
        rows: points.map((p) => ({
          year: String(p.year),
          own: p.own === null ? t("quality.scope.missing") : formatPercent(Math.round(p.own)),
        })),
        csvRows: points.map((p) => ({ year: String(p.year), own: p.own === null ? "" : String(Math.round(p.own)) })),
      }}
    />
  );
}
