/**
 * A flow sent as text, JSON or YAML, for `POST /v1/flows/validate` and `POST /v1/flows`: read as text (within the
 * body limit) so that every problem is located by path, line and column in what the designer sent, and validated
 * exactly as the API's start-up and `fullcycle flows validate` do.
 */
import express, { type Request, type RequestHandler } from 'express';
import { validateFlowSource, type ValidationContext } from '../../config/flow/load-flows';
import type { Flow } from '../../workflows/engine/flow-model';
import { JSON_MEDIA_TYPES, requireMediaType, YAML_MEDIA_TYPES } from '../limits';
import { BadRequestProblemError, UnprocessableProblemError } from '../problems';

const MEDIA_TYPES = [...JSON_MEDIA_TYPES, ...YAML_MEDIA_TYPES];

/** A flow's text as sent, and how it is written. */
export interface FlowText {
  readonly text: string;
  readonly format: 'yaml' | 'json';
}

/** The media type check and the text body parser; mount before any JSON body parser. */
export function readFlowText(bodyLimit: string): RequestHandler[] {
  return [requireMediaType(...MEDIA_TYPES), express.text({ type: MEDIA_TYPES, limit: bodyLimit })];
}

/** The flow the request sends; 400 when it sends none. */
export function flowTextOf(req: Request): FlowText {
  const text = typeof req.body === 'string' ? req.body : '';
  if (text.trim() === '') throw new BadRequestProblemError('Send the flow in the request body');
  return { text, format: req.is([...YAML_MEDIA_TYPES]) ? 'yaml' : 'json' };
}

/** The flow, normalized; a 422 problem listing every problem (path, line, column), or a 400 when too deep to read. */
export function validFlow({ text, format }: FlowText, ctx: ValidationContext): Flow {
  const result = validateOrRefuse(() => validateFlowSource(text, format, ctx));
  if (result.valid) return result.flow;
  const errors = result.problems.map(({ file: _file, ...problem }) => problem);
  throw new UnprocessableProblemError(`The flow has ${errors.length} problem(s)`, errors, {
    slug: 'flow-invalid',
    title: 'Invalid flow',
  });
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
