/**
 * The outlines of the regions for the console's needs-gaps map (apps/console/src/ui/regions-map.data.ts), from
 * the DAGI region boundaries (Geodatastyrelsen, 1:500 000) as TopoJSON; see README.md for the source and its terms.
 *
 *   npx tsx tools/console-map/generate.ts /tmp/regioner.topojson
 *
 * The TopoJSON keeps each border once, as an arc shared by the two regions on either side: the arcs are
 * simplified (Douglas–Peucker) once, so neighbours still meet after simplification. Regions without an outline of
 * their own in DAGI (Region Østdanmark from 2027) get the union of the regions whose municipalities they take over
 * (libs/domain's memberships decide which), drawn without the borders inside it. Bornholm is moved into an inset
 * box in the empty sea north-east of Zealand, as Danish maps usually draw it.
 */
import {
  addDays,
  municipalitiesOfRegion,
  regionOfMunicipality,
  REGIONS,
  type Region,
} from '@platform/domain';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Topology {
  type: 'Topology';
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<
    string,
    { geometries: { type: 'Polygon'; properties: { REGIONKODE: string }; arcs: number[][] }[] }
  >;
}

type Point = [number, number];

/** Map units: 1000 across Denmark without Bornholm; whole units are ~0.3 km, finer than the simplification. */
const WIDTH = 1000;
/** Douglas–Peucker tolerance in map units (about 0.5 km). */
const TOLERANCE = 1.6;
/** Islands smaller than this (map units², about 0.8 km²) are left out: invisible at the console's size. */
const MIN_AREA = 10;
/** Longitude east of which land is Bornholm (and Ertholmene), drawn in the inset. */
const BORNHOLM_EAST_OF = 14;
/** Where Bornholm goes: moved by this much (degrees) to the empty Kattegat north-east of Zealand. */
const BORNHOLM_SHIFT: Point = [-2.45, 2.25];
const LAT0 = 56;
const OUT = join(__dirname, '..', '..', 'apps', 'console', 'src', 'ui', 'regions-map.data.ts');

function decodeArcs(topology: Topology): Point[][] {
  const { scale, translate } = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx!;
      y += dy!;
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]] as Point;
    });
  });
}

/** Equirectangular at 56°N (distortion is small across Denmark); Bornholm shifted into its inset. */
function projector(arcs: Point[][]) {
  const kx = Math.cos((LAT0 * Math.PI) / 180);
  const mainland = arcs.flat().filter(([lon]) => lon < BORNHOLM_EAST_OF);
  const minLon = Math.min(...mainland.map((p) => p[0]));
  const maxLon = Math.max(...mainland.map((p) => p[0]));
  const maxLat = Math.max(...mainland.map((p) => p[1]));
  const k = WIDTH / ((maxLon - minLon) * kx);
  const project = ([lon, lat]: Point): Point => [(lon - minLon) * kx * k, (maxLat - lat) * k];
  const isBornholm = (arc: Point[]) => arc[0]![0] > BORNHOLM_EAST_OF;
  const place = (arc: Point[]): Point[] =>
    arc.map(([lon, lat]) =>
      project(isBornholm(arc) ? [lon + BORNHOLM_SHIFT[0], lat + BORNHOLM_SHIFT[1]] : [lon, lat]),
    );
  return { place, isBornholm };
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function douglasPeucker(points: Point[]): Point[] {
  if (points.length <= 2) return points;
  let worst = 0;
  let at = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = distanceToSegment(points[i]!, points[0]!, points[points.length - 1]!);
    if (d > worst) [worst, at] = [d, i];
  }
  if (worst <= TOLERANCE) return [points[0]!, points[points.length - 1]!];
  return [...douglasPeucker(points.slice(0, at + 1)).slice(0, -1), ...douglasPeucker(points.slice(at))];
}

/** Keeps both ends (where an arc meets other arcs); a closed arc (an island) is split at its far point first. */
function simplifyArc(points: Point[]): Point[] {
  const [first, last] = [points[0]!, points[points.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) return douglasPeucker(points);
  let far = 0;
  points.forEach((p, i) => {
    if (
      Math.hypot(p[0] - first[0], p[1] - first[1]) >
      Math.hypot(points[far]![0] - first[0], points[far]![1] - first[1])
    )
      far = i;
  });
  return [...douglasPeucker(points.slice(0, far + 1)).slice(0, -1), ...douglasPeucker(points.slice(far))];
}

/** A ring from its arcs (a negative index is arc ~i reversed), each arc's first point dropped but the first's. */
function ring(arcIndexes: number[], arcs: Point[][]): Point[] {
  const points: Point[] = [];
  for (const index of arcIndexes) {
    const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

function area(points: Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [a, b] = [points[i]!, points[(i + 1) % points.length]!];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

function centroid(points: Point[]): Point {
  let [cx, cy] = [0, 0];
  for (let i = 0; i < points.length; i++) {
    const [a, b] = [points[i]!, points[(i + 1) % points.length]!];
    const cross = a[0] * b[1] - b[0] * a[1];
    cx += (a[0] + b[0]) * cross;
    cy += (a[1] + b[1]) * cross;
  }
  const a6 = 6 * area(points);
  return [cx / a6, cy / a6];
}

/** Relative path commands in whole map units: the smallest text for an SVG path. */
function pathData(rings: Point[][]): string {
  return rings
    .map((points) => {
      const whole = points.map(([x, y]) => [Math.round(x), Math.round(y)] as Point);
      const deduplicated = whole.filter(
        (p, i) => i === 0 || p[0] !== whole[i - 1]![0] || p[1] !== whole[i - 1]![1],
      );
      const [start, ...rest] = deduplicated;
      let previous = start!;
      const steps = rest.map((p) => {
        const step = `${p[0] - previous[0]} ${p[1] - previous[1]}`;
        previous = p;
        return step;
      });
      return `M${start![0]} ${start![1]}l${steps.join(' ')}z`.replace(/ -/g, '-');
    })
    .join('');
}

/**
 * The union of several regions' polygons: arcs used by two of them (once each way) are inner borders and go;
 * the rest are chained end to start into the outer rings.
 */
type Endpoints = (index: number) => [string, string];

function union(polygons: number[][][], endpoints: Endpoints): number[][] {
  const uses = new Map<number, number>();
  const all = polygons.flat(2);
  for (const index of all)
    uses.set(index < 0 ? ~index : index, (uses.get(index < 0 ? ~index : index) ?? 0) + 1);
  const outer = all.filter((index) => uses.get(index < 0 ? ~index : index) === 1);
  return outer.length ? chain(outer, endpoints) : [];
}

/** Directed arcs into closed rings: each arc is followed by the one that starts where it ends. */
function chain(arcIndexes: number[], endpoints: Endpoints): number[][] {
  const byStart = new Map<string, number[]>();
  for (const index of arcIndexes) {
    const [start] = endpoints(index);
    byStart.set(start, [...(byStart.get(start) ?? []), index]);
  }
  const rings: number[][] = [];
  const left = new Set(arcIndexes);
  for (const first of arcIndexes) {
    if (!left.has(first)) continue;
    const current = [first];
    left.delete(first);
    let end = endpoints(first)[1];
    while (end !== endpoints(first)[0]) {
      const next = byStart.get(end)?.find((i) => left.has(i));
      if (next === undefined) throw new Error(`the union does not close at ${end}`);
      current.push(next);
      left.delete(next);
      end = endpoints(next)[1];
    }
    rings.push(current);
  }
  return rings;
}

/** The regions a region without an outline took its municipalities from, on the day before it began. */
function predecessors(region: Region): string[] {
  const before = addDays(region.validFrom, -1);
  const codes = municipalitiesOfRegion(region.code, region.validFrom).map(
    (m) => regionOfMunicipality(m.code, before).code,
  );
  return [...new Set(codes)].sort();
}

function main(source: string) {
  const topology = JSON.parse(readFileSync(source, 'utf8')) as Topology;
  const geographic = decodeArcs(topology);
  const { place, isBornholm } = projector(geographic);
  const projected = geographic.map(place);
  const endpoints: Endpoints = (index) => {
    const arc = projected[index < 0 ? ~index : index]!;
    const key = (p: Point) => `${p[0].toFixed(4)},${p[1].toFixed(4)}`;
    const [a, b] = [key(arc[0]!), key(arc[arc.length - 1]!)];
    return index < 0 ? [b, a] : [a, b];
  };
  const simplified = projected.map(simplifyArc);
  const polygonsOf = new Map<string, number[][][]>();
  for (const geometry of Object.values(topology.objects)[0]!.geometries) {
    const code = geometry.properties.REGIONKODE;
    polygonsOf.set(code, [...(polygonsOf.get(code) ?? []), geometry.arcs]);
  }

  const shapes = REGIONS.map((region) => {
    const own = polygonsOf.get(region.code);
    const from = own ? [] : predecessors(region);
    const polygons = own ?? [
      union(
        from.flatMap((code) => polygonsOf.get(code) ?? []),
        endpoints,
      ),
    ];
    if (!own && from.some((code) => !polygonsOf.has(code)))
      throw new Error(`${region.code}: no outline for ${from.join(', ')}`);
    const rings = polygons
      .flatMap((rs) => rs.map((r) => ring(r, simplified)))
      .filter((r) => r.length >= 4 && Math.abs(area(r)) >= MIN_AREA);
    const largest = rings.reduce((a, b) => (Math.abs(area(b)) > Math.abs(area(a)) ? b : a));
    const [lx, ly] = centroid(largest);
    return {
      code: region.code,
      name: region.name.replace(/^Region /, ''),
      validFrom: region.validFrom,
      ...(region.validTo ? { validTo: region.validTo } : {}),
      ...(from.length ? { unionOf: from } : {}),
      label: [Math.round(lx), Math.round(ly)],
      d: pathData(rings),
    };
  });

  const bornholm = projected.filter((_, i) => isBornholm(geographic[i]!)).flat();
  const xs = bornholm.map((p) => p[0]);
  const ys = bornholm.map((p) => p[1]);
  const pad = 12;
  const inset = {
    x: Math.round(Math.min(...xs) - pad),
    y: Math.round(Math.min(...ys) - pad),
    width: Math.round(Math.max(...xs) - Math.min(...xs) + 2 * pad),
    height: Math.round(Math.max(...ys) - Math.min(...ys) + 2 * pad),
  };
  const all = projected.flat();
  const viewBox = [
    0,
    0,
    Math.ceil(Math.max(...all.map((p) => p[0]))),
    Math.ceil(Math.max(...all.map((p) => p[1]))),
  ];

  const text = `/**
 * Generated by tools/console-map/generate.ts (do not edit: run it) from DAGI 1:500 000, the region division
 * (Geodatastyrelsen, now Klimadatastyrelsen; free geographic data, CC BY 4.0: "Indeholder data fra
 * Geodatastyrelsen, DAGI"), as Neogeografen/dagi topojson/regioner.topojson holds it; see its README.md.
 * Simplified outlines in map units (equirectangular at ${LAT0}°N); Bornholm drawn in the inset box.
 */
export interface RegionShape {
  code: string;
  name: string;
  validFrom: string;
  validTo?: string;
  /** A region without a DAGI outline of its own: drawn as the union of these. */
  unionOf?: string[];
  /** Where its label goes (inside its largest piece of land). */
  label: [number, number];
  d: string;
}

export const MAP_VIEW_BOX = '${viewBox.join(' ')}';

export const BORNHOLM_INSET = ${JSON.stringify(inset)};

export const REGION_SHAPES: RegionShape[] = ${JSON.stringify(shapes, null, 2)};
`;
  writeFileSync(OUT, text);
  console.log(`${OUT}: ${(text.length / 1024).toFixed(1)} KiB, ${shapes.length} regions`);
}

main(process.argv[2] ?? '/tmp/regioner.topojson');
