/**
 * Search attributes a case keeps current for operators (Temporal's UI, `temporal workflow list`) and for the batches
 * that select cases (flow, version, region). Within the SQLite visibility limits (10 Keyword, 3 each of Bool,
 * Datetime, Int, KeywordList …) and free of personal data: codes, ids, stages and times only. From engine revision 5
 * a case keeps only what identifies it and its coarse position; the keys of PER_TRANSITION_SEARCH_ATTRIBUTE_KEYS stay
 * registered because cases started before still write them (docs/architecture.md, "Search attributes").
 */
import { defineSearchAttributeKey } from '@temporalio/common';

export const CASE_SEARCH_ATTRIBUTES = {
  flowId: defineSearchAttributeKey('FcFlowId', 'KEYWORD'),
  stage: defineSearchAttributeKey('FcStage', 'KEYWORD'),
  status: defineSearchAttributeKey('FcStatus', 'KEYWORD'),
  region: defineSearchAttributeKey('FcRegion', 'KEYWORD'),
  priority: defineSearchAttributeKey('FcPriority', 'KEYWORD'),
  /** The case's region and every ancestor, so a district finds its grids' cases. */
  regionPath: defineSearchAttributeKey('FcRegionPath', 'KEYWORD_LIST'),
  /** Departments with an active or claimed step (before engine revision 5). */
  waitingOn: defineSearchAttributeKey('FcWaitingOn', 'KEYWORD_LIST'),
  /** Departments that have ever been assigned a step (before engine revision 5). */
  departments: defineSearchAttributeKey('FcDepartments', 'KEYWORD_LIST'),
  /** The soonest deadline of a running step or the case (before engine revision 5). */
  nextDueAt: defineSearchAttributeKey('FcNextDueAt', 'DATETIME'),
  /** The last transition that moved the case (before engine revision 5). */
  lastProgressAt: defineSearchAttributeKey('FcLastProgressAt', 'DATETIME'),
  overdue: defineSearchAttributeKey('FcOverdue', 'BOOL'),
  incident: defineSearchAttributeKey('FcIncident', 'BOOL'),
  emergencyLevel: defineSearchAttributeKey('FcEmergencyLevel', 'INT'),
  /** The version of its flow the case runs (changes when it is migrated), to select cases to migrate. */
  flowVersion: defineSearchAttributeKey('FcFlowVersion', 'INT'),
} as const;

/**
 * The keys that move on nearly every transition: kept by cases before engine revision 5 only. For the others, the
 * case ledger answers who a case waits on, what is due and what stalled (inbox, supervision, search).
 */
export const PER_TRANSITION_SEARCH_ATTRIBUTE_KEYS = [
  CASE_SEARCH_ATTRIBUTES.waitingOn,
  CASE_SEARCH_ATTRIBUTES.departments,
  CASE_SEARCH_ATTRIBUTES.nextDueAt,
  CASE_SEARCH_ATTRIBUTES.lastProgressAt,
] as const;

/** Every key, for registering them with a namespace (the per-transition ones too: older cases write them). */
export const ALL_CASE_SEARCH_ATTRIBUTE_KEYS = Object.values(CASE_SEARCH_ATTRIBUTES);
