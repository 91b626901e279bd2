/**
 * Bodies of what a department does with its step: claim (签收), complete, return (退单), ask for an extension
 * (延期) or for parking (挂账), and the supervisor's decision on such a request or retry of an incident.
 */
import { z } from 'zod';
import { DepartmentIdSchema, StepIdSchema, TimestampSchema } from './common-schemas';

const NoteSchema = z.string().max(2000);

/** 签收 takes no fields; an empty body or `{}` is fine. */
export const ClaimStepRequestSchema = z.object({}).meta({ id: 'ClaimStepRequest' });
export type ClaimStepRequest = z.infer<typeof ClaimStepRequestSchema>;

export const CompleteStepRequestSchema = z
  .object({ result: z.record(z.string(), z.unknown()).meta({ description: "Values for the step's form" }) })
  .meta({ id: 'CompleteStepRequest' });
export type CompleteStepRequest = z.infer<typeof CompleteStepRequestSchema>;

export const ReturnReasonSchema = z.enum(['wrong-area', 'unclear-ownership', 'overlapping-remit', 'other']);

export const ReturnStepRequestSchema = z
  .object({ reason: ReturnReasonSchema, note: NoteSchema.optional() })
  .meta({ id: 'ReturnStepRequest' });
export type ReturnStepRequest = z.infer<typeof ReturnStepRequestSchema>;

export const ExtensionRequestSchema = z
  .object({ until: TimestampSchema, reason: z.string().min(1).max(2000) })
  .meta({ id: 'ExtensionRequest' });
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;

export const ExtensionDecisionRequestSchema = z
  .object({ approve: z.boolean(), note: NoteSchema.optional() })
  .meta({ id: 'ExtensionDecisionRequest' });
export type ExtensionDecisionRequest = z.infer<typeof ExtensionDecisionRequestSchema>;

/** Retrying an incident takes no fields; an empty body or `{}` is fine. */
export const RetryStepRequestSchema = z.object({}).meta({ id: 'RetryStepRequest' });
export type RetryStepRequest = z.infer<typeof RetryStepRequestSchema>;

export const ParkRequestSchema = z
  .object({ reason: z.string().min(1).max(2000) })
  .meta({ id: 'ParkRequest', description: '挂账: the step waits long-term, excluded from on-time metrics' });
export type ParkRequest = z.infer<typeof ParkRequestSchema>;

export const ParkDecisionRequestSchema = z
  .object({ approve: z.boolean(), note: NoteSchema.optional() })
  .meta({ id: 'ParkDecisionRequest' });
export type ParkDecisionRequest = z.infer<typeof ParkDecisionRequestSchema>;

export const ReworkDecisionRequestSchema = z
  .object({
    decision: z.enum(['another-round', 'close-unresolved', 'reassign']).meta({
      description:
        'another-round: one more rework round; close-unresolved: close the case as unresolved; reassign: one more round taken by another department',
    }),
    department: DepartmentIdSchema.optional().meta({
      description: 'reassign only: the department taking the round',
    }),
    reassignStepId: StepIdSchema.optional().meta({
      description: "reassign only: the step of the rework round it takes (default the rework's goto)",
    }),
    note: NoteSchema.optional(),
  })
  .meta({
    id: 'ReworkDecisionRequest',
    description:
      "The supervisor's decision on a rework past its max (the flow's rework says onExceeded: decide)",
  });
export type ReworkDecisionRequest = z.infer<typeof ReworkDecisionRequestSchema>;
