/**
 * Starting a case and what the API shows of it: the case view, its steps and its timeline.
 */
import { z } from 'zod';
import {
  ActorRefSchema,
  CaseIdSchema,
  CaseStageSchema,
  DepartmentIdSchema,
  FlowIdSchema,
  LevelSchema,
  RegionCodeSchema,
  StageSchema,
  StepIdSchema,
  TimestampSchema,
} from './common-schemas';

const DataSchema = z.record(z.string(), z.unknown());
export const PrioritySchema = z.enum(['normal', 'urgent']).meta({ id: 'Priority' });

export const StartCaseRequestSchema = z
  .object({
    flowId: FlowIdSchema,
    flowVersion: z.number().int().positive().optional().meta({ description: 'Latest version when absent' }),
    caseId: CaseIdSchema.optional().meta({
      description: 'Generated when absent; the same id again is idempotent',
    }),
    region: RegionCodeSchema,
    priority: PrioritySchema.optional(),
    profile: z.string().min(1).optional(),
    title: z.string().max(500).optional(),
    data: DataSchema.meta({ description: "Case data matching the flow's data fields" }),
  })
  .meta({ id: 'StartCaseRequest' });
export type StartCaseRequest = z.infer<typeof StartCaseRequestSchema>;

export const StepViewSchema = z
  .object({
    id: StepIdSchema,
    title: z
      .string()
      .describe('The step title: Chinese when the flow gives it, else English, else the step id'),
    titleEn: z.string().optional().meta({
      description: "The step's English title, when the flow gives one: what an English UI shows (addition)",
    }),
    stage: StageSchema,
    kind: z.enum(['task', 'service', 'notify', 'wait']),
    status: z.enum(['pending', 'active', 'claimed', 'completed', 'skipped', 'returned', 'cancelled']),
    assignee: z
      .object({ department: DepartmentIdSchema, role: z.string().optional(), level: LevelSchema.optional() })
      .optional(),
    activatedAt: TimestampSchema.optional(),
    claimedAt: TimestampSchema.optional(),
    completedAt: TimestampSchema.optional(),
    dueAt: TimestampSchema.optional(),
    dueExplanation: z.string().optional().meta({ description: 'How dueAt was reached, in words' }),
    dueExplanationZh: z.string().optional().meta({
      description:
        'dueExplanation in Chinese (时限说明), from the same facts; absent for a deadline set before the engine kept them: show dueExplanation (addition)',
    }),
    dueProvisional: z.string().optional().meta({
      description:
        'Present when dueAt may still move: why (a year it is counted through has no published holiday arrangement yet) (addition)',
    }),
    overdue: z.boolean(),
    round: z.number().int().min(0).meta({
      description:
        "The step's activations: 0 before the first, 1 the first time, +1 per return, rework or 重办",
    }),
    result: DataSchema.optional(),
    incident: z
      .object({ at: TimestampSchema, error: z.string() })
      .optional()
      .meta({ description: 'A service call that cannot proceed until a supervisor retries it (addition)' }),
    request: z
      .object({ kind: z.enum(['extension', 'park']), reason: z.string(), until: TimestampSchema.optional() })
      .optional()
      .meta({ description: 'A pending extension or park request (addition)' }),
    parked: z.boolean().optional().meta({ description: '挂账: approved park (addition)' }),
    onTime: z
      .boolean()
      .optional()
      .meta({ description: 'For a completed round with a deadline: met or not (addition)' }),
    claimDueAt: TimestampSchema.optional().meta({
      description:
        "签收时限: the limit for claiming this round, when the step's sla sets claimWithin (addition)",
    }),
    claimDueExplanation: z
      .string()
      .optional()
      .meta({ description: 'How claimDueAt was reached, in words (addition)' }),
    claimDueExplanationZh: z.string().optional().meta({
      description: 'claimDueExplanation in Chinese, when known (addition)',
    }),
    claimOverdue: z
      .boolean()
      .optional()
      .meta({ description: 'Unclaimed past its claim limit; present with claimDueAt (addition)' }),
    reworkDecision: z
      .object({ since: TimestampSchema, reworks: z.number().int().min(0) })
      .optional()
      .meta({
        description:
          "Completed, but past its rework's max: the case waits for a supervisor's decision (onExceeded: decide; addition)",
      }),
    retiredFromVersion: z.number().int().positive().optional().meta({
      description:
        'A step a migration dropped after it had run, kept for the record: the flow version it belonged to (addition)',
    }),
  })
  .meta({ id: 'StepView' });
export type StepView = z.infer<typeof StepViewSchema>;

export const CaseViewSchema = z
  .object({
    caseId: CaseIdSchema,
    flowId: FlowIdSchema,
    flowVersion: z.number().int().positive(),
    profile: z.string().optional(),
    title: z.string().optional(),
    region: RegionCodeSchema,
    priority: PrioritySchema,
    status: z.enum(['open', 'suspended', 'closed', 'cancelled']),
    stage: CaseStageSchema,
    emergencyLevel: z.number().int().min(0).max(4).meta({ description: '0 none, 1 (most severe) to 4' }),
    createdAt: TimestampSchema,
    closedAt: TimestampSchema.optional(),
    dueAt: TimestampSchema.optional().meta({ description: 'Whole-case deadline' }),
    dueExplanation: z.string().optional().meta({ description: 'How dueAt was reached, in words (addition)' }),
    dueExplanationZh: z.string().optional().meta({
      description:
        'dueExplanation in Chinese (时限说明), from the same facts; absent for a deadline set before the engine kept them: show dueExplanation (addition)',
    }),
    dueProvisional: z.string().optional().meta({
      description:
        'Present when dueAt may still move: why (a year it is counted through has no published holiday arrangement yet) (addition)',
    }),
    overdue: z.boolean().meta({ description: 'Past the whole-case deadline (addition)' }),
    suspendedAt: TimestampSchema.optional().meta({
      description: 'Since when the case is suspended (addition)',
    }),
    unresolved: z.boolean().optional().meta({
      description: "Closed as unresolved by a supervisor's decision after too many reworks (addition)",
    }),
    data: DataSchema,
    steps: z.array(StepViewSchema),
    review: z
      .object({ status: z.string(), windowClosesAt: TimestampSchema, feedbackCount: z.number().int().min(0) })
      .optional()
      .meta({ description: 'The follow-up visit (回访) window (addition)' }),
    metrics: DataSchema.optional(),
  })
  .meta({ id: 'CaseView' });
export type CaseView = z.infer<typeof CaseViewSchema>;

export const TimelineEntrySchema = z
  .object({
    at: TimestampSchema,
    type: z.string().meta({ example: 'step-completed' }),
    stepId: StepIdSchema.optional(),
    actor: ActorRefSchema.optional(),
    detail: z.string(),
  })
  .meta({ id: 'TimelineEntry' });

export const TimelineSchema = z
  .object({ items: z.array(TimelineEntrySchema) })
  .meta({ id: 'Timeline', description: 'Everything that happened, oldest first' });
export type Timeline = z.infer<typeof TimelineSchema>;
