/**
 * The directory of regions, departments and departmental systems (../shared/design/api-contract.md).
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

export interface Directory {
  readonly regions: readonly Region[];
  readonly departments: readonly Department[];
  readonly systems: readonly DepartmentalSystem[];
}
