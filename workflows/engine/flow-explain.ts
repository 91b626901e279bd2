/**
 * What time limits a flow sets and when each would fall due, as if every step were activated at one instant:
 * `fullcycle flows explain`. Pure; the deadlines come from the same working-time arithmetic the engine uses.
 */
import type { WorkingCalendar } from './calendar-model';
import type { Clock, DurationSpec, Flow, SlaSpec, Stage, Step, StepKind } from './flow-model';
import { addDuration, explainDeadlineZh, formatInstant } from './time';

/** An SLA as designers wrote it, with its amount parsed (days apart: a working day is not 24 hours). */
export interface ExplainedSla {
  readonly within: string;
  readonly clock: Clock;
  readonly starts: 'activated' | 'claimed';
  readonly days: number;
  readonly minutes: number;
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
  /** `explanation` in Chinese. */
  readonly explanationZh: string;
}

/** A limit that is not a step's: the whole case, or the follow-up visit window. */
export interface LimitExplanation {
  readonly sla: ExplainedSla | null;
  readonly dueAt: string | null;
  readonly explanation: string;
  readonly explanationZh: string;
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
      ? explainSla(caseSla, calendar, start, { en: 'whole case: ', zh: '全案：' })
      : { sla: null, dueAt: null, ...words('no whole-case time limit', '全案无时限') },
    review: feedback
      ? explainSla({ ...feedback, starts: 'activated' }, calendar, start, {
          en: 'follow-up visit window, from resolution: ',
          zh: '回访期限，自办结起：',
        })
      : null,
  };
}

/** A prefix (or whole explanation) in both languages. */
interface Words {
  readonly en: string;
  readonly zh: string;
}

function words(en: string, zh: string): { explanation: string; explanationZh: string } {
  return { explanation: en, explanationZh: zh };
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
    if (!sla) {
      const kind = step.kind === 'task' ? '任务' : '服务';
      return {
        ...base,
        sla: null,
        dueAt: null,
        ...words(`${step.kind} step without a time limit`, `${kind}步骤，无时限`),
      };
    }
    const claimed = sla.starts === 'claimed';
    return {
      ...base,
      ...explainSla(sla, calendar, start, {
        en: `${override ? 'profile override: ' : ''}${claimed ? 'counted from claim, taken as the start: ' : ''}`,
        zh: `${override ? '按方案覆盖：' : ''}${claimed ? '自签收起算（此处以起点为签收时间）：' : ''}`,
      }),
    };
  }
  if (step.kind === 'notify') {
    return {
      ...base,
      sla: null,
      dueAt: null,
      ...words('notify step: sends a notification and moves on', '通知步骤：发出通知后继续'),
    };
  }
  if (step.for) {
    const due = deadline(calendar, start, step.for, step.clock);
    return {
      ...base,
      sla: null,
      dueAt: due.dueAt,
      ...words(`wait step resumes: ${due.explanation}`, `等待步骤恢复：${due.explanationZh}`),
    };
  }
  const until = step.until ?? '';
  return {
    ...base,
    sla: null,
    dueAt: null,
    ...words(
      `wait step until ${until} (known only at run time)`,
      `等待步骤，直到 ${until}（运行时才能确定）`,
    ),
  };
}

function explainSla(sla: SlaSpec, calendar: WorkingCalendar, start: number, prefix: Words): LimitExplanation {
  const due = deadline(calendar, start, sla.within, sla.clock);
  const { within } = sla;
  return {
    sla: {
      within: within.text,
      clock: sla.clock,
      starts: sla.starts,
      days: within.negative ? -within.days : within.days,
      minutes: (within.negative ? -within.millis : within.millis) / 60_000,
    },
    dueAt: due.dueAt,
    ...words(`${prefix.en}${due.explanation}`, `${prefix.zh}${due.explanationZh}`),
  };
}

/** The deadline, or the reason it cannot be computed (e.g. a calendar without working time). */
function deadline(
  calendar: WorkingCalendar,
  start: number,
  duration: DurationSpec,
  clock: Clock,
): { dueAt: string | null; explanation: string; explanationZh: string } {
  try {
    const computed = addDuration(calendar, start, duration, clock);
    return {
      dueAt: formatInstant(computed.at, calendar.timezone),
      explanation: computed.explanation,
      explanationZh: explainDeadlineZh(computed.facts, calendar),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { dueAt: null, explanation: `cannot compute: ${message}`, explanationZh: `无法计算：${message}` };
  }
}
