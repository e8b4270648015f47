/**
 * The village map, drawn at build time: TopoJSON → GeoJSON (topojson-client) → SVG paths
 * (d3-geo), so no map JavaScript runs in the browser; and the rate per 1,000 residents each
 * village is coloured by, computed once here for the dataset model. Pure: data in, paths and
 * numbers out.
 */
import { geoArea, geoCentroid, geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';

export interface MapShape {
  code: string;
  /** SVG path data in the map's viewBox. */
  d: string;
  /** Label anchor. */
  x: number;
  y: number;
}

export interface MapGeometry {
  width: number;
  height: number;
  shapes: MapShape[];
}

/**
 * d3-geo works on the sphere: an exterior ring must run clockwise, or d3 takes the polygon
 * to be the whole globe minus the shape. GeoJSON (RFC 7946) says counter-clockwise. Accept
 * either: a polygon covering more than a hemisphere is reversed.
 */
export function normaliseWinding<T extends Feature<Geometry>>(f: T): T {
  if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') return f;
  if (geoArea(f) <= 2 * Math.PI) return f;
  const reverse = (rings: Position[][]) => rings.map((r) => [...r].reverse());
  const geometry: Polygon | MultiPolygon =
    f.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: reverse(f.geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(reverse) };
  return { ...f, geometry };
}

export function villageFeatures(topology: unknown): Array<Feature<Geometry, { code: string }>> {
  const topo = topology as Topology<{ villages: GeometryCollection<{ code: string }> }>;
  const fc = feature(topo, topo.objects.villages) as FeatureCollection<Geometry, { code: string }>;
  return fc.features.map((f) => normaliseWinding(f));
}

/** Projects the shapes to fit `width` (height follows the shape of the town). */
export function projectVillages(topology: unknown, width = 640): MapGeometry {
  const features = villageFeatures(topology);
  const collection: FeatureCollection<Geometry, { code: string }> = { type: 'FeatureCollection', features };
  const projection = geoMercator().fitWidth(width, collection);
  const path = geoPath(projection);
  const [[, y0], [, y1]] = path.bounds(collection);
  const height = Math.ceil(y1 - Math.min(0, y0)) + 2;
  const round = (s: string) => s.replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
  return {
    width,
    height,
    shapes: features.map((f) => {
      const [x, y] = projection(geoCentroid(f)) ?? [0, 0];
      return { code: String(f.properties.code), d: round(path(f) ?? ''), x: Math.round(x), y: Math.round(y) };
    }),
  };
}

export interface LegendStep {
  from: number;
  to: number;
  /** 1-based class index, styled by CSS tokens (.choro-1 … .choro-5). */
  step: number;
}

/** Equal-interval classes from 0 to the maximum, at most `classes` of them. */
export function legendSteps(values: readonly number[], classes = 5): LegendStep[] {
  const max = Math.max(0, ...values);
  if (max === 0) return [{ from: 0, to: 0, step: 1 }];
  const width = max / classes;
  return Array.from({ length: classes }, (_, i) => ({ from: round1(i * width), to: round1((i + 1) * width), step: i + 1 }));
}

export function stepOf(value: number, steps: readonly LegendStep[]): number {
  return steps.find((s) => value <= s.to)?.step ?? steps.length;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** One village on the map: its count, its residents and the rate per 1,000 of them. */
export interface VillageRate {
  code: string;
  name: string;
  /** 户籍人口 */
  population: number;
  /** The published count (undefined when the dataset has no row for the village). */
  cell?: { value: number | null; suppressed: boolean; text: string };
  /** 每千人, one decimal; undefined when the count is hidden or there are no residents. */
  rate?: number;
  /** Legend class of `rate` (1-based). */
  step?: number;
}

/** What the village map draws: a rate and legend class per village, and the legend. */
export interface MapRates {
  /** In the villages' order (the map's table). */
  villages: VillageRate[];
  byCode: ReadonlyMap<string, VillageRate>;
  steps: LegendStep[];
}

/** Per 1,000 residents, one decimal: the unit of the map (a count alone favours large villages). */
export function perThousand(count: number, population: number): number {
  return Math.round((count / population) * 10000) / 10;
}

/** The rates of `values` (count per village code), computed once for the map and its table. */
export function villageRates(
  values: ReadonlyMap<string, NonNullable<VillageRate['cell']>>,
  villages: ReadonlyArray<{ code: string; name: string; population: number }>,
): MapRates {
  const rows: VillageRate[] = villages.map((v) => {
    const cell = values.get(v.code);
    const rate = cell && cell.value !== null && v.population > 0 ? perThousand(cell.value, v.population) : undefined;
    return { code: v.code, name: v.name, population: v.population, cell, rate };
  });
  const steps = legendSteps(rows.map((r) => r.rate).filter((x): x is number => x !== undefined));
  for (const r of rows) if (r.rate !== undefined) r.step = stepOf(r.rate, steps);
  return { villages: rows, byCode: new Map(rows.map((r) => [r.code, r])), steps };
}
