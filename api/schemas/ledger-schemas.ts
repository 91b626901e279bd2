/**
 * The ledger's read routes: case search (`GET /v1/cases`) and performance metrics (`GET /v1/supervision/metrics`).
 */
import { z } from 'zod';
import {
  CaseIdSchema,
  CaseStageSchema,
  DepartmentIdSchema,
  FlowIdSchema,
  FlowVersionSchema,
  PageQuerySchema,
  QueryBooleanSchema,
  RegionCodeSchema,
  TimestampSchema,
} from './common-schemas';

const CASE_STATUSES = ['open', 'suspended', 'closed', 'cancelled'] as const;
const LocalDaySchema = z.iso.date().meta({ example: '2026-03-01' });

export const CaseSearchQuerySchema = PageQuerySchema.extend({
  flowId: FlowIdSchema.optional(),
  flowVersion: FlowVersionSchema.optional(),
  region: RegionCodeSchema.optional().meta({
    description: "Cases in this region or under it; within the token's region",
  }),
  status: z.enum(CASE_STATUSES).optional(),
  stage: CaseStageSchema.optional(),
  department: DepartmentIdSchema.optional().meta({
    description: 'Cases this department has held a step of (now or before: 改派 away, closed)',
  }),
  overdue: QueryBooleanSchema.optional(),
  emergency: QueryBooleanSchema.optional().meta({
    description: 'An emergency is open (true) or not (false)',
  }),
  openedFrom: TimestampSchema.optional(),
  openedTo: TimestampSchema.optional().meta({ description: 'Exclusive' }),
  closedFrom: TimestampSchema.optional(),
  closedTo: TimestampSchema.optional().meta({ description: 'Exclusive' }),
  caseIdPrefix: z.string().min(1).max(128).optional(),
  sort: z.enum(['openedAt', 'closedAt', 'dueAt', 'lastProgressAt']).default('openedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
})
  .refine((query) => endsAfterStart(query.openedFrom, query.openedTo), {
    path: ['openedTo'],
    message: 'must be after openedFrom (it is exclusive)',
  })
  .refine((query) => endsAfterStart(query.closedFrom, query.closedTo), {
    path: ['closedTo'],
    message: 'must be after closedFrom (it is exclusive)',
  });
export type CaseSearchQuery = z.infer<typeof CaseSearchQuerySchema>;

/** Whether an exclusive end comes after its start (or either is open): a reversed range would answer nothing. */
function endsAfterStart(from: string | undefined, to: string | undefined): boolean {
  return from === undefined || to === undefined || Date.parse(from) < Date.parse(to);
}

export const CaseListItemSchema = z
  .object({
    caseId: CaseIdSchema,
    flowId: FlowIdSchema,
    flowVersion: z.number().int().positive(),
    region: RegionCodeSchema,
    status: z.enum(CASE_STATUSES),
    stage: CaseStageSchema,
    priority: z.enum(['normal', 'urgent']),
    emergencyLevel: z.number().int().min(0).max(4),
    createdAt: TimestampSchema,
    closedAt: TimestampSchema.optional(),
    dueAt: TimestampSchema.optional(),
    overdue: z.boolean(),
    lastProgressAt: TimestampSchema,
    waitingOn: z.array(DepartmentIdSchema),
  })
  .meta({ id: 'CaseListItem' });

export const CaseListPageSchema = z
  .object({ items: z.array(CaseListItemSchema), nextPageToken: z.string().optional() })
  .meta({ id: 'CaseListPage', description: 'Sorted as asked; cases without the sorted instant last' });

export const MetricsQuerySchema = z
  .object({
    period: z.enum(['day', 'week', 'month', 'quarter']).default('month'),
    from: LocalDaySchema.meta({ description: 'First local day (in each case calendar zone) counted' }),
    to: LocalDaySchema.meta({ description: 'Last local day counted' }),
    by: z.enum(['none', 'region', 'department', 'flow', 'stage']).default('none'),
    region: RegionCodeSchema.optional().meta({
      description: "Within the token's region (its own by default); by=region groups one level below it",
    }),
    flowId: FlowIdSchema.optional(),
    excludeSuspended: QueryBooleanSchema.default(false).meta({
      description: 'Jinhua variant: suspended (缓办) cases leave the denominator',
    }),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' });
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>;

const rate = z
  .number()
  .nullable()
  .meta({ description: 'Percent, two decimals; null when its denominator is 0' });
const hours = z
  .number()
  .nullable()
  .meta({ description: 'Working hours on the case calendar; null without cases' });

export const MetricsRowSchema = z
  .object({
    period: z.string().meta({ example: '2026-03' }),
    group: z.string().meta({ description: "The region, department, flow or stage; 'all' with by=none" }),
    due: z.number().int().meta({ description: '应结案数' }),
    closed: z.number().int().meta({ description: '结案数' }),
    closedOnTime: z.number().int().meta({ description: '按期结案数' }),
    closureRate: rate.meta({ description: '结案率 = closed / due, percent' }),
    onTimeRate: rate.meta({ description: '按期结案率 = closedOnTime / due, percent' }),
    reworked: z.number().int(),
    reworkRate: rate.meta({ description: '返工率 = reworked / closed, percent' }),
    extended: z.number().int(),
    extensionRate: rate.meta({ description: '延期率 = extended / due, percent' }),
    rated: z.number().int(),
    satisfied: z.number().int(),
    satisfactionRate: rate.meta({
      description: '满意率 = (satisfied + basically satisfied) / rated, percent',
    }),
    handlingHoursMedian: hours,
    handlingHoursP90: hours,
    overdueNow: z.number().int(),
    claimOverdueNow: z.number().int().meta({
      description: 'Of the due cases, those open with a step unclaimed past its claim limit (签收时限) now',
    }),
  })
  .meta({ id: 'MetricsRow' });

export const MetricsSchema = z
  .object({
    period: z.enum(['day', 'week', 'month', 'quarter']),
    by: z.enum(['none', 'region', 'department', 'flow', 'stage']),
    from: LocalDaySchema,
    to: LocalDaySchema,
    region: RegionCodeSchema.optional(),
    excludeSuspended: z.boolean(),
    asOf: TimestampSchema,
    items: z.array(MetricsRowSchema),
  })
  .meta({ id: 'Metrics', description: 'docs/metrics.md defines every figure' });
