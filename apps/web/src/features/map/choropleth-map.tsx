import { Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { classifyMap, getIndicator, regionFigures, shadeOf, type MapClassMethod, type MapUnitState } from "@malestokk/domain";
import { lazy, Suspense, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { ChartWithTable, useHasBeenSeen } from "../../components/chart-with-table";
import { MAP_COLOURS, mapShades } from "../../components/chart-palette";
import { formatIndicatorValue } from "../../components/indicator-format";
import type { LegendEntry } from "../../components/export-about";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";
import { useUrlState } from "../../lib/url-state";
import type { DrawnUnit } from "./map-drawing";
import { useMapTexts } from "./texts";

import "./map.css";

// d3-geo, topojson-client and the outlines come with the drawing: their own chunk, loaded with the map only.
const MapDrawing = lazy(() => import("./map-drawing"));

/** One municipality's figure, as the map is given it (benchmarks.map, or an open page's own figures). */
export interface MapUnitFigure {
  readonly number: string;
  readonly name: string;
  readonly countyNumber: string;
  readonly value: number | null;
  /** The components, for the counties' ratio of sums; without them the county view is not offered. */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

export interface ChoroplethMapProps {
  /** Prefix of the block's ids and URL keys, unique on the page. */
  readonly id: string;
  readonly indicatorCode: string;
  readonly year: number;
  readonly units: readonly MapUnitFigure[];
  readonly counties: readonly { readonly number: string; readonly name: string }[];
  /** The reader's own municipality, outlined. */
  readonly ownNumber?: string | null;
  /** The chosen peer group: highlighted, the others dimmed. Empty: none is dimmed. */
  readonly peerNumbers?: readonly string[];
  /** The group's name, for the exports. */
  readonly peerGroupName?: string;
  /** Where a municipality leads when clicked or opened with Enter; null or absent: nowhere. */
  readonly hrefOf?: (number: string) => string | null;
  readonly onOpen?: (href: string) => void;
  readonly demo?: boolean;
  /** More controls above the map (an indicator picker). */
  readonly controls?: ReactNode;
  /** What it means in words, beside the map. */
  readonly aside?: ReactNode;
}

const WIDTH = 560;
const HEIGHT = 720;
const LEVELS = ["municipality", "county"] as const;
type Level = (typeof LEVELS)[number];
const METHODS: readonly MapClassMethod[] = ["quantiles", "groupQuartiles"];
/** The table twin's order; one collator, as `localeCompare` with a locale builds one per call. */
const BY_NAME = new Intl.Collator("nb");

/**
 * A choropleth of one indicator in one year by municipality or county (issue 24): classes by national
 * quintiles or the group's quartiles, shades that follow the indicator's direction, "no value" hatched and
 * "hidden" grey, the own municipality outlined and the group highlighted, a legend in Norwegian numbers,
 * the table twin, and PNG, CSV and Excel exports that credit Kartverket.
 */
export function ChoroplethMap(props: ChoroplethMapProps) {
  useMapTexts();
  const { t } = useTranslation();
  const language = useLanguage();
  const indicator = getIndicator(props.indicatorCode);
  const peers = useMemo(() => new Set(props.peerNumbers ?? []), [props.peerNumbers]);
  const canCounty = props.units.some((u) => u.numerator !== undefined);
  const [levelRaw, setLevel] = useUrlState<Level>(`${props.id}Niva`, "municipality", (raw) => (raw === "county" ? "county" : null));
  const level: Level = canCounty ? levelRaw : "municipality";
  const [zoom, setZoom] = useUrlState<string>(`${props.id}Fylke`, "", (raw) => (props.counties.some((c) => c.number === raw) ? raw : null));
  const [methodRaw, setMethod] = useUrlState<MapClassMethod>(`${props.id}Klasser`, "quantiles", (raw) =>
    raw === "groupQuartiles" ? "groupQuartiles" : null,
  );
  const method: MapClassMethod = peers.size > 0 && level === "municipality" ? methodRaw : "quantiles";
  const [active, setActive] = useState<string | null>(null);
  const show = (value: number) => formatIndicatorValue(props.indicatorCode, value);
  const countyName = useMemo(() => new Map(props.counties.map((c) => [c.number, c.name])), [props.counties]);

  const figures = useMemo(() => {
    if (level === "municipality")
      return props.units.map((u) => ({ key: u.number, value: u.value, name: u.name, n: null as number | null }));
    return regionFigures(
      props.units.map((u) => ({ region: u.countyNumber, numerator: u.numerator ?? null, denominator: u.denominator ?? null })),
      indicator?.scale ?? 1,
    ).map((f) => ({ key: f.region, value: f.value, isHidden: f.isHidden, name: countyName.get(f.region) ?? f.region, n: f.n }));
  }, [level, props.units, countyName, indicator]);
  const classing = useMemo(
    () => classifyMap(figures, { method, direction: indicator?.direction ?? "neutral", groupKeys: peers }),
    [figures, method, indicator, peers],
  );
  const shades = mapShades(classing.classCount);
  // Each class's limits in words, once per classing (the legend and every row of the table twin use them).
  const classTexts = useMemo(
    () =>
      Array.from({ length: classing.classCount }, (_, i) => {
        const from = classing.limits[i] as number;
        const to = classing.limits[i + 1] as number;
        const show = (value: number) => formatIndicatorValue(props.indicatorCode, value);
        return from === to ? show(from) : t("map.classRange", { from: show(from), to: show(to) });
      }),
    // `t` changes with the language, and with it the numbers' format, which formatIndicatorValue reads itself.
    [classing, props.indicatorCode, t],
  );
  const classText = (i: number) => classTexts[i] ?? "";
  const stateText = (state: MapUnitState | undefined) =>
    state?.kind === "value"
      ? `${show(state.value)}, ${t("map.classOf", { n: state.class + 1, count: classing.classCount })}`
      : state?.kind === "hidden"
        ? t("map.hidden")
        : t("map.missing");

  const { ownNumber, hrefOf } = props;
  // Built again only when the figures, classes or group change; the texts are made once per class, not once per
  // unit, so choosing an indicator costs 357 fills and names, not thousands of translations (docs/map.md#speed).
  const drawn = useMemo((): DrawnUnit[] => {
    const ofClass = Array.from({ length: classing.classCount }, (_, i) => t("map.classOf", { n: i + 1, count: classing.classCount }));
    const hidden = t("map.hidden");
    const missingText = t("map.missing");
    const ownNote = ` (${t("map.ownNote")})`;
    const peerNote = ` (${t("map.peerNote")})`;
    const zoomHint = level === "county" ? `. ${t("map.zoomHint")}` : "";
    const fills = mapShades(classing.classCount);
    return figures.map((f) => {
      const state = classing.states.get(f.key);
      const isOwn = level === "municipality" && f.key === ownNumber;
      const isPeer = level === "municipality" && peers.has(f.key) && !isOwn;
      const text =
        state?.kind === "value"
          ? `${formatIndicatorValue(props.indicatorCode, state.value)}, ${ofClass[state.class] ?? ""}`
          : state?.kind === "hidden"
            ? hidden
            : missingText;
      return {
        number: f.key,
        label: `${f.name}: ${text}${isOwn ? ownNote : isPeer ? peerNote : ""}${zoomHint}`,
        fill:
          state?.kind === "value" ? (fills[state.shade] as string) : state?.kind === "hidden" ? MAP_COLOURS.hidden : MAP_COLOURS.missing,
        isHatched: state?.kind === "missing",
        isDimmed: level === "municipality" && peers.size > 0 && !isPeer && !isOwn,
        isPeer,
        isOwn,
        href: level === "municipality" ? (hrefOf?.(f.key) ?? null) : null,
      };
    });
  }, [figures, classing, level, ownNumber, peers, hrefOf, t, props.indicatorCode]);
  const activeFigure = figures.find((f) => f.key === active);

  const direction = indicator?.direction ?? "neutral";
  const legend: LegendEntry[] = [
    ...Array.from({ length: classing.classCount }, (_, i) => ({
      label: `${classText(i)} (${classing.counts[i] ?? 0})`,
      color: shades[shadeOf(i, classing.classCount, direction)] as string,
    })),
    { label: t("map.missing"), color: MAP_COLOURS.missing },
    ...(figures.some((f) => "isHidden" in f && f.isHidden) ? [{ label: t("map.hidden"), color: MAP_COLOURS.hidden }] : []),
  ];
  const indicatorName = localized(indicator?.name, language) ?? props.indicatorCode;
  const title = t("map.title", { indicator: indicatorName, year: props.year });
  const missing = figures.filter((f) => f.value === null).length;
  const descriptionId = `${props.id}-description`;
  const headingId = `${props.id}-map-heading`;
  const zoomed = zoom === "" ? null : zoom;
  const [, setParams] = useSearchParams();
  const open = (unit: DrawnUnit) => {
    if (level === "county")
      // One change of the address: two setters in a row would each start from the same old one.
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          copy.delete(`${props.id}Niva`);
          copy.set(`${props.id}Fylke`, unit.number);
          return copy;
        },
        { replace: true },
      );
    else if (unit.href) props.onOpen?.(unit.href);
  };
  const table = useMemo(() => {
    const unitCounty = new Map(props.units.map((u) => [u.number, countyName.get(u.countyNumber) ?? ""]));
    const texts = { yes: t("map.table.yes"), own: t("map.ownNote"), hidden: t("map.hidden"), missing: t("map.missing") };
    const sorted = [...figures]
      .sort((a, b) => BY_NAME.compare(a.name, b.name))
      .map((f) => ({
        ...f,
        state: classing.states.get(f.key),
        county: unitCounty.get(f.key) ?? "",
        group: peers.has(f.key) ? texts.yes : "",
      }));
    return {
      rows: sorted.map(({ state, ...f }) => ({
        name: f.key === ownNumber && level === "municipality" ? `${f.name} (${texts.own})` : f.name,
        county: f.county,
        n: String(f.n ?? ""),
        value:
          state?.kind === "value"
            ? formatIndicatorValue(props.indicatorCode, state.value)
            : state?.kind === "hidden"
              ? texts.hidden
              : texts.missing,
        class: state?.kind === "value" ? (classTexts[state.class] ?? "") : "",
        group: f.group,
      })),
      csvRows: sorted.map(({ state, ...f }) => ({
        name: f.name,
        county: f.county,
        n: String(f.n ?? ""),
        value: state?.kind === "value" ? String(Math.round(state.value * 100) / 100).replace(".", ",") : "",
        class: state?.kind === "value" ? String(state.class + 1) : "",
        group: f.group,
      })),
    };
  }, [figures, classing, classTexts, props.units, props.indicatorCode, countyName, peers, ownNumber, level, t]);
  const unitHeader = level === "county" ? t("map.table.county") : t("map.table.municipality");
  // Drawn once it comes near the screen: 357 outlines are the heaviest work of the sector dashboard's and the
  // indicator page's load, where the map is below the first screen on a phone (issue 21); its room is kept.
  const frame = useRef<HTMLDivElement>(null);
  const near = useHasBeenSeen(frame, true);

  return (
    <ChartWithTable
      id={props.id}
      title={title}
      about={{
        indicatorCode: props.indicatorCode,
        year: props.year,
        ...(props.peerGroupName ? { group: { name: props.peerGroupName } } : {}),
        ...(props.demo === undefined ? {} : { demo: props.demo }),
        credit: { label: t("map.creditLabel"), text: t("map.creditText") },
      }}
      legend={legend}
      surface="svg.municipality-map"
      sheetName={t("map.sheet")}
      csvFileName={`${props.indicatorCode}-kart-${props.year}.csv`}
      controls={
        <div className="field-row no-print">
          {props.controls}
          {canCounty && (
            <Field>
              <Label htmlFor={`${props.id}-level`}>{t("map.level")}</Label>
              <Select id={`${props.id}-level`} width="auto" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
                {LEVELS.map((l) => (
                  <Select.Option key={l} value={l}>
                    {t(`map.levels.${l}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          {level === "municipality" && (
            <Field>
              <Label htmlFor={`${props.id}-zoom`}>{t("map.zoom")}</Label>
              <Select id={`${props.id}-zoom`} width="auto" value={zoom} onChange={(e) => setZoom(e.target.value)}>
                <Select.Option value="">{t("map.wholeCountry")}</Select.Option>
                {props.counties.map((c) => (
                  <Select.Option key={c.number} value={c.number}>
                    {c.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          {peers.size > 0 && level === "municipality" && (
            <Field>
              <Label htmlFor={`${props.id}-classes`}>{t("map.classes")}</Label>
              <Select id={`${props.id}-classes`} width="auto" value={method} onChange={(e) => setMethod(e.target.value as MapClassMethod)}>
                {METHODS.map((m) => (
                  <Select.Option key={m} value={m}>
                    {t(`map.methods.${m}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      }
      description={method !== classing.method ? t("map.methodFellBack") : undefined}
      chart={
        <div className="municipality-map__layout">
          <div className="municipality-map__frame" ref={frame}>
            <p className="municipality-map__info" aria-hidden="true" data-testid={`${props.id}-info`}>
              {activeFigure ? `${activeFigure.name}: ${stateText(classing.states.get(activeFigure.key))}` : t("map.hint")}
            </p>
            {near ? (
              <Suspense fallback={<div className="municipality-map__reserve" />}>
                <MapDrawing
                  level={level}
                  units={drawn}
                  zoom={level === "municipality" ? zoomed : null}
                  width={WIDTH}
                  height={HEIGHT}
                  labelledBy={headingId}
                  describedBy={descriptionId}
                  drawKey={`${props.indicatorCode}|${props.year}|${level}|${zoom}|${classing.method}`}
                  active={active}
                  onActive={setActive}
                  onOpen={open}
                />
              </Suspense>
            ) : (
              <div className="municipality-map__reserve" />
            )}
            <p id={descriptionId} className="visually-hidden">
              {t(level === "county" ? "map.countyDescription" : "map.description", {
                count: figures.length - missing,
                missing,
                indicator: indicatorName,
                year: props.year,
              })}{" "}
              {t(`map.darker.${direction}`)}
            </p>
          </div>
          <div className="municipality-map__side">
            {props.aside}
            <MapLegend id={headingId} legend={legend} direction={direction} hasOwn={Boolean(props.ownNumber)} hasPeers={peers.size > 0} />
          </div>
        </div>
      }
      table={{
        caption: title,
        columns: [
          { key: "name", header: unitHeader },
          ...(level === "municipality"
            ? [{ key: "county", header: t("map.table.county") }]
            : [{ key: "n", header: t("map.table.n"), numeric: true }]),
          { key: "value", header: indicatorName, numeric: true },
          { key: "class", header: t("map.table.class") },
          ...(peers.size > 0 && level === "municipality" ? [{ key: "group", header: t("map.table.group") }] : []),
        ],
        rows: table.rows,
        csvRows: table.csvRows,
      }}
    />
  );
}

function MapLegend(props: { id: string; legend: readonly LegendEntry[]; direction: string; hasOwn: boolean; hasPeers: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="municipality-map__legend">
      <Paragraph data-size="sm" className="municipality-map__legend-title">
        {t("map.legend")}
      </Paragraph>
      <ul aria-label={t("map.legend")}>
        {props.legend.map((entry) => (
          <li key={entry.label}>
            <svg width="16" height="16" aria-hidden="true">
              {entry.color === MAP_COLOURS.missing ? (
                <>
                  <rect width="16" height="16" fill={MAP_COLOURS.missing} stroke={MAP_COLOURS.border} />
                  <path d="M0 16 L16 0 M-4 4 L4 -4 M12 20 L20 12 M0 8 L8 0 M8 16 L16 8" stroke={MAP_COLOURS.hatch} strokeWidth="1.2" />
                </>
              ) : (
                <rect x="0.5" y="0.5" width="15" height="15" fill={entry.color} stroke={MAP_COLOURS.border} />
              )}
            </svg>
            {entry.label}
          </li>
        ))}
      </ul>
      <Paragraph data-size="sm">{t(`map.darker.${props.direction}`)}</Paragraph>
      {props.hasOwn && <Paragraph data-size="sm">{t("map.ownLegend")}</Paragraph>}
      {props.hasPeers && <Paragraph data-size="sm">{t("map.peerLegend")}</Paragraph>}
      <Paragraph data-size="xs" className="municipality-map__credit">
        {t("map.credit")}
      </Paragraph>
    </div>
  );
}
