/**
 * Where a GeoReport request is filed: the smallest region of the jurisdiction whose boundary (in the directory)
 * contains the request's point, else the jurisdiction's default region. A point on an edge counts as inside.
 */
import pointInPolygon from 'point-in-polygon-hao';
import type { Directory, Jurisdiction } from '../../workflows/engine/directory-model';
import { isWithinRegion } from '../../workflows/engine/directory';
import { LEVELS } from '../../workflows/engine/flow-model';

/** A WGS84 point. */
export interface GeoPoint {
  readonly lat: number;
  readonly long: number;
}

/** The region code a request at `point` (if any) is filed in. */
export function locateRegion(directory: Directory, jurisdiction: Jurisdiction, point?: GeoPoint): string {
  const fallback = jurisdiction.defaultRegion ?? jurisdiction.region;
  if (point === undefined) return fallback;
  const levels = new Map(directory.regions.map((region) => [region.code, LEVELS.indexOf(region.level)]));
  let best: { code: string; level: number } | undefined;
  for (const boundary of directory.boundaries ?? []) {
    const level = levels.get(boundary.region);
    if (level === undefined || (best !== undefined && level >= best.level)) continue;
    if (!isWithinRegion(directory, boundary.region, jurisdiction.region)) continue;
    const ring = boundary.polygon.map(([longitude, latitude]) => [longitude, latitude]);
    const [first] = ring;
    if (first !== undefined) ring.push(first);
    if (pointInPolygon([point.long, point.lat], [ring]) !== false) best = { code: boundary.region, level };
  }
  return best?.code ?? fallback;
}
