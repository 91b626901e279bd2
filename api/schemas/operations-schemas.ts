/**
 * Bodies of the operational endpoints: liveness and readiness.
 */
import { z } from 'zod';

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;

export const ReadinessSchema = z
  .object({
    status: z.literal('ready'),
    warnings: z.array(z.string()).optional().meta({
      description:
        "What an operator should act on soon, the API still ready: e.g. a calendar's published years end within 60 days (addition)",
    }),
  })
  .meta({ id: 'Readiness', description: 'Temporal is reachable' });
export type Readiness = z.infer<typeof ReadinessSchema>;
