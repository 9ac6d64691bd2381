import { useTranslation } from "react-i18next";

import SeriesChart from "../../components/series-chart";
import { formatInteger, formatNok } from "../../lib/format";
import type { ChartRow } from "./k1-rows";

/** K1 in kroner per inhabitant against the peers, drawn by the chart the open pages share (components/series-chart.tsx). */
export default function K1Chart(props: { rows: readonly ChartRow[]; ownName: string; width?: number; height?: number }) {
  const { t } = useTranslation();
  return (
    <SeriesChart
      rows={props.rows}
      labels={{
        band: t("benchmarks.series.band"),
        median: t("benchmarks.series.median"),
        national: t("benchmarks.series.national"),
        own: t("benchmarks.series.own", { name: props.ownName }),
        axis: t("benchmarks.series.axis"),
      }}
      format={formatNok}
      tickFormat={formatInteger}
      {...(props.width ? { width: props.width } : {})}
      {...(props.height ? { height: props.height } : {})}
    />
  );
}
