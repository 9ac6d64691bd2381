import { Field, Heading, Label, Select } from "@digdir/designsystemet-react";
import {
  describeFigure,
  getIndicator,
  INDICATORS,
  median,
  MIN_PEERS_FOR_STATISTICS,
  standingIn,
  type IndicatorCode,
} from "@malestokk/domain";
import { startTransition, useCallback, useDeferredValue, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { FigureSentenceText, useFigureTexts } from "../../components/figure-sentence";
import { peerGroupName } from "../../components/peer-group-name";
import { QueryView } from "../../components/query-view";
import { Loading } from "../../components/query-state";
import { useYearAndPeers } from "../../components/selection-controls";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";
import { useUrlState } from "../../lib/url-state";
import { useMapFigures } from "./api";
import { ChoroplethMap } from "./choropleth-map";
import { useMapTexts } from "./texts";

const CODES = INDICATORS.map((i) => i.code) as string[];

/** Runs `task` after the next frame is painted (a task queued from the frame's callback runs after its paint). */
function afterPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/**
 * The map with its figures from the server (benchmarks.map): the indicator page's (one indicator, the page's year
 * and peer group, the municipality outlined and what it means in words beside it) and the sector dashboard's
 * (the whole country, the indicator chosen on the map, kept in the URL as `kart`).
 */
export function IndicatorMap(props: { indicatorCode?: string; municipalityNumber?: string; year: number }) {
  useMapTexts();
  useFigureTexts();
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { peerChoice } = useYearAndPeers();
  const [inUrl, setInUrl] = useUrlState<string>("kart", "K1", (raw) => (CODES.includes(raw) ? raw : null));
  // The map follows a choice at once; the address (which every part of the page reads, so the whole page renders
  // again) follows after the map is painted, so the rest of the page waits for the map, not the map for the page
  // (issue 24: drawn within 100 ms). Only the last choice reaches the address.
  const [chosen, setChosen] = useState(inUrl);
  const latest = useRef(inUrl);
  useEffect(() => {
    latest.current = inUrl;
    setChosen(inUrl);
  }, [inUrl]);
  const choose = (code: string) => {
    latest.current = code;
    setChosen(code);
    afterPaint(() => {
      if (latest.current === code) startTransition(() => setInUrl(code));
    });
  };
  const code = (props.indicatorCode ?? chosen) as IndicatorCode;
  const query = useMapFigures({
    indicatorCode: code,
    year: props.year,
    ...(props.municipalityNumber ? { municipalityNumber: props.municipalityNumber, ...peerChoice } : {}),
  });
  const shownCode = query.data?.indicatorCode;
  // Stable, so the map's units are not built again when the page around them renders.
  const hrefOf = useCallback((number: string) => `/kommune/${number}/indikator/${shownCode ?? ""}`, [shownCode]);
  const onOpen = useCallback((href: string) => void navigate(href), [navigate]);
  // The map's first drawing (357 units' texts, classes and table) follows the page as a transition, rendered in
  // slices (issue 21); once there, it follows a choice at once (issue 24).
  const appeared = useDeferredValue(query.isSuccess);
  if (!query.isSuccess) return <QueryView query={query} />;
  if (!appeared) return <Loading />;
  const data = query.data;
  const indicator = getIndicator(data.indicatorCode);
  const own = data.units.find((u) => u.number === data.municipalityNumber);
  const others = data.units.filter((u) => data.peerNumbers.includes(u.number) && u.number !== own?.number && u.value !== null);
  const values = others.map((u) => u.value as number);
  const group =
    values.length < MIN_PEERS_FOR_STATISTICS
      ? { hidden: true as const, n: values.length }
      : own?.value == null
        ? { count: 0, n: values.length, median: median(values) ?? 0 }
        : (standingIn(own.value, values, indicator?.direction ?? "neutral") ?? { hidden: true as const, n: values.length });
  const sentence =
    own && indicator ? describeFigure({ value: own.value, direction: indicator.direction, dimension: indicator.dimension, group }) : null;
  const picker = props.indicatorCode ? null : (
    <Field>
      <Label htmlFor="map-indicator">{t("map.indicator")}</Label>
      <Select id="map-indicator" width="auto" value={code} onChange={(e) => choose(e.target.value)}>
        {INDICATORS.map((i) => (
          <Select.Option key={i.code} value={i.code}>
            {localized(i.name, language)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
  return (
    <ChoroplethMap
      id="map"
      indicatorCode={data.indicatorCode}
      year={data.year}
      units={data.units}
      counties={data.counties}
      ownNumber={data.municipalityNumber}
      peerNumbers={data.peerNumbers}
      {...(data.peerGroup ? { peerGroupName: peerGroupName(t, data.peerGroup) } : {})}
      hrefOf={hrefOf}
      onOpen={onOpen}
      demo={data.isDemo}
      controls={picker}
      aside={
        sentence &&
        own && (
          <section aria-labelledby="map-sentence-heading">
            <Heading level={3} data-size="2xs" id="map-sentence-heading">
              {t("figure.heading")}
            </Heading>
            <FigureSentenceText sentence={sentence} name={own.name} indicatorCode={data.indicatorCode} year={data.year} />
          </section>
        )
      }
    />
  );
}
