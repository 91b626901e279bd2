/**
 * The case ledger: every case, step and event in SQL (embedded SQLite, or PostgreSQL with DATABASE_URL), written
 * from the workflow's feed and read by the API for search, inboxes, supervision and metrics. docs/ledger.md.
 */
export {
  openLedger,
  ledgerMigrator,
  LedgerMigrationError,
  type Ledger,
  type LedgerEngine,
  type LedgerLocation,
  type LedgerUse,
} from './open-ledger';
export { createLedgerWriter, writeLedgerBatch, writeLedgerBatches } from './ledger-writer';
export { readCaseRecord, readCaseEvents, type CaseRecord } from './readers/case-record';
export { readCaseSnapshots } from './readers/case-snapshots';
export { caseViewOfRecord, isRecordOverdue, timelineOfEvents } from './readers/case-view-of-record';
export {
  searchCases,
  CASE_SORTS,
  type CaseSearch,
  type CaseSort,
  type CaseListing,
} from './readers/search-cases';
export { departmentInbox, type InboxRequest, type InboxTask } from './readers/department-inbox';
export {
  stalledCases,
  openCaseCounts,
  type StalledRequest,
  type StalledCase,
  type OpenCaseCounts,
} from './readers/stalled-cases';
export {
  caseMetrics,
  METRIC_GROUPS,
  type MetricGroup,
  type MetricsRequest,
  type MetricsRow,
} from './readers/case-metrics';
export { PERIODS, type Period } from './local-periods';
export {
  closureBatch,
  unrecordedClosureBatch,
  isRunningRecord,
  CLOSURE_SEQ,
  CLOSURE_EVENT_TYPES,
  type ClosureKind,
  type ExecutionClosure,
} from './closures/closure-batch';
export { readWatermark, advanceWatermark } from './closures/watermarks';
export { recordClosure, type ClosureRecording, type ClosureSource } from './closures/record-closure';
