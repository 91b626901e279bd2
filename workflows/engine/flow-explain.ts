/**
 * What time limits a flow sets and when each would fall due, as if every step were activated at one instant:
 * `fullcycle flows explain`. Pure; the deadlines come from the same working-time arithmetic the engine uses.
 */
import type { WorkingCalendar } from './calendar-model';
import type { Clock, DurationSpec, Flow, SlaSpec, Stage, Step, StepKind } from './flow-model';
import { addDuration, formatInstant } from './time';

/** An SLA as designers wrote it. */
export interface ExplainedSla {
  readonly within: string;
  readonly clock: Clock;
  readonly starts: 'activated' | 'claimed';
}

/** One step's time limit and the deadline it would get. */
export interface StepExplanation {
  readonly id: string;
  readonly kind: StepKind;
  readonly stage: Stage;
  readonly sla: ExplainedSla | null;
  /** RFC 3339 in the calendar's zone; null when the step has no time limit or it cannot be computed. */
  readonly dueAt: string | null;
  readonly explanation: string;
}

/** A limit that is not a step's: the whole case, or the follow-up visit window. */
export interface LimitExplanation {
  readonly sla: ExplainedSla | null;
  readonly dueAt: string | null;
  readonly explanation: string;
}

export interface FlowExplanation {
  readonly flow: { readonly id: string; readonly version: number; readonly calendar: string };
  readonly profile: string | null;
  readonly start: string;
  readonly steps: readonly StepExplanation[];
  /** The whole-case SLA (the profile's `caseSla`, else the flow's `sla`). */
  readonly case: LimitExplanation;
  /** The follow-up visit window (回访), counted here from `start`. */
  readonly review: LimitExplanation | null;
}

export interface ExplainOptions {
  readonly profile?: string;
  /** Epoch ms at which every step is taken to start. */
  readonly start: number;
}

/** Thrown when a profile is asked for that the flow does not define. */
export class FlowProfileUnknownError extends Error {
  constructor(
    readonly flowId: string,
    readonly profile: string,
    readonly known: readonly string[],
  ) {
    const list = known.length > 0 ? known.join(', ') : 'none';
    super(`flow '${flowId}' has no profile '${profile}' (profiles: ${list})`);
    this.name = 'FlowProfileUnknownError';
  }
}

/** Each step's SLA (profile overrides applied) and its deadline if activated at `options.start`. */
export function explainFlow(flow: Flow, calendar: WorkingCalendar, options: ExplainOptions): FlowExplanation {
  const { profile, start } = options;
  // Own profiles only: a name such as `toString` or `__proto__` is not a profile of the flow.
  const overrides =
    profile === undefined || !Object.hasOwn(flow.profiles, profile) ? undefined : flow.profiles[profile];
  if (profile !== undefined && overrides === undefined) {
    throw new FlowProfileUnknownError(flow.id, profile, Object.keys(flow.profiles).sort());
  }
  const steps = [...flow.steps, ...(flow.emergency?.steps ?? [])].map((step) =>
    explainStep(step, overrides?.sla[step.id], calendar, start),
  );
  const caseSla = overrides?.caseSla ?? flow.sla;
  const feedback = flow.review?.feedback;
  return {
    flow: { id: flow.id, version: flow.version, calendar: calendar.name },
    profile: profile ?? null,
    start: formatInstant(start, calendar.timezone),
    steps,
    case: caseSla
      ? explainSla(caseSla, calendar, start, 'whole case: ')
      : { sla: null, dueAt: null, explanation: 'no whole-case time limit' },
    review: feedback
      ? explainSla(
          { ...feedback, starts: 'activated' },
          calendar,
          start,
          'follow-up visit window, from resolution: ',
        )
      : null,
  };
}

function explainStep(
  step: Step,
  override: SlaSpec | undefined,
  calendar: WorkingCalendar,
  start: number,
): StepExplanation {
  const base = { id: step.id, kind: step.kind, stage: step.stage };
  if (step.kind === 'task' || step.kind === 'service') {
    const sla = override ?? step.sla;
    if (!sla)
      return { ...base, sla: null, dueAt: null, explanation: `${step.kind} step without a time limit` };
    const from = override ? 'profile override: ' : '';
    const claimed = sla.starts === 'claimed' ? 'counted from claim, taken as the start: ' : '';
    return { ...base, ...explainSla(sla, calendar, start, `${from}${claimed}`) };
  }
  if (step.kind === 'notify') {
    return { ...base, sla: null, dueAt: null, explanation: 'notify step: sends a notification and moves on' };
  }
  if (step.for) {
    const due = deadline(calendar, start, step.for, step.clock);
    return { ...base, sla: null, ...due, explanation: `wait step resumes: ${due.explanation}` };
  }
  const until = step.until ?? '';
  return {
    ...base,
    sla: null,
    dueAt: null,
    explanation: `wait step until ${until} (known only at run time)`,
  };
}

function explainSla(
  sla: SlaSpec,
  calendar: WorkingCalendar,
  start: number,
  prefix: string,
): LimitExplanation {
  const due = deadline(calendar, start, sla.within, sla.clock);
  return {
    sla: { within: sla.within.text, clock: sla.clock, starts: sla.starts },
    dueAt: due.dueAt,
    explanation: `${prefix}${due.explanation}`,
  };
}

/** The deadline, or the reason it cannot be computed (e.g. a calendar without working time). */
function deadline(
  calendar: WorkingCalendar,
  start: number,
  duration: DurationSpec,
  clock: Clock,
): { dueAt: string | null; explanation: string } {
  try {
    const computed = addDuration(calendar, start, duration, clock);
    return { dueAt: formatInstant(computed.at, calendar.timezone), explanation: computed.explanation };
  } catch (error) {
    return {
      dueAt: null,
      explanation: `cannot compute: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
