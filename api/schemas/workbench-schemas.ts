/**
 * Reads the web workbench needs beyond the contract (additions): who the token speaks for, the directory's
 * regions and departments (names and codes only, no personal data), and a flow's deadlines from a start time.
 */
import { z } from 'zod';
import {
  DepartmentIdSchema,
  FlowIdSchema,
  FlowVersionSchema,
  LevelSchema,
  RegionCodeSchema,
  RoleSchema,
  StageSchema,
  TimestampSchema,
} from './common-schemas';

export const MeSchema = z
  .object({
    sub: z.string(),
    role: RoleSchema,
    dept: DepartmentIdSchema.optional(),
    departmentName: z.string().optional().meta({ description: "The department's name in the directory" }),
    region: RegionCodeSchema.optional(),
    regionName: z.string().optional().meta({ description: "The region's name in the directory" }),
  })
  .meta({ id: 'Me', description: 'Who the bearer token speaks for, as the API sees it' });
export type Me = z.infer<typeof MeSchema>;

export const RegionSchema = z
  .object({
    code: RegionCodeSchema,
    name: z.string(),
    level: LevelSchema,
    parent: RegionCodeSchema.optional(),
  })
  .meta({ id: 'Region' });

export const RegionListSchema = z.object({ items: z.array(RegionSchema) }).meta({
  id: 'RegionList',
  description: 'The five-level tree 市-区-街道-社区-网格, each region naming its parent',
});
export type RegionList = z.infer<typeof RegionListSchema>;

export const DepartmentSchema = z
  .object({
    id: DepartmentIdSchema,
    name: z.string(),
    region: RegionCodeSchema,
    roles: z.array(z.string()),
  })
  .meta({ id: 'Department' });

export const DepartmentListSchema = z
  .object({ items: z.array(DepartmentSchema) })
  .meta({ id: 'DepartmentList', description: "The directory's departments" });
export type DepartmentList = z.infer<typeof DepartmentListSchema>;

export const ExplanationQuerySchema = z.object({
  start: TimestampSchema.meta({ description: 'Every step is taken to start at this instant' }),
  profile: z.string().min(1).optional(),
  version: FlowVersionSchema.optional().meta({ description: 'Latest version when absent' }),
});

const ExplainedSlaSchema = z
  .object({
    within: z.string(),
    clock: z.enum(['working', 'calendar']),
    starts: z.enum(['activated', 'claimed']),
    days: z.number().meta({
      description:
        'The days of `within` (working days on a working clock), negative before the deadline (addition)',
    }),
    minutes: z.number().meta({
      description: 'The hours and minutes of `within`, in minutes, negative before the deadline (addition)',
    }),
  })
  .meta({ id: 'ExplainedSla' });

const LimitExplanationSchema = z
  .object({
    sla: ExplainedSlaSchema.nullable(),
    dueAt: TimestampSchema.nullable(),
    explanation: z.string(),
    explanationZh: z.string().meta({ description: '`explanation` in Chinese (addition)' }),
  })
  .meta({ id: 'LimitExplanation' });

export const FlowExplanationSchema = z
  .object({
    flow: z.object({ id: FlowIdSchema, version: z.number().int().positive(), calendar: z.string() }),
    profile: z.string().nullable(),
    start: TimestampSchema,
    steps: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['task', 'service', 'notify', 'wait']),
        stage: StageSchema,
        sla: ExplainedSlaSchema.nullable(),
        dueAt: TimestampSchema.nullable().meta({ description: "In the calendar's zone" }),
        explanation: z.string(),
        explanationZh: z.string().meta({ description: '`explanation` in Chinese (addition)' }),
      }),
    ),
    case: LimitExplanationSchema,
    review: LimitExplanationSchema.nullable(),
  })
  .meta({
    id: 'FlowExplanation',
    description: 'Each time limit of the flow and the deadline it would get from `start`, explained in words',
  });
