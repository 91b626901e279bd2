/**
 * Migrating running cases to another version of their flow (docs/migration.md): the request for one case, and the
 * plan the API answers (a dry run's, or the one applied). The plan carries no case data.
 */
import { z } from 'zod';
import { ProblemIssueSchema } from './problem-schemas';
import { FlowIdSchema, StepIdSchema, TimestampSchema } from './common-schemas';

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
