/** Every activity the case worker registers, built over injected clients. */
import type { Registry } from 'prom-client';
import { createDepartmentActivities, type DepartmentActivities } from './department-activities';
import { createLedgerActivities, type LedgerActivities, type LedgerWriter } from './ledger-activities';
import { createMigrationActivities, type MigrationActivities } from './migration-activities';
import {
  createCalendarRevisionActivities,
  type CalendarRevisionActivities,
} from './calendar-revision-activities';

export type { LedgerWriter } from './ledger-activities';

export interface ActivityDependencies {
  /** Where departmental systems' `tokenEnv` names are looked up. */
  env: Readonly<Record<string, string | undefined>>;
  /** Defaults to Node's global fetch. */
  fetch?: typeof fetch;
  /** The case ledger the feed writes to (docs/ledger.md); without it batches are acknowledged unwritten. */
  ledger?: LedgerWriter;
  /** Registry for the ledger's lag metrics. */
  metricsRegistry?: Registry;
}

export type CaseActivities = DepartmentActivities &
  LedgerActivities &
  MigrationActivities &
  CalendarRevisionActivities;

/** Creates the activity implementations. */
export function createActivities(deps: ActivityDependencies): CaseActivities {
  return {
    ...createDepartmentActivities({ fetch: deps.fetch ?? fetch, env: deps.env }),
    ...createMigrationActivities(),
    ...createCalendarRevisionActivities(),
    ...createLedgerActivities({
      ...(deps.ledger === undefined ? {} : { ledger: deps.ledger }),
      ...(deps.metricsRegistry === undefined ? {} : { metricsRegistry: deps.metricsRegistry }),
    }),
  };
}
