import { STAIRCASE_STEPS, type ScopeSector } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";

import { ChartWithTable } from "../../components/chart-with-table";
import { STAIRCASE_COLOURS } from "../../components/chart-palette";

const COLOURS = STAIRCASE_COLOURS;

/** How many of each sector's services stand on each step of the digital staircase, with the table twin. */
export default function StaircaseChart({ perSector }: { perSector: readonly { sector: ScopeSector; counts: readonly number[] }[] }) {
  const { t } = useTranslation();
  const data = perSector.map((s) => ({
    name: t(`quality.scope.sectors.${s.sector}`),
    ...Object.fromEntries(STAIRCASE_STEPS.map((step, i) => [`step${step}`, s.counts[i] ?? 0])),
  }));
  return (
    <ChartWithTable
      id="staircase"
      title={t("quality.scope.chartTitle")}
      csvFileName="digital-trapp.csv"
      chart={
        <div className="chart-frame" style={{ height: 320 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ left: 40, bottom: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                type="number"
                allowDecimals={false}
                label={{ value: t("quality.scope.chartAxis"), position: "insideBottom", offset: -4 }}
              />
              <YAxis type="category" dataKey="name" width={160} />
              {STAIRCASE_STEPS.map((step, i) => (
                <Bar
                  key={step}
                  dataKey={`step${step}`}
                  name={t("quality.scope.stepN", { step })}
                  stackId="steps"
                  fill={COLOURS[i]}
                  isAnimationActive={false}
                />
              ))}
              <Legend />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      table={{
        caption: t("quality.scope.chartCaption"),
        columns: [
          { key: "name", header: t("quality.scope.sector") },
          ...STAIRCASE_STEPS.map((step) => ({ key: `step${step}`, header: t("quality.scope.stepN", { step }), numeric: true })),
        ],
        rows: data.map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, String(v)]))),
        csvRows: data.map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, String(v)]))),
      }}
    />
  );
}
