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
    overdue: z.boolean(),
    round: z.number().int().positive().meta({ description: "The step's activations: 1 the first time" }),
    result: DataSchema.optional(),
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
    data: DataSchema,
    steps: z.array(StepViewSchema),
    metrics: DataSchema.optional(),
  })
  .meta({ id: 'CaseView' });
export type CaseView = z.infer<typeof CaseViewSchema>;

export const TimelineEntrySchema = z
  .object({
    at: TimestampSchema,
    type: z.string().meta({ example: 'step.completed' }),
    stepId: StepIdSchema.optional(),
    actor: ActorRefSchema.optional(),
    detail: z.string(),
  })
  .meta({ id: 'TimelineEntry' });

export const TimelineSchema = z
  .object({ items: z.array(TimelineEntrySchema) })
  .meta({ id: 'Timeline', description: 'Everything that happened, oldest first' });
export type Timeline = z.infer<typeof TimelineSchema>;
