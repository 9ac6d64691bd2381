import type { RouterOutputs } from "@malestokk/api";
import { plannedValue } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { ChartWithTable } from "../../components/chart-with-table";
import { formatDate, formatDateShort, formatDecimal, formatInteger, formatWithUnit, isKronerUnit } from "../../lib/format";
import { useLocaleArea, type Language } from "../../lib/i18n";
import enViews from "../../locales/en.benefit-views.json";
import nbViews from "../../locales/nb.benefit-views.json";
import nnViews from "../../locales/nn.benefit-views.json";
import { CHART_COLOURS } from "../../components/chart-palette";

type Benefit = RouterOutputs["benefits"]["project"]["benefits"][number];

const { own: MEASURED, planned: PLANNED } = CHART_COLOURS;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** An axis tick or table cell: "30.04.2026" (docs/style.md#web: nb-NO whatever the language). */
const dateOf = (ms: number) => formatDateShort(new Date(ms).toISOString());
const csvNumber = (v: number | null) => (v === null ? "" : String(Math.round(v * 100) / 100).replace(".", ","));

/** The planned path (baseline through each staged target) against the measurements, with its table twin. */
export function BenefitChart({ benefit }: { benefit: Benefit; language: Language }) {
  useLocaleArea("benefitViews", { nb: nbViews, nn: nnViews, en: enViews });
  const { t } = useTranslation();
  const unit = benefit.indicator.unit;
  const points = [
    { date: benefit.baseline.date, kind: t("benefitViews.baseline"), measured: null as number | null, comment: "" },
    ...benefit.targets.map((x) => ({ date: x.date, kind: t("benefitViews.target"), measured: null as number | null, comment: "" })),
    ...benefit.measurements.map((m) => ({
      date: m.date,
      kind: m.source === "indicator" ? t("benefitViews.fromReport") : t("benefitViews.measurement"),
      measured: m.value,
      comment: m.comment ?? "",
    })),
  ]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((p) => ({ ...p, planned: plannedValue(benefit.baseline, benefit.targets, p.date) }));
  const path = [benefit.baseline, ...benefit.targets].map((p) => ({ x: time(p.date), planned: p.value }));
  const measured = benefit.measurements.map((m) => ({ x: time(m.date), measured: m.value }));
  const data = [...path, ...measured].sort((a, b) => a.x - b.x);
  const show = (v: number | null) => (v === null ? "" : formatWithUnit(v, unit));
  const isKroner = isKronerUnit(unit);
  return (
    <ChartWithTable
      id={`benefit-${benefit.id}`}
      title={t("benefitViews.chartTitle", { title: benefit.title })}
      about={{ unit }}
      description={benefit.measurements.length === 0 ? t("benefitViews.noMeasurements") : undefined}
      csvFileName={`gevinst-${benefit.id}.csv`}
      chart={
        <div className="chart-frame" style={{ height: 260 }}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="x" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(v: number) => dateOf(v)} />
              <YAxis
                width={80}
                tickFormatter={(v: number) => (isKroner ? formatInteger(v) : formatDecimal(v))}
                label={{ value: unit, angle: -90, position: "insideLeft" }}
              />
              <Tooltip labelFormatter={(v) => formatDate(new Date(Number(v)).toISOString())} formatter={(v) => show(Number(v))} />
              <Legend />
              <Line
                dataKey="planned"
                name={t("benefitViews.planned")}
                stroke={PLANNED}
                strokeWidth={2}
                strokeDasharray="6 4"
                dot={{ r: 3, fill: PLANNED, strokeDasharray: "" }}
                connectNulls
                isAnimationActive={false}
              />
              <Line
                dataKey="measured"
                name={t("benefitViews.measured")}
                stroke={MEASURED}
                strokeWidth={3}
                dot={{ r: 4, fill: MEASURED }}
                connectNulls
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      }
      table={{
        caption: t("benefitViews.chartTitle", { title: benefit.title }),
        columns: [
          { key: "date", header: t("benefitViews.date") },
          { key: "planned", header: t("benefitViews.planned"), numeric: true },
          { key: "measured", header: t("benefitViews.measured"), numeric: true },
          { key: "kind", header: t("benefitViews.kind") },
          { key: "comment", header: t("benefitViews.comment") },
        ],
        rows: points.map((p) => ({
          date: formatDateShort(p.date),
          kind: p.kind,
          planned: show(p.planned),
          measured: show(p.measured),
          comment: p.comment,
        })),
        csvRows: points.map((p) => ({
          date: p.date,
          kind: p.kind,
          planned: csvNumber(p.planned),
          measured: csvNumber(p.measured),
          comment: p.comment,
        })),
      }}
    />
  );
}
