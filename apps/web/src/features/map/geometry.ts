import { geoTransverseMercator, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

// Kartverket's outlines of the 2024 division (CC BY 4.0), simplified once by scripts/simplify-map.mjs
// (docs/map.md). This module, the outlines and d3-geo load only with the map: its own chunk.
import norway from "./norway.topo.json";

export interface UnitProperties {
  readonly number: string;
  readonly name: string;
}

export type UnitFeature = Feature<Polygon | MultiPolygon, UnitProperties>;

interface Objects {
  readonly kommuner: GeometryCollection<UnitProperties>;
  readonly fylker: GeometryCollection<UnitProperties>;
  [key: string]: GeometryCollection<UnitProperties>;
}

const topology = norway as unknown as Topology<Objects>;

export const MUNICIPALITIES = (feature(topology, topology.objects.kommuner) as FeatureCollection<Polygon | MultiPolygon, UnitProperties>)
  .features as UnitFeature[];
export const COUNTIES = (feature(topology, topology.objects.fylker) as FeatureCollection<Polygon | MultiPolygon, UnitProperties>)
  .features as UnitFeature[];

/** The lines between two counties, drawn over the municipality borders. */
export const COUNTY_BORDERS: MultiLineString = mesh(topology, topology.objects.fylker, (a, b) => a !== b);
/** The coast and the borders with Sweden, Finland and Russia. */
export const OUTLINE: MultiLineString = mesh(topology, topology.objects.kommuner, (a, b) => a === b);

/**
 * Norway in a transverse Mercator centred on 15° E (as UTM zone 33, the projection Norway's national maps use),
 * fitted to `extent` (the whole country, or a county when zoomed to one).
 */
export function projectionFor(extent: readonly UnitFeature[], width: number, height: number, pad = 8): GeoProjection {
  const collection: FeatureCollection<Polygon | MultiPolygon> = { type: "FeatureCollection", features: [...extent] };
  return geoTransverseMercator()
    .rotate([-15, -65])
    .fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      collection,
    );
}
