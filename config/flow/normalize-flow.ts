/**
 * A valid flow document to the engine's Flow (workflows/engine/flow-model.ts): durations parsed, defaults filled,
 * emergency steps put in stage `emergency`, deep-frozen. Defaults: `clock: working` wherever a clock is left out
 * (sla, wait, review feedback), `starts: activated`, `calendar: cn-mainland`, `required: false`, empty lists and
 * maps for `after`, `allow`, `escalation`, `form`, `data`, `source`, `call.input`, `profiles`. `personal` and
 * `public` are kept only when true, and `open311`, `claimWithin`, `claimEscalation` and `onExceeded` only when
 * present, so a flow without them normalizes as before.
 */
import { DEFAULT_CALENDAR } from './check-directory-names';
import { parseDurationText } from './flow-durations';
import { normalizeOpen311 } from './normalize-open311';
import type { AnyStepDocument } from './flow-parts';
import type { AssigneeDocumentSchema, FlowDocument } from './flow-schema';
import type { z } from 'zod';
import type {
  AssigneeSpec,
  Clock,
  EscalationRung,
  FieldMap,
  Flow,
  LocalizedText,
  SlaSpec,
  Stage,
  Step,
} from '../../workflows/engine/flow-model';

/** The clock used where a document names none. */
export const DEFAULT_CLOCK: Clock = 'working';

type SlaDocument = {
  within: string | number;
  clock?: Clock | undefined;
  starts?: 'activated' | 'claimed' | undefined;
  claimWithin?: string | number | undefined;
};
type FieldMapDocument = NonNullable<FlowDocument['data']>;
type AssigneeDocument = z.infer<typeof AssigneeDocumentSchema>;

/** Normalizes a document that validate-flow found valid; throws on invalid durations. */
export function normalizeFlow(document: FlowDocument): Flow {
  const data = fields(document.data);
  const flow: Flow = {
    id: document.id,
    version: document.version,
    title: text(document.title),
    ...(document.description === undefined ? {} : { description: document.description }),
    source: document.source ?? [],
    calendar: document.calendar ?? DEFAULT_CALENDAR,
    ...(document.sla ? { sla: sla(document.sla) } : {}),
    data,
    steps: document.steps.map((step) => normalizeStep(step, step.stage)),
    ...(document.emergency
      ? {
          emergency: {
            triggers: (document.emergency.triggers ?? []).map((t) => ({
              when: t.when,
              level: t.level as 1 | 2 | 3 | 4,
            })),
            steps: (document.emergency.steps ?? []).map((step) => normalizeStep(step, 'emergency')),
          },
        }
      : {}),
    ...(document.review
      ? {
          review: {
            feedback: {
              within: parseDurationText(document.review.feedback.within),
              clock: document.review.feedback.clock ?? DEFAULT_CLOCK,
            },
            ...(document.review.reworkOnUnsatisfied === undefined
              ? {}
              : { reworkOnUnsatisfied: document.review.reworkOnUnsatisfied }),
          },
        }
      : {}),
    profiles: Object.fromEntries(
      Object.entries(document.profiles ?? {}).map(([name, profile]) => [
        name,
        {
          ...(profile.title ? { title: text(profile.title) } : {}),
          sla: Object.fromEntries(
            Object.entries(profile.sla ?? {}).map(([stepId, value]) => [stepId, sla(value)]),
          ),
          ...(profile.caseSla ? { caseSla: sla(profile.caseSla) } : {}),
        },
      ]),
    ),
    ...(document.open311 ? { open311: normalizeOpen311(document.open311, data) } : {}),
  };
  return deepFreeze(flow);
}

function normalizeStep(step: AnyStepDocument, stage: Stage): Step {
  const base = {
    id: step.id,
    stage,
    ...(step.title ? { title: text(step.title) } : {}),
    after: step.after ?? [],
    ...(step.when === undefined ? {} : { when: step.when }),
  };
  switch (step.kind) {
    case 'task':
      return {
        ...base,
        kind: 'task',
        assignee: assignee(step.assignee),
        form: fields(step.form),
        ...(step.sla ? { sla: sla(step.sla) } : {}),
        allow: step.allow ?? [],
        escalation: (step.escalation ?? []).map(rung),
        ...(step.claimEscalation ? { claimEscalation: step.claimEscalation.map(rung) } : {}),
        ...(step.rework ? { rework: { ...step.rework } } : {}),
      };
    case 'service':
      return {
        ...base,
        kind: 'service',
        call: { system: step.call.system, operation: step.call.operation, input: step.call.input ?? {} },
        ...(step.sla ? { sla: sla(step.sla) } : {}),
      };
    case 'notify':
      return {
        ...base,
        kind: 'notify',
        ...(step.assignee ? { assignee: assignee(step.assignee) } : {}),
        message: text(step.message),
      };
    case 'wait':
      return {
        ...base,
        kind: 'wait',
        clock: step.clock ?? DEFAULT_CLOCK,
        ...(step.for === undefined ? {} : { for: parseDurationText(step.for) }),
        ...(step.until === undefined ? {} : { until: step.until }),
      };
  }
}

function rung(
  value: NonNullable<Extract<AnyStepDocument, { kind: 'task' }>['escalation']>[number],
): EscalationRung {
  return {
    at: parseDurationText(value.at),
    do: value.do,
    ...(value.to ? { to: assignee(value.to) } : {}),
    ...(value.level === undefined ? {} : { level: value.level as 1 | 2 | 3 | 4 }),
  };
}

function sla(value: SlaDocument): SlaSpec {
  return {
    within: parseDurationText(value.within),
    clock: value.clock ?? DEFAULT_CLOCK,
    starts: value.starts ?? 'activated',
    ...(value.claimWithin === undefined ? {} : { claimWithin: parseDurationText(value.claimWithin) }),
  };
}

function assignee(value: AssigneeDocument): AssigneeSpec {
  return 'department' in value ? { department: value.department } : { role: value.role, level: value.level };
}

function text(value: LocalizedText): LocalizedText {
  return {
    ...(value.zh === undefined ? {} : { zh: value.zh }),
    ...(value.en === undefined ? {} : { en: value.en }),
  };
}

function fields(map: FieldMapDocument | undefined): FieldMap {
  return Object.fromEntries(
    Object.entries(map ?? {}).map(([name, field]) => [
      name,
      {
        type: field.type,
        required: field.required ?? false,
        ...(field.values ? { values: field.values } : {}),
        ...(field.title ? { title: text(field.title) } : {}),
        ...(field.personal ? { personal: true as const } : {}),
        ...(field.public ? { public: true as const } : {}),
      },
    ]),
  );
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
