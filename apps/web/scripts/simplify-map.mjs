// Makes the map's geometry (issue 24) from Kartverket's outlines of the 2024 division (CC BY 4.0, through
// robhop/fylker-og-kommuner): run once, the result is committed as src/features/map/norway.topo.json.
//
//   node apps/web/scripts/simplify-map.mjs <kommuner-2024-s.topojson> <fylker-2024-s.topojson> [share of points kept, 0.3]
//
// Small islands go (every municipality keeps its largest piece), the lines are simplified on the sphere,
// coordinates are quantized, and the counties are built from the municipalities' own arcs (topojson's
// mergeArcs), so county borders lie exactly on municipality borders and cost no coordinates. The county
// file gives the counties' numbers and names and is checked against the municipalities' first two digits.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { geoArea } from "d3-geo";
import { feature, mergeArcs, quantize } from "topojson-client";
import { filter, presimplify, quantile, simplify } from "topojson-simplify";

const [kommunerPath, fylkerPath, keep = "0.3"] = process.argv.slice(2);
if (!kommunerPath || !fylkerPath) {
  console.error("usage: node apps/web/scripts/simplify-map.mjs <kommuner.topojson> <fylker.topojson>");
  process.exit(2);
}
const OUT = join(dirname(fileURLToPath(import.meta.url)), "../src/features/map/norway.topo.json");
/** Pieces smaller than this share of the sphere (about 4 km²) are left out, unless a municipality's largest. */
const MIN_PIECE = 4 / 510e6;
/** The share of points kept by weight (the optional third argument); the rest are dropped. */
const KEEP = Number(keep);
const QUANTIZE = 1e4;

const source = JSON.parse(readFileSync(kommunerPath, "utf8"));
const counties = JSON.parse(readFileSync(fylkerPath, "utf8"));
const municipalities = source.objects.Kommuner;

// 1. Rings clockwise, as d3-geo reads them on the sphere (the file follows RFC 7946: counter-clockwise).
rewind(source, municipalities);

// 2. Keep each municipality's largest piece and every piece bigger than MIN_PIECE.
for (const geometry of municipalities.geometries) {
  if (geometry.type !== "MultiPolygon") continue;
  const areas = geometry.arcs.map((polygon) => geoArea(feature(source, { type: "Polygon", arcs: polygon })));
  const largest = areas.indexOf(Math.max(...areas));
  geometry.arcs = geometry.arcs.filter((_, i) => i === largest || areas[i] >= MIN_PIECE);
}
delete source.objects.Kommuner;
source.objects.kommuner = municipalities;
const pruned = filter(source, () => true);

// 3. Simplify by spherical triangle area. Presimplify keeps every arc's ends; a middle point of each arc
// (two of an arc that closes on itself) is kept too, so that no ring, however small, falls to a line.
const weighted = presimplify(pruned);
for (const arc of weighted.arcs) {
  const closed = arc.length > 3 && arc[0][0] === arc.at(-1)[0] && arc[0][1] === arc.at(-1)[1];
  const keep = closed ? [Math.floor(arc.length / 3), Math.floor((2 * arc.length) / 3)] : arc.length > 2 ? [Math.floor(arc.length / 2)] : [];
  for (const i of keep) arc[i][2] = Infinity;
}
const simplified = simplify(weighted, quantile(weighted, KEEP));
const topology = quantize(simplified, QUANTIZE);
// A small ring may turn over as it is simplified: wind it again.
rewind(topology, topology.objects.kommuner);

// 4. Properties: number and name only.
topology.objects.kommuner.geometries = topology.objects.kommuner.geometries.map((g) => ({
  type: g.type,
  arcs: g.arcs,
  properties: { number: g.properties.kommunenummer, name: g.properties.kommunenavn },
}));

// 5. Counties from the municipalities' arcs, named by the county file.
const countyNames = new Map(counties.objects.Fylker.geometries.map((g) => [g.properties.fylkesnummer, g.properties.fylkesnavn]));
const byCounty = new Map();
for (const g of topology.objects.kommuner.geometries) {
  const county = g.properties.number.slice(0, 2);
  if (!countyNames.has(county)) throw new Error(`municipality ${g.properties.number} is in no county of the county file`);
  byCounty.set(county, [...(byCounty.get(county) ?? []), g]);
}
if (byCounty.size !== countyNames.size)
  throw new Error(`${byCounty.size} counties have municipalities, the county file has ${countyNames.size}`);
topology.objects.fylker = {
  type: "GeometryCollection",
  geometries: [...byCounty].map(([number, members]) => ({
    ...mergeArcs(topology, members),
    properties: { number, name: countyNames.get(number) },
  })),
};
delete topology.bbox;

// No municipality may fall to nothing: each keeps an area, in km², near its own.
const RADIUS_KM = 6371;
for (const f of feature(topology, topology.objects.kommuner).features) {
  const area = geoArea(f) * RADIUS_KM ** 2;
  if (!(area > 0.5 && area < 30_000)) throw new Error(`${f.properties.number} ${f.properties.name}: ${area} km²`);
}

const text = JSON.stringify(topology);
writeFileSync(OUT, text);
const count = topology.objects.kommuner.geometries.length;
console.log(
  `${count} municipalities, ${byCounty.size} counties: ${(text.length / 1024).toFixed(1)} kB, ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(1)} kB gzip`,
);

/** Each arc's points in longitude and latitude (decoded, should the source be quantized). */
function decodeArcs(topology) {
  if (!topology.transform) return topology.arcs;
  const [kx, ky] = topology.transform.scale;
  const [dx, dy] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([px, py]) => {
      x += px;
      y += py;
      return [x * kx + dx, y * ky + dy];
    });
  });
}

/** Exterior rings clockwise, holes counter-clockwise (in longitude and latitude, near enough for Norway). */
function rewind(topology, collection) {
  const arcPoints = decodeArcs(topology);
  // A ring's points from its arcs (~i: arc i backwards).
  const ringPoints = (ring) => ring.flatMap((index) => (index >= 0 ? arcPoints[index] : [...arcPoints[~index]].reverse()));
  for (const geometry of collection.geometries) {
    const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs;
    for (const polygon of polygons)
      polygon.forEach((ring, i) => {
        const clockwise = signedArea(ringPoints(ring)) < 0;
        if (clockwise === i > 0) polygon[i] = ring.map((arc) => ~arc).reverse();
      });
  }
}

/** Twice the ring's area in the plane of longitude and latitude: positive when counter-clockwise. */
function signedArea(points) {
  let sum = 0;
  for (let i = 0; i < points.length - 1; i++) sum += points[i][0] * points[i + 1][1] - points[i + 1][0] * points[i][1];
  return sum;
}
