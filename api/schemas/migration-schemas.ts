/**
 * Migrating running cases to another version of their flow (docs/migration.md): the request for one case and the
 * plan the API answers (a dry run's, or the one applied), a batch's request and its progress. None carries case
 * data.
 */
import { z } from 'zod';
import { ProblemIssueSchema } from './problem-schemas';
import { FlowIdSchema, RegionCodeSchema, StepIdSchema, TimestampSchema } from './common-schemas';

const VersionSchema = z.number().int().positive();

/** `{ "<step id in the case's version>": "<step id in the target>" }`. */
export const StepMappingSchema = z.record(StepIdSchema, StepIdSchema).meta({
  id: 'StepMapping',
  description: "Step id in the case's version → step id in the target; unmapped steps keep their id",
  example: { handle: 'clean-up' },
});

/** Values merged over the case data before it is checked against the target's fields (`null` removes). */
const MigrationDataSchema = z.record(z.string(), z.unknown()).meta({
  description:
    "Values set in the case data before it is checked against the target's data fields; null removes a field",
});

export const MigrateCaseRequestSchema = z
  .object({
    toVersion: VersionSchema.meta({ description: "The version of the case's flow to move to" }),
    stepMapping: StepMappingSchema.optional(),
    data: MigrationDataSchema.optional(),
    dryRun: z.boolean().optional().meta({ description: 'Answer the plan without touching the case' }),
  })
  .meta({ id: 'MigrateCaseRequest' });
export type MigrateCaseRequest = z.infer<typeof MigrateCaseRequestSchema>;

const DeadlineDecisionSchema = z.enum(['kept', 'recomputed', 'removed', 'at-claim']);

export const StepMigrationSchema = z
  .object({
    from: StepIdSchema.optional().meta({ description: "Its id in the case's version (absent: new)" }),
    to: StepIdSchema.optional().meta({ description: 'Its id in the target (absent: dropped)' }),
    status: z
      .enum(['pending', 'active', 'claimed', 'completed', 'skipped', 'returned', 'cancelled', 'new'])
      .meta({ description: 'Its status before the migration' }),
    decision: z.enum(['move', 'keep', 'retire', 'drop', 'add', 'skip', 'refuse']),
    deadline: DeadlineDecisionSchema.optional(),
    dueAt: TimestampSchema.optional(),
    explanation: z.string(),
  })
  .meta({ id: 'StepMigration' });

export const MigrationPlanSchema = z
  .object({
    caseId: z.string(),
    flowId: FlowIdSchema,
    fromVersion: VersionSchema,
    toVersion: VersionSchema,
    accepted: z.boolean(),
    applied: z.boolean().meta({ description: 'false for a dry run' }),
    steps: z.array(StepMigrationSchema),
    caseDeadline: z
      .object({
        decision: DeadlineDecisionSchema,
        dueAt: TimestampSchema.optional(),
        explanation: z.string(),
      })
      .optional(),
    newAssignees: z.array(z.object({ key: z.string(), department: z.string() })).meta({
      description: 'Assignees the target names that the case had not pinned, resolved for its region',
    }),
    notes: z.array(z.string()),
    errors: z.array(ProblemIssueSchema),
    then: z
      .array(z.object({ type: z.string(), stepId: StepIdSchema.optional(), detail: z.string() }))
      .optional()
      .meta({ description: 'What the flow does at once on the target version (timeline entries)' }),
  })
  .meta({ id: 'MigrationPlan', description: 'Every decision of a migration, explained' });
export type MigrationPlanBody = z.infer<typeof MigrationPlanSchema>;

/** `POST /v1/flows/{flowId}/migrations`: every running case of a version (and region) onto another version. */
export const FlowMigrationRequestSchema = z
  .object({
    fromVersion: VersionSchema.meta({ description: 'The version whose running cases move' }),
    toVersion: VersionSchema.meta({ description: 'The version they move to' }),
    region: RegionCodeSchema.optional().meta({ description: 'Only cases in this region or under it' }),
    stepMapping: StepMappingSchema.optional(),
    data: MigrationDataSchema.optional(),
    dryRun: z.boolean().optional().meta({ description: 'Plan each case without migrating any' }),
  })
  .meta({ id: 'FlowMigrationRequest' });
export type FlowMigrationRequest = z.infer<typeof FlowMigrationRequestSchema>;

export const FlowMigrationParamsSchema = z.object({
  flowId: FlowIdSchema,
  migrationId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Letters, digits and - only'),
});

const CaseMigrationOutcomeSchema = z
  .object({
    caseId: z.string(),
    outcome: z.enum(['migrated', 'planned', 'refused', 'skipped', 'failed']),
    errors: z.array(ProblemIssueSchema).optional().meta({ description: 'refused: every reason, located' }),
    reason: z.string().optional().meta({ description: 'skipped or failed: why' }),
  })
  .meta({ id: 'CaseMigrationOutcome' });

export const FlowMigrationProgressSchema = z
  .object({
    migrationId: z.string(),
    flowId: FlowIdSchema,
    fromVersion: VersionSchema,
    toVersion: VersionSchema,
    region: RegionCodeSchema.optional(),
    dryRun: z.boolean(),
    status: z.enum(['selecting', 'migrating', 'completed']),
    requestedBy: z.string(),
    requestedAt: TimestampSchema,
    selected: z.number().int().min(0).meta({ description: 'Cases selected (0 while selecting)' }),
    done: z.number().int().min(0).meta({ description: 'Cases with an outcome' }),
    counts: z.object({
      migrated: z.number().int().min(0),
      planned: z.number().int().min(0),
      refused: z.number().int().min(0),
      skipped: z.number().int().min(0),
      failed: z.number().int().min(0),
    }),
    cases: z.array(CaseMigrationOutcomeSchema),
  })
  .meta({ id: 'FlowMigrationProgress', description: "A batch migration's progress and each case's outcome" });
