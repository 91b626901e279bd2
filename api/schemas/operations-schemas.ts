/**
 * Bodies of the operational endpoints: liveness and readiness.
 */
import { z } from 'zod';

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;

export const ReadinessSchema = z
  .object({ status: z.literal('ready') })
  .meta({ id: 'Readiness', description: 'Temporal is reachable' });
export type Readiness = z.infer<typeof ReadinessSchema>;
