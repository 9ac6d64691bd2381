import { MATURITY_AREA_DEFINITIONS, MATURITY_AREAS, type MaturityArea } from "@malestokk/domain";
import { useTranslation } from "react-i18next";
import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from "recharts";

import { ChartWithTable } from "../../components/chart-with-table";
import { formatScore } from "../../lib/format";
import { CHART_COLOURS } from "../../components/chart-palette";

/** The eight areas as a radar, own levels against the KOSTRA group's median, with the table twin. */
export default function MaturityRadar(props: {
  own: Readonly<Partial<Record<MaturityArea, number | null>>>;
  peers: readonly { area: MaturityArea; median: number | null; n: number }[];
  language: "nb" | "en";
  year?: number;
}) {
  const { t } = useTranslation();
  const rows = MATURITY_AREAS.map((area) => {
    const peer = props.peers.find((p) => p.area === area);
    return {
      area,
      name: MATURITY_AREA_DEFINITIONS[area].name[props.language],
      own: props.own[area] ?? null,
      median: peer?.median ?? null,
      n: peer?.n ?? 0,
    };
  });
  const show = (v: number | null) => (v === null ? "–" : formatScore(v));
  return (
    <ChartWithTable
      id="maturity"
      title={t("quality.maturity.radarTitle")}
      about={{ indicatorCode: "Q1", year: props.year, group: { name: t("benchmarks.peerKinds.kostra") } }}
      csvFileName="ikt-modenhet.csv"
      chart={
        <div className="chart-frame" style={{ height: 420 }}>
          <ResponsiveContainer width="100%" height="100%">
            <RadarChart data={rows} outerRadius="70%">
              <PolarGrid />
              <PolarAngleAxis dataKey="name" tick={{ fontSize: 12 }} />
              <PolarRadiusAxis domain={[0, 5]} tickCount={6} />
              <Radar
                name={t("quality.maturity.peerMedian")}
                dataKey="median"
                stroke={CHART_COLOURS.median}
                fill={CHART_COLOURS.median}
                fillOpacity={0.15}
                isAnimationActive={false}
              />
              <Radar
                name={t("quality.maturity.own")}
                dataKey="own"
                stroke={CHART_COLOURS.own}
                fill={CHART_COLOURS.own}
                fillOpacity={0.35}
                isAnimationActive={false}
              />
              <Legend />
            </RadarChart>
          </ResponsiveContainer>
        </div>
      }
      table={{
        caption: t("quality.maturity.radarCaption"),
        columns: [
          { key: "area", header: t("quality.maturity.area") },
          { key: "own", header: t("quality.maturity.own"), numeric: true },
          { key: "median", header: t("quality.maturity.peerMedian"), numeric: true },
          { key: "n", header: t("quality.maturity.peerN"), numeric: true },
        ],
        rows: rows.map((r) => ({
          area: r.name,
          own: show(r.own),
          median: r.n < 3 ? t("quality.maturity.peerHidden") : show(r.median),
          n: String(r.n),
        })),
        csvRows: rows.map((r) => ({
          area: r.name,
          own: r.own === null ? "" : String(r.own),
          median: r.median === null ? "" : String(r.median).replace(".", ","),
          n: String(r.n),
        })),
      }}
    />
  );
}
