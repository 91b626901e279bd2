/**
 * `POST /v1/flows/validate`: a flow sent as JSON or YAML, read as text so that every problem is located by path,
 * line and column in what the designer sent. 200 `{ valid: true }` or a 422 problem listing every problem.
 */
import express, { Router, type Request } from 'express';
import { validateFlowSource } from '../../config/flow/load-flows';
import { requireRole } from '../auth';
import { JSON_MEDIA_TYPES, requireMediaType, YAML_MEDIA_TYPES } from '../limits';
import { BadRequestProblemError, UnprocessableProblemError } from '../problems';
import type { RouteDependencies } from './route-context';

const MEDIA_TYPES = [...JSON_MEDIA_TYPES, ...YAML_MEDIA_TYPES];

/** The validation route; mount it before any JSON body parser (it reads JSON as text itself). */
export function createFlowValidationRouter(deps: RouteDependencies, bodyLimit: string): Router {
  const router = Router();
  router.post(
    '/v1/flows/validate',
    requireRole('designer', 'admin'),
    requireMediaType(...MEDIA_TYPES),
    express.text({ type: MEDIA_TYPES, limit: bodyLimit }),
    (req, res) => {
      const text = typeof req.body === 'string' ? req.body : '';
      if (text.trim() === '') throw new BadRequestProblemError('Send the flow in the request body');
      const result = validateOrRefuse(() => validateFlowSource(text, formatOf(req), deps.service.validation));
      if (result.valid) {
        res.json({ valid: true });
        return;
      }
      const errors = result.problems.map(({ file: _file, ...problem }) => problem);
      throw new UnprocessableProblemError(`The flow has ${errors.length} problem(s)`, errors, {
        slug: 'flow-invalid',
        title: 'Invalid flow',
      });
    },
  );
  return router;
}

function formatOf(req: Request): 'yaml' | 'json' {
  return req.is([...YAML_MEDIA_TYPES]) ? 'yaml' : 'json';
}

/** Runs the validation; a text nested deeply enough to exhaust the parser's stack is a 400, not a 500. */
function validateOrRefuse<T>(validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new BadRequestProblemError('The flow is nested too deeply to read', { slug: 'bad-request' });
    }
    throw error;
  }
}
