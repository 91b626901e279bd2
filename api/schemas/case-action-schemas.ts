/**
 * Bodies of what supervisors do with a case (emergency, 催办, 改派, suspend, resume, cancel, corrections of its
 * data or priority) and of the intake seat's follow-up visit (回访).
 */
import { z } from 'zod';
import { PrioritySchema } from './case-schemas';
import { DepartmentIdSchema, StepIdSchema } from './common-schemas';

const ReasonSchema = z.string().min(1).max(2000);
const NoteSchema = z.string().max(2000);

/** 0 closes the emergency; 1 (most severe) to 4 open or re-grade it. */
const EMERGENCY_LEVELS = [0, 1, 2, 3, 4] as const;
const isEmergencyLevel = (level: unknown): level is (typeof EMERGENCY_LEVELS)[number] =>
  EMERGENCY_LEVELS.some((known) => known === level);

export const EmergencyRequestSchema = z
  .object({
    level: z
      .number()
      .int()
      .min(0)
      .max(4)
      .pipe(z.custom(isEmergencyLevel))
      .meta({ description: '1 (most severe) to 4 opens or re-grades; 0 closes' }),
    reason: ReasonSchema,
  })
  .meta({ id: 'EmergencyRequest' });
export type EmergencyRequest = z.infer<typeof EmergencyRequestSchema>;

export const UrgeRequestSchema = z
  .object({ stepId: StepIdSchema, note: NoteSchema.optional() })
  .meta({ id: 'UrgeRequest' });
export type UrgeRequest = z.infer<typeof UrgeRequestSchema>;

export const ReassignRequestSchema = z
  .object({ stepId: StepIdSchema, department: DepartmentIdSchema, reason: ReasonSchema })
  .meta({ id: 'ReassignRequest' });
export type ReassignRequest = z.infer<typeof ReassignRequestSchema>;

export const SuspendRequestSchema = z.object({ reason: ReasonSchema }).meta({ id: 'SuspendRequest' });
export type SuspendRequest = z.infer<typeof SuspendRequestSchema>;

export const ResumeRequestSchema = z.object({ reason: ReasonSchema }).meta({ id: 'ResumeRequest' });
export type ResumeRequest = z.infer<typeof ResumeRequestSchema>;

export const CancelRequestSchema = z.object({ reason: ReasonSchema }).meta({ id: 'CancelRequest' });
export type CancelRequest = z.infer<typeof CancelRequestSchema>;

export const FeedbackRequestSchema = z
  .object({
    satisfaction: z.enum(['satisfied', 'basically-satisfied', 'unsatisfied']),
    resolved: z.boolean(),
    fault: z.enum(['department', 'other']).optional(),
    comment: z.string().max(4000).optional(),
  })
  .meta({ id: 'FeedbackRequest' });
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

export const UpdateCaseDataRequestSchema = z
  .object({
    data: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: "Fields of the flow's data to set; fields not named keep their values" }),
    priority: PrioritySchema.optional(),
    reason: ReasonSchema,
  })
  .refine((body) => body.data !== undefined || body.priority !== undefined, {
    message: 'name data or priority to change',
  })
  .meta({ id: 'UpdateCaseDataRequest' });
export type UpdateCaseDataRequest = z.infer<typeof UpdateCaseDataRequestSchema>;
