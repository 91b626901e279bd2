/**
 * Indexes for the supervision reads at scale (docs/ledger.md, "Scale"): the inbox walks its department's running
 * steps in deadline order and stops after a page, instead of sorting every running step of the department; the
 * metrics read a month's cases from one narrow index that holds every column they count, instead of fetching
 * each case's wide row (its snapshot JSON makes a row several kilobytes).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Partial: only running steps (a small share of all steps), in the inbox's order. The readers name the same
  // statuses as literals (running-steps.ts), so that SQLite, which cannot see through bound parameters, uses it.
  await db.schema
    .createIndex('ledger_steps_running_inbox')
    .on('ledger_steps')
    .columns(['department', 'sort_due_at', 'case_id', 'step_id'])
    .where(sql<boolean>`status in ('active', 'claimed')`)
    .execute();

  // Covering: every column caseMetrics filters, groups or counts on, after the day it ranges over. It replaces
  // the plain day index of the first migration.
  await db.schema
    .createIndex('ledger_cases_metrics')
    .on('ledger_cases')
    .columns([...METRICS_COLUMNS])
    .execute();
  await db.schema.dropIndex('ledger_cases_reckon_day').execute();
}

/** The covering index's columns (frozen here: a later change to the readers adds a migration). */
const METRICS_COLUMNS = [
  'reckon_day',
  'suspended',
  'flow_id',
  'closed',
  'on_time',
  'reworks',
  'extensions',
  'satisfaction',
  'handling_working_ms',
  'overdue_from',
  'stage',
  'region',
  'reckon_week',
  'reckon_month',
  'reckon_quarter',
  'case_id',
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('ledger_cases_reckon_day').on('ledger_cases').column('reckon_day').execute();
  await db.schema.dropIndex('ledger_cases_metrics').execute();
  await db.schema.dropIndex('ledger_steps_running_inbox').execute();
}
