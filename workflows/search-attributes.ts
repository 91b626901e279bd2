/**
 * Search attributes a case keeps current for supervision queries. Within the SQLite visibility limits (10 Keyword,
 * 3 each of Bool, Datetime, Int, KeywordList …) and free of personal data: codes, ids, stages and times only.
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
  /** Departments with an active or claimed step. */
  waitingOn: defineSearchAttributeKey('FcWaitingOn', 'KEYWORD_LIST'),
  /** Departments that have ever been assigned a step (for a department's view of its cases). */
  departments: defineSearchAttributeKey('FcDepartments', 'KEYWORD_LIST'),
  nextDueAt: defineSearchAttributeKey('FcNextDueAt', 'DATETIME'),
  lastProgressAt: defineSearchAttributeKey('FcLastProgressAt', 'DATETIME'),
  overdue: defineSearchAttributeKey('FcOverdue', 'BOOL'),
  incident: defineSearchAttributeKey('FcIncident', 'BOOL'),
  emergencyLevel: defineSearchAttributeKey('FcEmergencyLevel', 'INT'),
  /** The version of its flow the case runs (changes when it is migrated), to select cases to migrate. */
  flowVersion: defineSearchAttributeKey('FcFlowVersion', 'INT'),
} as const;

/** Every key, for registering them with a namespace. */
export const ALL_CASE_SEARCH_ATTRIBUTE_KEYS = Object.values(CASE_SEARCH_ATTRIBUTES);
