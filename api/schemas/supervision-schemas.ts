/**
 * The department inbox and the supervision views: stalled cases and the summary counts.
 */
import { z } from 'zod';
import {
  CaseIdSchema,
  DepartmentIdSchema,
  FlowIdSchema,
  IsoDurationSchema,
  PageQuerySchema,
  pageOf,
  QueryBooleanSchema,
  RegionCodeSchema,
  StageSchema,
  StepIdSchema,
  TimestampSchema,
} from './common-schemas';

export const InboxQuerySchema = PageQuerySchema;
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export const InboxItemSchema = z
  .object({
    caseId: CaseIdSchema,
    stepId: StepIdSchema,
    title: z
      .string()
      .describe('The step title: Chinese when the flow gives it, else English, else the step id'),
    titleEn: z.string().optional().meta({
      description: "The step's English title, when the flow gives one: what an English UI shows (addition)",
    }),
    stage: StageSchema,
    status: z.enum(['active', 'claimed']),
    dueAt: TimestampSchema.optional(),
    overdue: z.boolean(),
    claimDueAt: TimestampSchema.optional().meta({
      description: '签收时限: the limit for claiming the step, when its sla sets one (addition)',
    }),
    claimOverdue: z.boolean().optional().meta({
      description: 'Unclaimed past its claim limit; present with claimDueAt (addition)',
    }),
    region: RegionCodeSchema,
    flowId: FlowIdSchema,
    remainingWorkingMinutes: z.number().int().optional().meta({
      description:
        'Working minutes from now until dueAt on the calendar the case pinned; negative: working minutes overdue (addition)',
    }),
    dueClock: z.enum(['working', 'calendar']).optional().meta({
      description:
        "The clock dueAt runs on: working time on the case's calendar, or calendar (wall-clock) time; absent for steps the ledger recorded before it kept the clock (addition)",
    }),
    remainingMinutes: z.number().int().optional().meta({
      description:
        'Minutes from now until dueAt on dueClock: wall-clock minutes for a calendar clock, working minutes for a working clock; negative once past it; present with dueClock (addition)',
    }),
    dueProvisional: z.string().optional().meta({
      description:
        'Present when the working time until dueAt runs through a year whose holiday arrangement is not published yet: why (addition)',
    }),
  })
  .meta({ id: 'InboxItem' });
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxPageSchema = pageOf(InboxItemSchema).meta({
  id: 'InboxPage',
  description: 'Soonest deadline first',
});

export const StalledQuerySchema = PageQuerySchema.extend({
  region: RegionCodeSchema.optional().meta({
    description: "Within the token's region; the token's region by default",
  }),
  department: DepartmentIdSchema.optional(),
  stage: StageSchema.optional(),
  overdue: QueryBooleanSchema.optional(),
  claimOverdue: QueryBooleanSchema.optional().meta({
    description: 'A step unclaimed past its claim limit (签收时限), or none (addition)',
  }),
  awaitingDecision: QueryBooleanSchema.optional().meta({
    description: "Waiting for a supervisor's rework decision, or not (addition)",
  }),
  idleFor: IsoDurationSchema.optional().meta({
    description: 'No progress for at least this long (ISO 8601)',
  }),
});
export type StalledQuery = z.infer<typeof StalledQuerySchema>;

export const StalledItemSchema = z
  .object({
    caseId: CaseIdSchema,
    flowId: FlowIdSchema,
    stage: StageSchema,
    region: RegionCodeSchema,
    waitingOn: z.array(DepartmentIdSchema),
    nextDueAt: TimestampSchema.optional(),
    overdue: z.boolean(),
    claimOverdue: z.boolean().meta({
      description: 'A step is unclaimed past its claim limit (签收时限) (addition)',
    }),
    awaitingDecision: z.boolean().meta({
      description: "A rework past its max waits for a supervisor's decision (addition)",
    }),
    lastProgressAt: TimestampSchema,
  })
  .meta({ id: 'StalledItem' });
export type StalledItem = z.infer<typeof StalledItemSchema>;

export const StalledPageSchema = pageOf(StalledItemSchema).meta({ id: 'StalledPage' });

export const SummaryQuerySchema = z.object({ region: RegionCodeSchema.optional() });
export type SummaryQuery = z.infer<typeof SummaryQuerySchema>;

export const SummarySchema = z
  .object({
    region: RegionCodeSchema.optional().meta({
      description: 'The region counted; absent for everywhere (admin)',
    }),
    asOf: TimestampSchema,
    openByStage: z.record(StageSchema, z.number().int().nonnegative()),
    overdueByDepartment: z.record(DepartmentIdSchema, z.number().int().nonnegative()),
    partial: z.literal(true).optional().meta({
      description:
        'Present when the count stopped at its page limit: the counts cover only part of the region',
    }),
  })
  .meta({
    id: 'Summary',
    description: "Open cases by stage and overdue counts by department, in the token's region",
  });
export type Summary = z.infer<typeof SummarySchema>;
