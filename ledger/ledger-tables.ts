/**
 * The ledger's tables as Kysely sees them. Instants are epoch milliseconds (bigint), flags are 0/1 integers and
 * structured values JSON text, so that one set of queries serves SQLite and PostgreSQL alike.
 */

/** One row per case: the newest snapshot's columns, for search, supervision and metrics. */
export interface CasesTable {
  case_id: string;
  /** Sequence number of the newest event the row reflects. */
  snapshot_seq: number;
  flow_id: string;
  flow_version: number;
  region: string;
  timezone: string;
  status: string;
  stage: string;
  priority: string;
  emergency_level: number;
  opened_at: number;
  closed_at: number | null;
  resolved_at: number | null;
  last_progress_at: number;
  due_at: number | null;
  /** The soonest deadline among running steps and the open case; null when none. */
  next_due_at: number | null;
  /** From this instant on the case counts as overdue if nothing changes; 0 always, null never. */
  overdue_from: number | null;
  /** From this instant on a step of the case is overdue for claiming (签收时限) if nothing changes; null never. */
  claim_overdue_from: number | null;
  /** 1 while a rework past its `max` waits for a supervisor's decision. */
  awaiting_decision: number;
  /** Departments holding a running step, JSON array. */
  waiting_on: string;
  /** When the case counts as 应结案 (docs/metrics.md), and that instant's local day/week/month/quarter. */
  reckon_at: number | null;
  reckon_day: string | null;
  reckon_week: string | null;
  reckon_month: string | null;
  reckon_quarter: string | null;
  closed: number;
  on_time: number;
  suspended: number;
  reworks: number;
  extensions: number;
  satisfaction: string | null;
  handling_working_ms: number | null;
  /**
   * The case's region chain, root first, each code between spaces (` 440100 440106 440106001 `; directory codes
   * hold no whitespace): the metrics' region-subtree filter is a substring test on the row instead of a probe.
   */
  region_path: string | null;
  /** The whole snapshot (LedgerSnapshot), JSON. */
  snapshot: string;
  /**
   * The case's pinned calendar (WorkingCalendar, JSON) as the workflow last sent it; null until a write carries one
   * (a case running since before writes carried it, until its next write).
   */
  calendar: string | null;
  written_at: number;
}

/** Every timeline event of every case, keyed by (case_id, seq). */
export interface EventsTable {
  case_id: string;
  seq: number;
  at: number;
  type: string;
  step_id: string | null;
  actor_sub: string;
  actor_role: string;
  actor_dept: string | null;
  detail: string;
  round: number | null;
  department: string | null;
  deadline_at: number | null;
}

/** One row per step of a case, as of the newest snapshot. */
export interface StepsTable {
  case_id: string;
  step_id: string;
  title: string;
  /** The flow's English title of the step; null without one (or for rows written before migration 015). */
  title_en: string | null;
  stage: string;
  kind: string;
  status: string;
  round: number;
  department: string | null;
  due_at: number | null;
  /** The clock `due_at` runs on (`working` or `calendar`); null for rows written before migration 010. */
  due_clock: string | null;
  /** `due_at`, or a far future for steps without one: the inbox's sort key. */
  sort_due_at: number;
  overdue_from: number | null;
  /** The claim limit (签收时限) of the round, when it has one. */
  claim_due_at: number | null;
  /** From when the step is overdue for claiming (unclaimed past its claim limit); null never. */
  claim_overdue_from: number | null;
}

/** Every department that has held one of the case's steps, ever (so it keeps seeing the case). */
export interface CaseDepartmentsTable {
  case_id: string;
  department: string;
}

/** The case's region and each of its ancestors; depth 0 is the root (the city). */
export interface CaseRegionsTable {
  case_id: string;
  region: string;
  depth: number;
}

/**
 * The metric columns of each case (as its row holds them now) on each department that has worked on it, so that
 * metrics by department read one narrow index instead of joining every case of the period to its departments.
 * Only cases that count somewhere (`reckon_day` set). Kept by the writer, in the same transaction as the case row.
 */
export interface DepartmentMetricsTable {
  case_id: string;
  department: string;
  reckon_day: string;
  reckon_week: string | null;
  reckon_month: string | null;
  reckon_quarter: string | null;
  region_path: string | null;
  flow_id: string;
  suspended: number;
  closed: number;
  on_time: number;
  reworks: number;
  extensions: number;
  satisfaction: string | null;
  handling_working_ms: number | null;
  overdue_from: number | null;
  claim_overdue_from: number | null;
}

/** Published revisions of working calendars (docs/calendar-revisions.md). */
export interface CalendarRevisionsTable {
  calendar: string;
  revision: number;
  /** sha256 of the content, hex. */
  digest: string;
  published_at: number;
  published_by: string;
  /** The WorkingCalendar as cases pin it (without its revision), JSON. */
  working_calendar: string;
  /** The calendar file's content as published (rules not expanded), JSON; null for revisions published before it was kept. */
  source: string | null;
}

/** Named instants a ledger process has read up to (the closure reconciler's watermark on CloseTime). */
export interface WatermarksTable {
  name: string;
  at: number;
}

/** Flow versions published through the API (docs/flow-language.md), immutable once stored. */
export interface FlowVersionsTable {
  flow_id: string;
  version: number;
  /** sha256 of the flow document's content (canonical JSON of what the source says), hex. */
  digest: string;
  /** How `source` is written: 'yaml' or 'json'. */
  format: string;
  /** The flow's text as the designer sent it. */
  source: string;
  published_at: number;
  published_by: string;
}

/** The Open311 service code each flow published through the API claimed, one flow per code. */
export interface Open311ServiceCodesTable {
  service_code: string;
  flow_id: string;
  /** Epoch ms of the publication that claimed it. */
  claimed_at: number;
}

export interface LedgerTables {
  ledger_cases: CasesTable;
  ledger_events: EventsTable;
  ledger_steps: StepsTable;
  ledger_case_departments: CaseDepartmentsTable;
  ledger_case_regions: CaseRegionsTable;
  ledger_department_metrics: DepartmentMetricsTable;
  calendar_revisions: CalendarRevisionsTable;
  ledger_watermarks: WatermarksTable;
  flow_versions: FlowVersionsTable;
  open311_service_codes: Open311ServiceCodesTable;
}
