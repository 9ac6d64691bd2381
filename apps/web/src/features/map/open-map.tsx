import type { IndicatorCode } from "@malestokk/domain";
import { useCallback } from "react";
import { useNavigate } from "react-router";

import { QueryView } from "../../components/query-view";
import { useOpenMapFigures } from "./api";
import { ChoroplethMap } from "./choropleth-map";

const openHref = (number: string) => `/apne-data/kommune/${number}`;

/**
 * The map on the open pages (issues 23 and 24): every municipality's published figure of one indicator in one
 * published year (open.map, never a draft), for anyone. A click opens the municipality's open page;
 * `municipalityNumber` outlines one unit (its own open page). No peer group: the open pages have none.
 */
export function OpenIndicatorMap(props: { indicatorCode: IndicatorCode; year: number; municipalityNumber?: string }) {
  const navigate = useNavigate();
  const query = useOpenMapFigures({ indicatorCode: props.indicatorCode, year: props.year });
  const onOpen = useCallback((href: string) => void navigate(href), [navigate]);
  return (
    <QueryView query={query}>
      {({ year, isDemo, ...figures }) =>
        year === null ? null : (
          <ChoroplethMap
            id="map"
            {...figures}
            year={year}
            ownNumber={props.municipalityNumber ?? null}
            hrefOf={openHref}
            onOpen={onOpen}
            demo={isDemo}
          />
        )
      }
    </QueryView>
  );
}
