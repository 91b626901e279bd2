/**
 * What a case looks like, move by move, through the pure engine and the shell's pure pieces: for each reference
 * flow and scenario, every move's commands, the case view, the search attribute values, the memo (and the raw
 * values its upsert is decided on) and the ledger snapshot, then the timeline and the ledger's events. Recorded
 * once into test/golden/cases/ (`npm run golden:record`) and compared field by field by
 * test/workflows/case-golden.test.ts, so that an optimisation of the view, the instants or the shell cannot
 * change what a case shows.
 */
import path from 'node:path';
import { caseMemo, memoFingerprint } from '../../workflows/case-memo';
import { searchAttributeUpdates } from '../../workflows/case-search-attributes';
import type { Actor, CaseInput } from '../../workflows/engine/case-input';
import {
  applyAction,
  applyServiceResult,
  applyTime,
  caseSummary,
  caseTimeline,
  caseView,
  nextWakeAt,
  startCase,
  validateAction,
  CURRENT_ENGINE_REVISION,
  type CaseAction,
  type CaseState,
  type Command,
  type Transition,
} from '../../workflows/engine/case';
import { allSteps } from '../../workflows/engine/case/flow-graph';
import { ledgerBatch, ledgerSnapshot } from '../../workflows/engine/case/ledger-snapshot';
import type { Step, TaskException, TaskStep } from '../../workflows/engine/flow-model';
import { buildCaseInput } from '../../api/cases/build-case-input';
import { loadCalendars } from '../../config/calendars/load-calendars';
import { PROJECT_ROOT } from '../../config/project-root';
import { happyResult } from './case-driver';
import { INTAKE, serviceData } from './case-fixtures';
import { REFERENCE_CASES, type ReferenceCase } from './reference-cases';

export const GOLDEN_DIR = path.resolve(__dirname, '..', 'golden', 'cases');

/** One move and what the case looks like after it (at the move's instant). */
export interface GoldenMove {
  readonly move: string;
  readonly at: number;
  readonly commands: readonly Command[];
  readonly view: unknown;
  readonly searchAttributes: Readonly<Record<string, unknown>>;
  readonly memo: unknown;
  readonly memoFingerprint: unknown;
  readonly ledgerSnapshot: unknown;
}

/** A scenario's record: every move, then the whole timeline and the ledger's events at the end. */
export interface CaseGolden {
  readonly flowId: string;
  readonly scenario: string;
  readonly moves: readonly GoldenMove[];
  readonly timeline: unknown;
  readonly ledgerEvents: unknown;
}

export const GOLDEN_SCENARIOS = ['happy-path', 'exceptions'] as const;
export type GoldenScenario = (typeof GOLDEN_SCENARIOS)[number];

/** Friday 16:30 in Guangzhou: the first deadlines cross a weekend. */
const START = Date.parse('2026-03-06T16:30:00+08:00');
const MOVE_GAP = 17 * 60_000;
const SUPERVISOR: Actor = { sub: 'supervisor-1', role: 'supervisor', dept: 'yuexiu-supervision' };
const VISITOR: Actor = { sub: 'visit-seat-3', role: 'supervisor', dept: 'gz-hotline-12345' };
const MAX_MOVES = 400;

/** The file a scenario's record lives in. */
export function goldenFile(flowId: string, scenario: GoldenScenario): string {
  return path.join(GOLDEN_DIR, `${flowId}.${scenario}.json`);
}

/** The value as JSON carries it: Dates as text, undefined fields dropped. */
const plain = <T>(value: T): unknown => JSON.parse(JSON.stringify(value)) as unknown;

class GoldenCase {
  state: CaseState;
  now = START;
  moveCount = 0;
  readonly moves: GoldenMove[] = [];
  /** Exceptions this case has shown already (each once). */
  readonly done = new Set<string>();

  constructor(input: CaseInput) {
    const started = startCase(input, this.now, CURRENT_ENGINE_REVISION);
    this.state = started.state;
    this.record('start', [...started.commands]);
  }

  /** The next instant: 17 minutes on, every other one with milliseconds (views format both). */
  tick(): number {
    this.moveCount += 1;
    this.now += MOVE_GAP + (this.moveCount % 2 === 1 ? 250 : -250);
    return this.now;
  }

  act(action: CaseAction, label: string): void {
    const at = this.tick();
    validateAction(this.state, action, at);
    this.take(applyAction(this.state, action, at), label);
  }

  serve(stepId: string, outcome: { ok: true; result: unknown } | { ok: false; error: string }): void {
    const at = this.tick();
    const round = this.state.steps[stepId]?.round ?? 0;
    const full = outcome.ok ? outcome : { ...outcome, retryable: false as const };
    this.take(applyServiceResult(this.state, { stepId, round, outcome: full }, at), `serve ${stepId}`);
  }

  /** Time passes to `at` (the shell's timer firing). */
  wake(at: number, label: string): void {
    this.now = at;
    this.take({ state: this.state, commands: [] }, label);
  }

  /** A transition, then the shell's time pass at the same instant (its loop runs after every Update). */
  private take(transition: Transition, label: string): void {
    const timed = applyTime(transition.state, this.now);
    this.state = timed.state;
    this.record(label, [...transition.commands, ...timed.commands]);
  }

  private record(move: string, commands: Command[]): void {
    const { state, now } = this;
    const view = caseView(state, now);
    // Every key, as cases before engine revision 5 upsert them (nothing else pins their values); a revision-5
    // case upserts a subset of them with the same values (stableSearchAttributeUpdates).
    const attributes = searchAttributeUpdates(caseSummary(state, now), state, true);
    this.moves.push({
      move,
      at: now,
      commands: plain(commands) as Command[],
      view: plain(view),
      searchAttributes: Object.fromEntries(attributes.map((u) => [u.key.name, plain(u.value)])),
      memo: plain(caseMemo(state, now)),
      memoFingerprint: plain(memoFingerprint(state, now)),
      ledgerSnapshot: plain(ledgerSnapshot(state)),
    });
  }
}

const running = (state: CaseState) =>
  Object.values(state.steps).filter((s) => s.status === 'active' || s.status === 'claimed');

function departmentOf(state: CaseState, stepId: string): Actor {
  const department = state.steps[stepId]?.assignee?.department ?? 'unassigned';
  return { sub: `${department}-user`, role: 'department', dept: department };
}

/** Whether the scenario shows `exception` at this step now (once per case). */
function wants(c: GoldenCase, scenario: GoldenScenario, exception: string, allowed = true): boolean {
  if (scenario !== 'exceptions' || !allowed || c.done.has(exception)) return false;
  c.done.add(exception);
  return true;
}

const allows = (step: TaskStep, exception: TaskException): boolean => step.allow.includes(exception);

/** One move on a running task: claim, an exception the scenario shows there, or completion. */
function moveTask(c: GoldenCase, step: TaskStep, recorded: ReferenceCase, scenario: GoldenScenario): void {
  const current = c.state.steps[step.id]!;
  const actor = departmentOf(c.state, step.id);
  const stepId = step.id;
  if (wants(c, scenario, 'urge')) {
    return c.act({ type: 'urge', stepId, note: '请尽快处理', actor: SUPERVISOR }, `urge ${stepId}`);
  }
  if (current.status === 'active' && current.claimedAt === undefined) {
    return c.act({ type: 'claim', stepId, actor }, `claim ${stepId}`);
  }
  if (current.deadline !== undefined && wants(c, scenario, 'overdue')) {
    return c.wake(current.deadline.at + 60_000, `past the deadline of ${stepId}`);
  }
  if (
    current.deadline !== undefined &&
    !current.request &&
    wants(c, scenario, 'extension', allows(step, 'extension'))
  ) {
    const until = Math.max(current.deadline.at, c.now) + 24 * 3_600_000;
    c.act(
      { type: 'requestExtension', stepId, until, reason: '需协调相关单位', actor },
      `extension ${stepId}`,
    );
    return c.act(
      { type: 'decideExtension', stepId, approve: true, note: '同意', actor: SUPERVISOR },
      `approve ${stepId}`,
    );
  }
  if (!current.request && !current.parked && wants(c, scenario, 'park', allows(step, 'park'))) {
    c.act({ type: 'requestPark', stepId, reason: '需市级协调，暂时挂账', actor }, `park ${stepId}`);
    return c.act({ type: 'decidePark', stepId, approve: true, actor: SUPERVISOR }, `approve park ${stepId}`);
  }
  if (wants(c, scenario, 'return', allows(step, 'return'))) {
    return c.act(
      { type: 'return', stepId, reason: 'wrong-area', note: '不属本单位', actor },
      `return ${stepId}`,
    );
  }
  if (wants(c, scenario, 'reassign')) {
    return c.act(
      { type: 'reassign', stepId, department: 'yuexiu-sanitation', reason: '改派', actor: SUPERVISOR },
      `reassign ${stepId}`,
    );
  }
  const happy = { ...happyResult(step.form), ...recorded.results?.[stepId] };
  if (step.rework !== undefined && wants(c, scenario, 'rework')) {
    const failing = Object.fromEntries(
      Object.entries(happy).map(([key, value]) => [key, typeof value === 'boolean' ? !value : value]),
    );
    return c.act({ type: 'complete', stepId, result: failing, actor }, `complete ${stepId} (rework)`);
  }
  c.act({ type: 'complete', stepId, result: happy, actor }, `complete ${stepId}`);
}

/** The case-wide exceptions, shown once the first task runs. */
function caseException(c: GoldenCase, scenario: GoldenScenario): boolean {
  if (running(c.state).length === 0) return false;
  if (wants(c, scenario, 'emergency')) {
    c.act({ type: 'setEmergency', level: 2, reason: '现场有人受伤', actor: SUPERVISOR }, 'emergency 2');
    return true;
  }
  if (c.done.has('urge') && wants(c, scenario, 'data')) {
    c.act(
      { type: 'updateData', priority: 'urgent', reason: '市民再次来电', actor: SUPERVISOR },
      'priority urgent',
    );
    return true;
  }
  if (c.done.has('data') && wants(c, scenario, 'suspend')) {
    c.act({ type: 'suspend', reason: '等待司法鉴定', actor: SUPERVISOR }, 'suspend');
    c.now += 2 * 24 * 3_600_000;
    c.act({ type: 'resume', reason: '鉴定完成', actor: SUPERVISOR }, 'resume');
    return true;
  }
  if (c.done.has('suspend') && c.state.emergency.level > 0 && wants(c, scenario, 'emergency-closed')) {
    c.act({ type: 'setEmergency', level: 0, reason: '险情解除', actor: SUPERVISOR }, 'emergency closed');
    return true;
  }
  return false;
}

function move(c: GoldenCase, recorded: ReferenceCase, scenario: GoldenScenario): boolean {
  const { flow } = c.state.input;
  if (caseException(c, scenario)) return true;
  for (const def of allSteps(flow)) {
    const current = c.state.steps[def.id];
    if (current?.status !== 'active' && current?.status !== 'claimed') continue;
    if (def.kind === 'task' && current.incident === undefined) {
      moveTask(c, def, recorded, scenario);
      return true;
    }
    if (def.kind === 'service') return moveService(c, def, current.incident !== undefined, scenario);
  }
  if (c.state.review?.status === 'open') {
    c.act({ type: 'feedback', satisfaction: 'satisfied', resolved: true, actor: VISITOR }, 'feedback');
    return true;
  }
  const wake = nextWakeAt(c.state);
  if (wake === undefined) return false;
  c.wake(Math.max(wake, c.now), 'timer');
  return true;
}

function moveService(c: GoldenCase, step: Step, incident: boolean, scenario: GoldenScenario): boolean {
  if (incident) {
    c.act({ type: 'retry', stepId: step.id, actor: SUPERVISOR }, `retry ${step.id}`);
  } else if (wants(c, scenario, 'service-failure')) {
    c.serve(step.id, { ok: false, error: 'HTTP 500 from the departmental system' });
  } else {
    c.serve(step.id, { ok: true, result: { orderId: `W-${step.id}`, creditCode: '91440300MA5XXXXX' } });
  }
  return true;
}

/** Runs one scenario of one reference flow through the engine; the record to compare or to write. */
export async function runGoldenCase(flowId: string, scenario: GoldenScenario): Promise<CaseGolden> {
  const recorded = REFERENCE_CASES[flowId];
  if (recorded === undefined) throw new Error(`no reference case for ${flowId}`);
  // The calendars as the API loads them on the day the case starts: their rule holidays are expanded for the years
  // around the loading day, so loaded today they would gain a year each New Year and every record would differ.
  const calendars = await loadCalendars(path.join(PROJECT_ROOT, 'config', 'calendars'), new Date(START));
  const data = { ...(await serviceData()), calendars };
  const input = buildCaseInput(data, { caseId: `GOLDEN-${flowId}-${scenario}`, ...recorded.fields }, INTAKE);
  const c = new GoldenCase(input);
  for (let n = 0; n < MAX_MOVES && c.state.status === 'open'; n += 1) if (!move(c, recorded, scenario)) break;
  if (c.state.status !== 'closed') throw new Error(`${flowId} ${scenario} did not close: ${c.state.status}`);
  return {
    flowId,
    scenario,
    moves: c.moves,
    timeline: plain(caseTimeline(c.state)),
    ledgerEvents: plain(ledgerBatch(c.state, 0).events),
  };
}

/**
 * The record as the file keeps it: one move per line (a change shows as the lines of the moves it touched), the
 * timeline and ledger events one entry per line.
 */
export function goldenText(golden: CaseGolden): string {
  const lines = (items: readonly unknown[]) => items.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
  const list = (items: unknown) => `[\n${lines(items as unknown[])}\n  ]`;
  return [
    '{',
    `  "flowId": ${JSON.stringify(golden.flowId)},`,
    `  "scenario": ${JSON.stringify(golden.scenario)},`,
    `  "moves": ${list(golden.moves)},`,
    `  "timeline": ${list(golden.timeline)},`,
    `  "ledgerEvents": ${list(golden.ledgerEvents)}`,
    '}',
    '',
  ].join('\n');
}

/** Every flow and scenario recorded. */
export const GOLDEN_CASES: readonly (readonly [string, GoldenScenario])[] = Object.keys(
  REFERENCE_CASES,
).flatMap((flowId) => GOLDEN_SCENARIOS.map((scenario) => [flowId, scenario] as const));
