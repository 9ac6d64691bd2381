import { medianSide, type Direction, type PeerSummary } from "@malestokk/domain";

import { BAND_CHART_COLOURS } from "../../components/chart-palette";

const WIDTH = 120;
const HEIGHT = 18;
const INSET = 5;
const DOT_RADIUS = 4.5;

/**
 * A row's small chart in "Min kommune": the group's quartile band (P25–P75) with its median, and the
 * municipality as a dot, green on the good side of the median, red on the other, blue where the
 * indicator has no direction. Each row has its own scale (band and dot fill the width), so the chart
 * shows where the municipality stands in its group, not how indicators compare with one another.
 *
 * It is `aria-hidden`: the row's cells already carry the figures (own value, median, band, assessment),
 * and a text alternative would read them out a second time in every row. A hidden group (n < 3)
 * draws nothing, as its statistics are not shown either.
 */
export function BandChart({ value, peers, direction }: { value: number | null; peers: PeerSummary; direction: Direction }) {
  if (peers.status !== "shown") return null;
  const points = [peers.q1, peers.q3, peers.median, ...(value === null ? [] : [value])];
  const low = Math.min(...points);
  const high = Math.max(...points);
  const pad = (high - low) * 0.08 || Math.abs(peers.median) * 0.1 || 1;
  const x = (v: number) => INSET + ((v - (low - pad)) / (high - low + 2 * pad)) * (WIDTH - 2 * INSET);
  const side = value === null ? null : medianSide(direction, value, peers.median);
  const mid = HEIGHT / 2;
  return (
    <svg
      className="band-chart"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
      focusable="false"
      data-testid="band-chart"
      style={{ verticalAlign: "middle", marginInlineEnd: "0.5rem" }}
    >
      <line x1={INSET} x2={WIDTH - INSET} y1={mid} y2={mid} stroke={BAND_CHART_COLOURS.bandOutline} strokeWidth={1} />
      <rect
        className="band-chart__band"
        x={x(peers.q1)}
        y={mid - 5}
        width={Math.max(x(peers.q3) - x(peers.q1), 1)}
        height={10}
        fill={BAND_CHART_COLOURS.bandFill}
        stroke={BAND_CHART_COLOURS.bandOutline}
      />
      <line
        className="band-chart__median"
        x1={x(peers.median)}
        x2={x(peers.median)}
        y1={mid - 7}
        y2={mid + 7}
        stroke={BAND_CHART_COLOURS.median}
        strokeWidth={2}
      />
      {value !== null && side !== null && (
        <circle
          className={`band-chart__dot band-chart__dot--${side}`}
          cx={x(value)}
          cy={mid}
          r={DOT_RADIUS}
          fill={BAND_CHART_COLOURS[side]}
          stroke="#ffffff"
          strokeWidth={1}
        />
      )}
    </svg>
  );
}
