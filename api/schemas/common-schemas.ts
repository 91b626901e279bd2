/**
 * Building blocks shared by the contract's schemas: timestamps, stages, ids, paging. Schemas that appear in the
 * OpenAPI document under their own name carry `meta({ id })`, which zod-to-openapi turns into a `$ref`.
 */
import { z } from 'zod';
import { LEVELS, STAGES } from '../../workflows/engine/flow-model';
import { ROLES } from '../auth/actor';
import { decimalIntegerParam } from './decimal-text';

/** RFC 3339 with an offset: `2026-03-02T09:30:00+08:00`. */
export const TimestampSchema = z.iso
  .datetime({ offset: true })
  .meta({ example: '2026-03-02T09:30:00+08:00' });

/** ISO 8601 duration of days and clock time: `PT2H`, `P3D`, `P1DT12H`. */
export const IsoDurationSchema = z
  .string()
  .regex(
    /^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/,
    'Expected an ISO 8601 duration such as PT2H or P3D',
  )
  .meta({ example: 'P3D' });

export const LocalizedTextSchema = z
  .object({ zh: z.string().optional(), en: z.string().optional() })
  .meta({ id: 'LocalizedText', description: 'A text in Chinese and/or English' });

export const StageSchema = z.enum(STAGES).meta({ id: 'Stage' });
export const CaseStageSchema = z.enum([...STAGES, 'closed']).meta({ id: 'CaseStage' });
export const LevelSchema = z.enum(LEVELS).meta({ id: 'Level' });
export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });

const IdSchema = z.string().min(1).max(128);
export const CaseIdSchema = IdSchema.regex(
  /^[A-Za-z0-9][A-Za-z0-9._:-]*$/,
  'Letters, digits and . _ : - only',
).meta({
  example: 'GZ-2026-000123',
});
export const StepIdSchema = IdSchema.meta({ example: 'handle' });
export const FlowIdSchema = IdSchema.meta({ example: 'urban.exposed-garbage' });
export const DepartmentIdSchema = IdSchema.meta({ example: 'yuexiu-sanitation' });
export const RegionCodeSchema = z.string().min(1).max(32).meta({ example: '440104001001001' });
export const FlowVersionSchema = decimalIntegerParam({ min: 1 });

/** Who did something, as the timeline shows it (`system` for the engine itself). */
export const ActorRefSchema = z
  .object({ sub: z.string(), role: z.enum([...ROLES, 'system']), dept: z.string().optional() })
  .meta({ id: 'ActorRef' });

/** `pageSize` (default 50, at most 500) and the opaque `pageToken` of the previous page's `nextPageToken`. */
export const PageQuerySchema = z.object({
  pageSize: decimalIntegerParam({ min: 1, max: 500 }).default(50),
  pageToken: z.string().min(1).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** A list response: `{ items, nextPageToken? }`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextPageToken: z.string().optional() });
}

/** A query flag written `true` or `false`. */
export const QueryBooleanSchema = z.enum(['true', 'false']).transform((flag) => flag === 'true');

export const CaseParamsSchema = z.object({ caseId: CaseIdSchema });
export const StepParamsSchema = z.object({ caseId: CaseIdSchema, stepId: StepIdSchema });

/** `Idempotency-Key`: the same key again gives the same answer and one effect. */
export const IdempotencyKeyHeadersSchema = z.object({ 'idempotency-key': z.string().min(1).max(200) });

/** An `Idempotency-Key` the route takes but does not require. */
export const OptionalIdempotencyKeyHeadersSchema = IdempotencyKeyHeadersSchema.partial();
