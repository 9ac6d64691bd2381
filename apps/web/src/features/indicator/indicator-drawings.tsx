import type { RouterOutputs } from "@malestokk/api";
import { useTranslation } from "react-i18next";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";

import { CHART_COLOURS } from "../../components/chart-palette";
import { formatIndicatorValue } from "../../components/indicator-format";
import { localized } from "../../lib/localized";
import type { Language } from "../../lib/i18n";
import { distributionHeight, MAX_LABELLED, SCATTER_HEIGHT, SERIES_HEIGHT } from "./chart-sizes";

const { own: OWN, peer: PEER } = CHART_COLOURS;

type Detail = RouterOutputs["benchmarks"]["indicator"];
type Point = Detail["distribution"][number];

// The indicator page's three charts, drawn with recharts: a module of their own, loaded when the first of them
// comes near the screen, so the page's text and tables come first (issue 21).

export function DistributionChart({
  detail,
  distribution,
  language,
}: {
  detail: Detail;
  distribution: readonly Point[];
  language: Language;
}) {
  const code = detail.indicator.code;
  return (
    <div className="chart-frame" style={{ height: distributionHeight(distribution.length) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...distribution]} layout="vertical" margin={{ left: 20, right: 20 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => formatIndicatorValue(code, v)} />
          <YAxis type="category" dataKey="name" width={150} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => formatIndicatorValue(code, Number(v))} />
          <Bar dataKey="value" name={localized(detail.indicator.name, language)} isAnimationActive={false}>
            {distribution.map((d) => (
              <Cell key={d.number} fill={d.own ? OWN : PEER} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function SeriesChart({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  const code = detail.indicator.code;
  return (
    <div className="chart-frame" style={{ height: SERIES_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={detail.series}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis tickFormatter={(v: number) => formatIndicatorValue(code, v)} width={90} />
          <Tooltip formatter={(v) => formatIndicatorValue(code, Number(v))} />
          <Legend />
          <Line dataKey="own" name={detail.municipalityName} stroke={OWN} strokeWidth={3} isAnimationActive={false} connectNulls={false} />
          <Line
            dataKey="median"
            name={t("profile.median")}
            stroke={CHART_COLOURS.median}
            strokeDasharray="6 4"
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            dataKey="national"
            name={t("profile.national")}
            stroke={CHART_COLOURS.national}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function AgainstChart({
  detail,
  scatter,
  against,
  language,
}: {
  detail: Detail;
  scatter: NonNullable<Detail["scatter"]>;
  against: NonNullable<Detail["against"]>;
  language: Language;
}) {
  const { t } = useTranslation();
  const code = detail.indicator.code;
  return (
    <div className="chart-frame" style={{ height: SCATTER_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ left: 20, right: 20, bottom: 20 }}>
          <CartesianGrid strokeDasharray="3 3" />
          {/* Axis titles name what each axis measures (issue 20, point 26). */}
          <XAxis
            type="number"
            dataKey="x"
            name={localized(detail.indicator.name, language)}
            tickFormatter={(v: number) => formatIndicatorValue(code, v)}
            label={{ value: localized(detail.indicator.name, language), position: "insideBottom", offset: -12 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={localized(against.name, language)}
            width={80}
            tickFormatter={(v: number) => formatIndicatorValue(against.code, v)}
            label={{ value: localized(against.name, language), angle: -90, position: "insideLeft", offset: -8 }}
          />
          <ZAxis range={[60, 60]} />
          <Tooltip />
          <Scatter data={scatter.filter((p) => !p.own)} fill={PEER} name={t("indicator.peers")} isAnimationActive={false}>
            {/* Names on the points while they stay readable; the table names them all. */}
            {scatter.length <= MAX_LABELLED && <LabelList dataKey="name" position="top" fontSize={12} />}
          </Scatter>
          <Scatter data={scatter.filter((p) => p.own)} fill={OWN} name={detail.municipalityName} isAnimationActive={false}>
            <LabelList dataKey="name" position="top" fontSize={12} fontWeight={600} />
          </Scatter>
          <Legend />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
