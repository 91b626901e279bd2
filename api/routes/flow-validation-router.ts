/**
 * `POST /v1/flows/validate`: a flow sent as JSON or YAML, read as text so that every problem is located by path,
 * line and column in what the designer sent. 200 `{ valid: true }` or a 422 problem listing every problem.
 */
import { Router } from 'express';
import { requireRole } from '../auth';
import { flowTextOf, readFlowText, validFlow } from './flow-text';
import type { RouteDependencies } from './route-context';

/** The validation route; mount it before any JSON body parser (it reads JSON as text itself). */
export function createFlowValidationRouter(deps: RouteDependencies, bodyLimit: string): Router {
  const router = Router();
  router.post(
    '/v1/flows/validate',
    requireRole('designer', 'admin'),
    ...readFlowText(bodyLimit),
    (req, res) => {
      validFlow(flowTextOf(req), deps.service.validation);
      res.json({ valid: true });
    },
  );
  return router;
}
