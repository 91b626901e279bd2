/**
 * The RFC 9457 problem body every error response carries.
 */
import { z } from 'zod';

export const ProblemIssueSchema = z
  .object({
    path: z
      .string()
      .meta({ description: "Dotted path into the input ('' for the whole)", example: 'data.address' }),
    message: z.string(),
    line: z.number().int().positive().optional(),
    column: z.number().int().positive().optional(),
  })
  .meta({ id: 'ProblemIssue' });

export const ProblemSchema = z
  .object({
    type: z.url().meta({ example: 'https://fullcycle.dev/problems/step-not-active' }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z
      .string()
      .meta({ description: 'The request path', example: '/v1/cases/GZ-1/steps/handle/complete' }),
    errors: z.array(ProblemIssueSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem (application/problem+json)' });
export type Problem = z.infer<typeof ProblemSchema>;
