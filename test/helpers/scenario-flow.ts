/**
 * Flows written for the tests. SCENARIO_FLOW: a small flow that has every exception the scenario tests exercise: a dispatch task, a handling task that allows
 * return and extension (calendar clock, so deadlines do not depend on the hour the tests run), a check with
 * rework, an emergency step, and a review window with 重办.
 */
export const SCENARIO_FLOW = `
id: test.scenarios
version: 1
title: { en: Scenario flow }
calendar: cn-mainland
data:
  address: { type: string, required: true }
steps:
  - id: dispatch
    stage: mobilization
    kind: task
    assignee: { role: shift-lead, level: district }
    form:
      note: { type: text }
  - id: handle
    stage: action
    kind: task
    after: [dispatch]
    assignee: { role: sanitation, level: district }
    sla: { within: 4h, clock: calendar }
    allow: [return, extension]
    form:
      done: { type: boolean, required: true }
  - id: check
    stage: supervision
    kind: task
    after: [handle]
    assignee: { role: inspector, level: grid }
    form:
      fixed: { type: boolean, required: true }
    rework: { when: '!result.fixed', goto: handle, max: 3 }
emergency:
  steps:
    - id: report-duty-office
      kind: task
      assignee: { role: duty-office, level: district }
      sla: { within: 2h, clock: calendar }
      form:
        reported: { type: boolean, required: true }
review:
  feedback: { within: 3d, clock: calendar }
  reworkOnUnsatisfied: handle
`;

export const SCENARIO_REGION = '440104001001001';
export const SCENARIO_DATA = { address: '越秀区北京路 1 号' };

/** A department task then a notification: the smallest flow that reaches closure through one completion. */
export function taskThenNotifyFlow(id: string): string {
  return `
id: ${id}
version: 1
title: { en: Task then notify }
calendar: cn-mainland
data:
  address: { type: string, required: true }
steps:
  - id: handle
    stage: action
    kind: task
    assignee: { role: sanitation, level: district }
    sla: { within: 4h, clock: working }
    form:
      done: { type: boolean, required: true }
  - id: tell
    stage: supervision
    kind: notify
    after: [handle]
    assignee: { role: hotline, level: city }
    message: { zh: 已处理, en: Handled }
`;
}

/**
 * Rework with a parallel branch: handle, then archive-photos and check side by side (check reworks back to
 * handle), then close. The one shape where the rework rules of engine revisions 0 and 1 differ: archive-photos
 * is after handle but not on the path back to check.
 */
export const REWORK_BRANCH_FLOW = `
id: test.rework-branch
version: 1
title: { en: Rework with a parallel branch }
calendar: cn-mainland
data:
  address: { type: string, required: true }
steps:
  - id: handle
    stage: action
    kind: task
    assignee: { role: sanitation, level: district }
    form:
      done: { type: boolean, required: true }
  - id: archive-photos
    stage: action
    kind: task
    after: [handle]
    assignee: { role: sanitation, level: district }
    form:
      archived: { type: boolean, required: true }
  - id: check
    stage: supervision
    kind: task
    after: [handle]
    assignee: { role: inspector, level: grid }
    form:
      fixed: { type: boolean, required: true }
    rework: { when: '!result.fixed', goto: handle, max: 3 }
  - id: close
    stage: supervision
    kind: task
    after: [check, archive-photos]
    assignee: { role: shift-lead, level: district }
    form:
      note: { type: text }
`;

/** A task of PARALLEL_TASKS_FLOW: a 5-working-day limit and one boolean to complete it with. */
const fiveDayTask = (id: string, stage: string, role: string, after: readonly string[]): string => `
  - id: ${id}
    stage: ${stage}
    kind: task
    after: [${after.join(', ')}]
    assignee: { role: ${role}, level: district }
    sla: { within: 5d, clock: working }
    form:
      done: { type: boolean, required: true }`;

/**
 * Three tasks in parallel with the same limit between two tasks, as in the throughput benchmark (issue 8): each
 * parallel completion but the last leaves the case's next wake where it was (the deadline the other two share).
 */
export const PARALLEL_TASKS_FLOW = `
id: test.parallel-tasks
version: 1
title: { en: Three tasks in parallel }
calendar: cn-mainland
data:
  address: { type: string, required: true }
steps:${[
  fiveDayTask('accept', 'assessment', 'one-window', []),
  fiveDayTask('seal', 'action', 'seal', ['accept']),
  fiveDayTask('tax', 'action', 'tax', ['accept']),
  fiveDayTask('insurance', 'action', 'social-insurance', ['accept']),
  fiveDayTask('register', 'supervision', 'market-regulation', ['seal', 'tax', 'insurance']),
].join('')}
`;
