import { MATURITY_AREA_DEFINITIONS, MATURITY_AREAS, type MaturityArea } from "@malestokk/domain";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from "recharts";

import { ChartWithTable } from "../../components/chart-with-table";
import { formatScore } from "../../lib/format";
import { CHART_COLOURS } from "../../components/chart-palette";
import type { Language } from "../../lib/i18n";
import { localized } from "../../lib/localized";

/** Words of a label in lines of at most `max` characters, so long area names wrap instead of being cut. */
function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

interface AngleTickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: "start" | "middle" | "end" | "inherit";
  payload?: { value?: unknown };
}

const PHONE = "(max-width: 30em)";

/** Whether the screen is phone-narrow, following rotation and resizing. */
function usePhoneWidth(): boolean {
  return useSyncExternalStore(
    (changed) => {
      if (typeof window.matchMedia !== "function") return () => undefined;
      const query = window.matchMedia(PHONE);
      query.addEventListener("change", changed);
      return () => query.removeEventListener("change", changed);
    },
    // jsdom (the component tests) has no matchMedia: a wide screen there.
    () => typeof window.matchMedia === "function" && window.matchMedia(PHONE).matches,
    () => false,
  );
}

/** An area name in short lines around its spoke: readable on a phone, not cut at the edge. */
function AngleTick({ x = 0, y = 0, textAnchor = "middle", payload, width = 14 }: AngleTickProps & { width?: number }) {
  const value = payload?.value;
  const lines = wrapLabel(typeof value === "string" ? value : "", width);
  const top = Number(y) - ((lines.length - 1) * 14) / 2;
  return (
    <text x={Number(x)} y={top} textAnchor={textAnchor} fontSize={12} fill="currentColor" className="radar-area-label">
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? 0 : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The eight areas as a radar, own levels against the KOSTRA group's median, with the table twin. */
export default function MaturityRadar(props: {
  own: Readonly<Partial<Record<MaturityArea, number | null>>>;
  peers: readonly { area: MaturityArea; median: number | null; n: number }[];
  language: Language;
  year?: number;
}) {
  const { t } = useTranslation();
  // On a phone the radar shrinks and its names wrap shorter, so the names at the sides fit the screen.
  const phone = usePhoneWidth();
  const rows = MATURITY_AREAS.map((area) => {
    const peer = props.peers.find((p) => p.area === area);
    return {
      area,
      name: localized(MATURITY_AREA_DEFINITIONS[area].name, props.language),
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
            <RadarChart
              data={rows}
              outerRadius={phone ? "40%" : "60%"}
              margin={phone ? { top: 8, right: 4, bottom: 8, left: 4 } : { top: 16, right: 24, bottom: 16, left: 24 }}
            >
              <PolarGrid />
              <PolarAngleAxis dataKey="name" tick={<AngleTick width={phone ? 11 : 14} />} />
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
