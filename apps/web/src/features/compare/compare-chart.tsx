import { Field, Label, Select } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { INDICATORS } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_AXIS_TEXT, CHART_COLOURS, CHART_GRID } from "../../components/chart-palette";
import { ChartWithTable } from "../../components/chart-with-table";
import { formatIndicatorValue } from "../../components/indicator-format";
import { peerGroupName } from "../../components/peer-group-name";
import { formatCsvNumber } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

type Compared = RouterOutputs["benchmarks"]["compare"];
type Profile = RouterOutputs["benchmarks"]["profile"];

/** A reference row: the group's median or the national figure, `null` when it is not shown. */
interface Reference {
  readonly key: "median" | "national";
  readonly label: string;
  readonly value: number | null;
  readonly note: string;
}

/**
 * One indicator for the chosen municipalities as bars, with the group's median and the national
 * figure (both from approved figures, as the profile computes them) as labelled reference lines;
 * the table twin lists the municipalities and then the two reference rows.
 */
export function CompareChart(props: {
  code: string;
  codes: readonly string[];
  onCode: (code: string) => void;
  year: number;
  data: Compared;
  reference: Profile | undefined;
  /** "Oslo (under retting)" and the like: the same note the side-by-side table gives. */
  note: (value: Compared["values"][number]) => string;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const name = (code: string) => localized(INDICATORS.find((i) => i.code === code)?.name, lang) ?? code;
  const bars = props.data.units.map((u) => {
    const v = props.data.values.find((x) => x.code === props.code && x.number === u.number && x.year === props.year) ?? null;
    return { name: u.name, number: u.number, value: v?.value ?? null, note: v ? props.note(v) : "" };
  });
  const item = props.reference?.items.find((i) => i.code === props.code);
  const group = props.reference ? peerGroupName(t, props.reference.peerGroup) : "";
  const references: Reference[] = item
    ? [
        {
          key: "median",
          label: t("compare.median", { group, name: props.reference?.municipalityName ?? "" }),
          value: item.peers.status === "shown" ? item.peers.median : null,
          note: item.peers.status === "shown" ? t("compare.medianNote", { n: item.peers.n }) : t("profile.hidden", { n: item.peers.n }),
        },
        {
          key: "national",
          label: t("compare.national"),
          value: item.national.ratioOfSums,
          note: t("compare.nationalNote", { n: item.national.n }),
        },
      ]
    : [];
  const shown = (value: number | null) => (value === null ? t("profile.missing") : formatIndicatorValue(props.code, value));
  const title = t("compare.chartTitle", { indicator: name(props.code), year: props.year });
  return (
    <ChartWithTable
      id="compare-chart"
      title={title}
      about={{
        indicatorCode: props.code,
        year: String(props.year),
        group: { name: t("exports.about.chosen"), members: bars.map((b) => b.name) },
      }}
      csvFileName={`sammenligning-${props.code}.csv`}
      controls={
        <Field className="no-print">
          <Label htmlFor="compare-chart-indicator">{t("compare.chartIndicator")}</Label>
          <Select id="compare-chart-indicator" width="auto" value={props.code} onChange={(e) => props.onCode(e.target.value)}>
            {props.codes.map((code) => (
              <Select.Option key={code} value={code}>
                {name(code)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      }
      description={references.length > 0 ? t("compare.chartDescription") : undefined}
      chart={
        <div className="chart-frame" style={{ height: 80 + 44 * bars.length }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={bars} layout="vertical" margin={{ top: 24, right: 24, left: 8, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke={CHART_GRID} horizontal={false} />
              <XAxis
                type="number"
                tick={{ fill: CHART_AXIS_TEXT }}
                tickFormatter={(v: number) => formatIndicatorValue(props.code, v)}
                domain={[0, "auto"]}
              />
              <YAxis type="category" dataKey="name" width={130} tick={{ fill: CHART_AXIS_TEXT }} />
              <Tooltip formatter={(v) => formatIndicatorValue(props.code, Number(v))} />
              <Bar dataKey="value" name={name(props.code)} fill={CHART_COLOURS.own} isAnimationActive={false} />
              {references.map((r) =>
                r.value === null ? null : (
                  <ReferenceLine
                    key={r.key}
                    x={r.value}
                    stroke={r.key === "median" ? CHART_COLOURS.median : CHART_COLOURS.national}
                    strokeDasharray={r.key === "median" ? "6 4" : "2 3"}
                    strokeWidth={2}
                    label={{
                      value: r.key === "median" ? t("compare.medianShort") : t("compare.national"),
                      position: r.key === "median" ? "insideTopRight" : "insideBottomRight",
                      fill: CHART_AXIS_TEXT,
                    }}
                  />
                ),
              )}
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      legend={[
        { label: name(props.code), color: CHART_COLOURS.own },
        ...references.filter((r) => r.value !== null).map((r) => ({ label: r.label, color: CHART_COLOURS[r.key] })),
      ]}
      table={{
        caption: title,
        columns: [
          { key: "name", header: t("compare.unit") },
          { key: "value", header: name(props.code), numeric: true },
          { key: "note", header: t("compare.note") },
        ],
        rows: [
          ...bars.map((b) => ({ name: b.name, value: shown(b.value), note: b.note })),
          ...references.map((r) => ({ name: r.label, value: shown(r.value), note: r.note })),
        ],
        csvRows: [
          ...bars.map((b) => ({ name: b.name, value: b.value === null ? "" : formatCsvNumber(b.value, 2), note: b.note })),
          ...references.map((r) => ({ name: r.label, value: r.value === null ? "" : formatCsvNumber(r.value, 2), note: r.note })),
        ],
      }}
    />
  );
}
