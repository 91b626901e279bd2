/**
 * How a new case is started (the API's gateway; the tests start cases the same way): the workflow's input pinned
 * to the start instant, the search attributes its first workflow task would otherwise upsert, and the engine's own
 * start of the case, whose view is what the case answers until its first action (the workflow starts the case at
 * the same instant with the same engine, so the API answers the created case's view without asking the workflow).
 */
import type { SearchAttributePair } from '@temporalio/common';
import { startSearchAttributes } from '../../workflows/case-search-attributes';
import { CURRENT_ENGINE_REVISION, startCase, type CaseState } from '../../workflows/engine/case';
import type { CaseInput } from '../../workflows/engine/case-input';
import type { CaseWorkflowInput, CaseWorkflowOptions } from '../../workflows/messages';

export interface CaseStart {
  readonly args: [CaseWorkflowInput];
  readonly typedSearchAttributes: SearchAttributePair[];
  /** The case as the engine starts it at `startedAt`. */
  readonly started: CaseState;
}

export function caseStart(input: CaseInput, startedAt: number, options?: CaseWorkflowOptions): CaseStart {
  const { state } = startCase(input, startedAt, CURRENT_ENGINE_REVISION);
  return {
    args: [{ kind: 'start', case: input, startedAt, ...(options ? { options } : {}) }],
    typedSearchAttributes: startSearchAttributes(state, startedAt),
    started: state,
  };
}
