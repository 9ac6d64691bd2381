import { geoPath } from "d3-geo";
import { memo, useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, type SyntheticEvent } from "react";

import { MAP_COLOURS } from "../../components/chart-palette";
import { COUNTIES, COUNTY_BORDERS, MUNICIPALITIES, OUTLINE, projectionFor, type UnitFeature } from "./geometry";

/** One unit as the drawing is told to show it: the choropleth (choropleth-map.tsx) decides fill, emphasis and words. */
export interface DrawnUnit {
  readonly number: string;
  /** The accessible name: "Trondheim: 3 512 kr, klasse 4 av 5". */
  readonly label: string;
  readonly fill: string;
  /** Missing figures carry the hatch over their fill. */
  readonly isHatched: boolean;
  readonly isDimmed: boolean;
  readonly isPeer: boolean;
  readonly isOwn: boolean;
  /** Where a click or Enter leads (a municipality's page); null: `onOpen` decides (a county zooms in). */
  readonly href: string | null;
}

export interface MapDrawingProps {
  readonly level: "municipality" | "county";
  readonly units: readonly DrawnUnit[];
  /** A county's number to zoom to, or null for the whole country. */
  readonly zoom: string | null;
  readonly width: number;
  readonly height: number;
  readonly labelledBy: string;
  readonly describedBy: string;
  /** A key for what is drawn (indicator and year), set on the SVG once drawn, for tests and the benchmark. */
  readonly drawKey: string;
  readonly active: string | null;
  readonly onActive: (number: string | null) => void;
  readonly onOpen: (unit: DrawnUnit) => void;
}

const HATCH_ID = "map-hatch";

interface Shape {
  readonly feature: UnitFeature;
  readonly d: string;
  readonly centroid: readonly [number, number];
}

/** The nearest unit from `from` in the arrow's direction, favouring those straight ahead. */
function nearestIn(direction: string, from: Shape, shapes: readonly Shape[]): Shape | null {
  const [x0, y0] = from.centroid;
  let best: Shape | null = null;
  let bestScore = Infinity;
  for (const shape of shapes) {
    if (shape === from) continue;
    const dx = shape.centroid[0] - x0;
    const dy = shape.centroid[1] - y0;
    const [ahead, aside] =
      direction === "ArrowRight" ? [dx, dy] : direction === "ArrowLeft" ? [-dx, dy] : direction === "ArrowDown" ? [dy, dx] : [-dy, dx];
    if (ahead <= 0) continue;
    const score = ahead + 2 * Math.abs(aside);
    if (score < bestScore) {
      bestScore = score;
      best = shape;
    }
  }
  return best;
}

interface Shapes {
  readonly byNumber: ReadonlyMap<string, Shape>;
  /** The units' numbers in order, for Home and End. */
  readonly order: readonly string[];
  readonly outline: string;
  readonly counties: string;
  readonly others: string;
}

// Projected once per view and size, for the page's life: a new indicator, year or group changes fills only, and the
// map drawn again (another page, back from the table) costs no projection (docs/map.md#speed).
const SHAPES = new Map<string, Shapes>();

function shapesFor(level: MapDrawingProps["level"], zoom: string | null, width: number, height: number): Shapes {
  const key = `${level}|${zoom ?? ""}|${width}|${height}`;
  const known = SHAPES.get(key);
  if (known) return known;
  const features = level === "county" ? COUNTIES : MUNICIPALITIES;
  const isZoomed = zoom !== null && level === "municipality";
  const inView = isZoomed ? features.filter((f) => f.properties.number.startsWith(zoom)) : features;
  const path = geoPath(projectionFor(inView, width, height));
  const byNumber = new Map<string, Shape>(
    inView.map((f) => {
      const [x, y] = path.centroid(f);
      return [f.properties.number, { feature: f, d: path(f) ?? "", centroid: [x, y] as const }];
    }),
  );
  const shapes: Shapes = {
    byNumber,
    order: [...byNumber.keys()].sort(),
    outline: path(OUTLINE) ?? "",
    counties: level === "municipality" ? (path(COUNTY_BORDERS) ?? "") : "",
    others: isZoomed
      ? MUNICIPALITIES.filter((f) => !f.properties.number.startsWith(zoom))
          .map((f) => path(f) ?? "")
          .join("")
      : "",
  };
  SHAPES.set(key, shapes);
  return shapes;
}

interface MapUnitProps extends DrawnUnit {
  readonly d: string;
  readonly isTabStop: boolean;
}

/**
 * One unit, drawn again only when what it shows changes (its props are strings and flags; the handlers sit on the
 * SVG): a new indicator redraws fills and names, a focus or a change elsewhere on the page redraws nothing.
 */
const MapUnit = memo(function MapUnit(props: MapUnitProps) {
  const body = (
    <path
      d={props.d}
      fill={props.isHatched ? `url(#${HATCH_ID})` : props.fill}
      fillOpacity={props.isDimmed ? 0.35 : 1}
      stroke={MAP_COLOURS.border}
      strokeWidth={props.isPeer ? 1 : 0.4}
    />
  );
  const common = {
    "data-number": props.number,
    "data-own": props.isOwn ? "true" : undefined,
    "data-peer": props.isPeer ? "true" : undefined,
    "aria-label": props.label,
    tabIndex: props.isTabStop ? 0 : -1,
    className: "municipality-map__unit",
  };
  return props.href === null ? (
    <g role="button" {...common}>
      {body}
    </g>
  ) : (
    <a href={props.href} {...common}>
      {body}
    </a>
  );
});

/** The unit an event happened in, by its `data-number`. */
function unitNumberOf(target: EventTarget): string | null {
  return target instanceof Element ? (target.closest("[data-number]")?.getAttribute("data-number") ?? null) : null;
}

/**
 * The map as SVG (issue 24): one link per municipality (or county), drawn with d3-geo from Kartverket's outlines,
 * offline. One tab stop: the arrow keys move to the nearest unit in their direction, Home and End to the first
 * and last by number, Enter opens (WCAG 2.1.1); every unit is in the table twin too.
 */
export default function MapDrawing(props: MapDrawingProps) {
  const { level, zoom, width, height } = props;
  const svg = useRef<SVGSVGElement>(null);
  const shapes = shapesFor(level, level === "county" ? null : zoom, width, height);
  const drawn = useMemo(() => props.units.filter((u) => shapes.byNumber.has(u.number)), [props.units, shapes]);
  const unitOf = useMemo(() => new Map(drawn.map((u) => [u.number, u])), [drawn]);
  const { order } = shapes;
  const active = props.active !== null && shapes.byNumber.has(props.active) ? props.active : null;
  const own = drawn.find((u) => u.isOwn);
  const tabStop = active ?? own?.number ?? order[0] ?? null;

  // Says what is drawn once it is in the page: the e2e spec and the benchmark wait for it.
  useEffect(() => {
    if (svg.current) svg.current.dataset.drawn = props.drawKey;
  }, [props.drawKey, props.units]);

  const focusUnit = (number: string) => {
    props.onActive(number);
    svg.current?.querySelector<SVGElement>(`[data-number="${number}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const number = unitNumberOf(event.target);
    const unit = number === null ? undefined : unitOf.get(number);
    const from = number === null ? undefined : shapes.byNumber.get(number);
    if (!unit || !from) return;
    let next: string | null | undefined = null;
    if (event.key.startsWith("Arrow")) next = nearestIn(event.key, from, [...shapes.byNumber.values()])?.feature.properties.number;
    else if (event.key === "Home") next = order[0];
    else if (event.key === "End") next = order.at(-1);
    else if (event.key === "Enter" && unit.href === null) {
      event.preventDefault();
      props.onOpen(unit);
      return;
    } else return;
    event.preventDefault();
    if (next) focusUnit(next);
  };
  const onPointed = (event: SyntheticEvent) => {
    const number = unitNumberOf(event.target);
    if (number !== null && unitOf.has(number)) props.onActive(number);
  };
  const onClick = (event: MouseEvent) => {
    const number = unitNumberOf(event.target);
    const unit = number === null ? undefined : unitOf.get(number);
    if (!unit) return;
    if (unit.href !== null) {
      // A new tab or window is the browser's; a plain click opens the page in the app.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
    }
    props.onOpen(unit);
  };

  return (
    <svg
      ref={svg}
      className="municipality-map"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="group"
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      data-level={level}
      data-units={drawn.length}
      onFocus={onPointed}
      onMouseOver={onPointed}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onMouseLeave={() => props.onActive(null)}
    >
      <defs>
        <pattern id={HATCH_ID} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="4" height="4" fill={MAP_COLOURS.missing} />
          <line x1="0" y1="0" x2="0" y2="4" stroke={MAP_COLOURS.hatch} strokeWidth="1.2" />
        </pattern>
      </defs>
      <rect width={width} height={height} fill={MAP_COLOURS.background} />
      {shapes.others && (
        <path d={shapes.others} fill={MAP_COLOURS.context} stroke={MAP_COLOURS.border} strokeWidth="0.3" aria-hidden="true" />
      )}
      {drawn.map((unit) => (
        <MapUnit key={unit.number} {...unit} d={(shapes.byNumber.get(unit.number) as Shape).d} isTabStop={unit.number === tabStop} />
      ))}
      {shapes.counties && (
        <path d={shapes.counties} fill="none" stroke={MAP_COLOURS.county} strokeWidth="1.2" pointerEvents="none" aria-hidden="true" />
      )}
      <path d={shapes.outline} fill="none" stroke={MAP_COLOURS.county} strokeWidth="0.6" pointerEvents="none" aria-hidden="true" />
      {own && (
        <g pointerEvents="none" aria-hidden="true" data-own-outline={own.number}>
          <path d={shapes.byNumber.get(own.number)?.d} fill="none" stroke={MAP_COLOURS.halo} strokeWidth="5" strokeLinejoin="round" />
          <path d={shapes.byNumber.get(own.number)?.d} fill="none" stroke={MAP_COLOURS.own} strokeWidth="2.5" strokeLinejoin="round" />
        </g>
      )}
      {active && (
        <g pointerEvents="none" aria-hidden="true" data-active-outline={active}>
          <path d={shapes.byNumber.get(active)?.d} fill="none" stroke={MAP_COLOURS.halo} strokeWidth="5" strokeLinejoin="round" />
          <path
            d={shapes.byNumber.get(active)?.d}
            fill="none"
            stroke={MAP_COLOURS.focus}
            strokeWidth="3"
            strokeDasharray="5 3"
            strokeLinejoin="round"
          />
        </g>
      )}
    </svg>
  );
}
