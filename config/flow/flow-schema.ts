/**
 * The flow document as designers write it (docs/flow-language.md): durations as text, optional
 * keys left out. Strict objects, so a misspelt key is an error. `flows/schema.json` is generated from this file.
 * Cross-references (step ids, roles, CEL names) are checked by validate-flow.ts; defaults are filled by
 * normalize-flow.ts.
 */
import { z } from 'zod';
import { FIELD_TYPES, LEVELS, STAGES } from '../../workflows/engine/flow-model';
import { Open311DocumentSchema } from './open311-schema';
import { IdentifierSchema, LocalizedTextSchema } from './text-schemas';

export { LocalizedTextSchema } from './text-schemas';
const StepIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and hold only letters, digits, - and _')
  .describe('Step id, unique in the flow (emergency steps included)');
const CelSchema = z.string().min(1).describe('A CEL expression over case, steps (and result inside rework)');

export const DurationTextSchema = z
  .union([z.string(), z.number()])
  .describe('ISO 8601 (PT4H, P5D) or short form (30m, 4h, 5d, 0.5d); signed for escalation rungs (-30m); 0');

export const ClockSchema = z
  .enum(['working', 'calendar'])
  .describe('working: hours and days of the flow calendar; calendar: wall-clock time. Default working');

export const FieldSpecDocumentSchema = z
  .strictObject({
    type: z.enum(FIELD_TYPES).describe('Field type; enum needs values'),
    required: z.boolean().optional().describe('Default false'),
    values: z.array(z.string().min(1)).min(1).optional().describe('Allowed values of an enum field'),
    valueTitles: z
      .record(z.string().min(1), LocalizedTextSchema)
      .optional()
      .describe('enum only: what forms and case pages show for each value (the value itself is stored)'),
    title: LocalizedTextSchema.optional(),
    personal: z
      .boolean()
      .optional()
      .describe('data only: personal data of the citizen, never shown outside the case (Open311, logs)'),
    public: z
      .boolean()
      .optional()
      .describe("task forms only: the value is a public note on the case (Open311's status_notes)"),
  })
  .describe('A field of case data or of a task form');

export const FieldMapDocumentSchema = z
  .record(IdentifierSchema, FieldSpecDocumentSchema)
  .describe('Field name to field spec');

export const SlaDocumentSchema = z
  .strictObject({
    within: DurationTextSchema.describe('The time limit'),
    clock: ClockSchema.optional(),
    starts: z
      .enum(['activated', 'claimed'])
      .optional()
      .describe('When the clock starts: when the step is activated (default) or claimed'),
    claimWithin: DurationTextSchema.optional().describe(
      "task steps only: the limit for claiming (签收时限), from activation on this sla's clock",
    ),
  })
  .describe('A time limit (时限)');

export const AssigneeDocumentSchema = z
  .union([
    z.strictObject({ department: z.string().min(1).describe('Department id from the directory') }),
    z.strictObject({
      role: z.string().min(1).describe('A role some department holds in the directory'),
      level: z.enum(LEVELS).describe("Region level, resolved from the case's region (属地兜底 upwards)"),
    }),
  ])
  .describe('{ department } or { role, level }');

export const EscalationRungDocumentSchema = z
  .strictObject({
    at: DurationTextSchema.describe('Signed offset from the deadline on the step clock: -30m, 0, 1d'),
    do: z
      .enum(['remind', 'urge', 'escalate', 'emergency'])
      .describe('remind, urge (催办), escalate or emergency'),
    to: AssigneeDocumentSchema.optional().describe('Who the case escalates to (do: escalate)'),
    level: z.int().min(1).max(4).optional().describe('Emergency level 1 (most severe) to 4 (do: emergency)'),
  })
  .describe('An escalation rung; rungs in increasing at order');

export const ReworkDocumentSchema = z
  .strictObject({
    when: CelSchema.describe('CEL over result (this task form)'),
    goto: StepIdSchema.describe('An earlier step (reached through after) to run again'),
    max: z.int().min(1).describe('Rounds before escalating to a supervisor instead'),
    onExceeded: z
      .enum(['notify', 'decide'])
      .optional()
      .describe(
        'Past max: notify a supervisor and move on (default), or decide: wait for a supervisor to allow one more round, close as unresolved or reassign',
      ),
  })
  .describe('返工: run an earlier step again after completion');

function stepBase<S extends z.ZodType>(stage: S) {
  return {
    id: StepIdSchema,
    stage,
    title: LocalizedTextSchema.optional(),
    after: z
      .array(StepIdSchema)
      .optional()
      .describe('Steps this one waits for (a join); none: starts with the case'),
    when: CelSchema.optional().describe('CEL; false skips the step (absent means true)'),
  };
}

function stepSchema<S extends z.ZodType>(stage: S) {
  const base = stepBase(stage);
  return z.discriminatedUnion('kind', [
    z
      .strictObject({
        ...base,
        kind: z.literal('task').describe('A department completes it through the API'),
        assignee: AssigneeDocumentSchema,
        form: FieldMapDocumentSchema.optional(),
        sla: SlaDocumentSchema.optional(),
        allow: z
          .array(z.enum(['return', 'extension', 'park']))
          .optional()
          .describe('Exceptions the assignee may use'),
        escalation: z.array(EscalationRungDocumentSchema).optional(),
        claimEscalation: z
          .array(EscalationRungDocumentSchema)
          .optional()
          .describe(
            'Escalation rungs timed from the claim limit (sla.claimWithin) while the step is unclaimed',
          ),
        rework: ReworkDocumentSchema.optional(),
      })
      .describe('task step'),
    z
      .strictObject({
        ...base,
        kind: z.literal('service').describe('The engine calls a departmental system'),
        call: z.strictObject({
          system: z.string().min(1).describe('Departmental system id from the directory'),
          operation: z.string().min(1),
          input: z.record(z.string(), CelSchema).optional().describe('Input field name to CEL expression'),
        }),
        sla: SlaDocumentSchema.optional(),
      })
      .describe('service step'),
    z
      .strictObject({
        ...base,
        kind: z.literal('notify').describe('The engine sends a notification and moves on'),
        assignee: AssigneeDocumentSchema.optional(),
        message: LocalizedTextSchema,
      })
      .describe('notify step'),
    z
      .strictObject({
        ...base,
        kind: z.literal('wait').describe('A durable timer'),
        for: DurationTextSchema.optional().describe('How long to wait, on clock (exclusive with until)'),
        clock: ClockSchema.optional(),
        until: CelSchema.optional().describe('CEL returning a timestamp (exclusive with for)'),
      })
      .describe('wait step'),
  ]);
}

export const StepDocumentSchema = stepSchema(z.enum(STAGES).describe('The full-cycle stage of the step'));
export type StepDocument = z.infer<typeof StepDocumentSchema>;

export const EmergencyStepDocumentSchema = stepSchema(
  z.literal('emergency').optional().describe('Always emergency; may be left out'),
);

export const EmergencyDocumentSchema = z
  .strictObject({
    triggers: z
      .array(
        z.strictObject({
          when: CelSchema,
          level: z.int().min(1).max(4).describe('1 (most severe, I级) to 4 (IV级)'),
        }),
      )
      .optional(),
    steps: z.array(EmergencyStepDocumentSchema).optional().describe('Steps run while an emergency is open'),
  })
  .describe('应急处置: triggers and the steps of an open emergency');

export const ReviewDocumentSchema = z
  .strictObject({
    feedback: z
      .strictObject({ within: DurationTextSchema, clock: ClockSchema.optional() })
      .describe('The window for the follow-up visit (回访)'),
    reworkOnUnsatisfied: StepIdSchema.optional().describe(
      'Step to run again (重办) when the citizen is unsatisfied',
    ),
  })
  .describe('总结提升');

export const ProfileDocumentSchema = z
  .strictObject({
    title: LocalizedTextSchema.optional(),
    sla: z.record(StepIdSchema, SlaDocumentSchema).optional().describe('Step id to SLA override'),
    caseSla: SlaDocumentSchema.optional().describe('Override of the whole-case sla'),
  })
  .describe('Named SLA overrides chosen at case start');

export const FlowDocumentSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors'),
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "must be lowercase words separated by '.' or '-'")
      .describe("Flow id: lowercase words separated by '.' or '-'"),
    version: z.int().min(1).describe('Positive integer; (id, version) never changes once cases use it'),
    title: LocalizedTextSchema,
    description: z.string().optional(),
    source: z.array(z.string()).optional().describe('Where the time limits come from (cited)'),
    calendar: z
      .string()
      .min(1)
      .optional()
      .describe('Default calendar for working-time clocks; default cn-mainland'),
    sla: SlaDocumentSchema.optional().describe('Whole-case limit'),
    data: FieldMapDocumentSchema.optional().describe('Case data given at start'),
    steps: z.array(StepDocumentSchema).min(1).describe('The steps, at least one'),
    emergency: EmergencyDocumentSchema.optional(),
    review: ReviewDocumentSchema.optional(),
    profiles: z.record(z.string().min(1), ProfileDocumentSchema).optional(),
    open311: Open311DocumentSchema.optional(),
  })
  .describe('A Fullcycle service flow');
export type FlowDocument = z.infer<typeof FlowDocumentSchema>;
