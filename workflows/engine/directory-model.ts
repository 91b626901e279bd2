/**
 * The directory of regions, departments and departmental systems (docs/api.md, "The directory").
 *
 * Loaded and validated by config/directory/; the entries a case needs are resolved at start and pinned into the
 * case as plain data, so a later directory change never alters a running case.
 */
import type { Level } from './flow-model';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  readonly parent?: string;
}

export interface Department {
  readonly id: string;
  readonly name: string;
  /** Code of the region the department serves. */
  readonly region: string;
  readonly roles: readonly string[];
  readonly notifyUrl?: string;
}

export interface DepartmentalSystem {
  readonly id: string;
  readonly url: string;
  /** Name of the environment variable holding the bearer token, resolved by the activity at call time. */
  readonly tokenEnv?: string;
}

/** An Open311 `jurisdiction_id` and the region it covers. */
export interface Jurisdiction {
  readonly id: string;
  readonly region: string;
  /** Where a request goes when no boundary contains its point (default: `region`). */
  readonly defaultRegion?: string;
  /** Language of GeoReport answers (default zh). */
  readonly language?: 'zh' | 'en';
}

/** The outline of a region, to locate a point (WGS84 `[longitude, latitude]` pairs, one ring). */
export interface RegionBoundary {
  readonly region: string;
  readonly polygon: readonly (readonly [number, number])[];
}

export interface Directory {
  readonly regions: readonly Region[];
  readonly departments: readonly Department[];
  readonly systems: readonly DepartmentalSystem[];
  /** Open311 jurisdictions (read by the API only; cases never pin them). */
  readonly jurisdictions?: readonly Jurisdiction[];
  readonly boundaries?: readonly RegionBoundary[];
}
