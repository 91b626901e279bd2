/** Every migration of the ledger, in order; the same set for SQLite and PostgreSQL. */
import type { Migration, MigrationProvider } from 'kysely';
import * as createLedger from './001-create-ledger';
import * as calendarRevisions from './002-calendar-revisions';
import * as readsAtScale from './003-reads-at-scale';
import * as claimLimitsAndDecisions from './004-claim-limits-and-decisions';
import * as caseCalendar from './005-case-calendar';
import * as metricsByDepartment from './006-metrics-by-department';
import * as calendarRevisionSource from './007-calendar-revision-source';
import * as watermarks from './008-watermarks';
import * as flowVersions from './009-flow-versions';
import * as stepClock from './010-step-clock';
import * as open311ServiceCodes from './011-open311-service-codes';
import * as stepEnglishTitle from './015-step-english-title';

const MIGRATIONS: Record<string, Migration> = {
  '001-create-ledger': createLedger,
  '002-calendar-revisions': calendarRevisions,
  '003-reads-at-scale': readsAtScale,
  '004-claim-limits-and-decisions': claimLimitsAndDecisions,
  '005-case-calendar': caseCalendar,
  '006-metrics-by-department': metricsByDepartment,
  '007-calendar-revision-source': calendarRevisionSource,
  '008-watermarks': watermarks,
  '009-flow-versions': flowVersions,
  '010-step-clock': stepClock,
  '011-open311-service-codes': open311ServiceCodes,
  '015-step-english-title': stepEnglishTitle,
};

/** Kysely's migrator reads the migrations from here (no file-system scan: they are bundled code). */
export const ledgerMigrations: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
