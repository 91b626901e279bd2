/**
 * Request bodies with limits: JSON for every write route, YAML as text for flow validation, and a guard that turns
 * a body of another media type into a 415 problem (parse errors themselves are mapped by the problem handler).
 */
import express from 'express';
import type { RequestHandler } from 'express';
import { BadRequestProblemError, UnsupportedMediaTypeProblemError } from '../problems/http-problem-error';
import { NUL_MESSAGE, unsafeJsonPart } from './unsafe-json-part';

export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'] as const;
export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'] as const;

/**
 * How deep a JSON body may nest: a case's data or a step's result needs a few levels, while a few thousand (20 KB of
 * brackets) exhaust the stack of the code that walks the body (a case start's fingerprint did: a 500).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses JSON bodies up to `limit` (bytes or a size like `100kb`); bigger ones are 413 problems. Bodies nested deeper
 * than MAX_JSON_DEPTH, or with a U+0000 in a name or text, are 400 problems.
 */
export function createJsonBodyParser(limit: string | number = '100kb'): RequestHandler {
  const parse = express.json({ limit, type: [...JSON_MEDIA_TYPES], strict: true });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error !== undefined) {
        next(error);
        return;
      }
      const found = unsafeJsonPart(req.body, MAX_JSON_DEPTH);
      if (found === undefined) next();
      else if (found.problem === 'too-deep') {
        next(new BadRequestProblemError(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`));
      } else {
        next(
          new BadRequestProblemError('The request body contains the character U+0000', {
            slug: 'validation',
            title: 'Invalid request',
            errors: [{ path: found.path.join('.'), message: NUL_MESSAGE }],
          }),
        );
      }
    });
  };
}

/** Reads YAML bodies as text up to `limit`, for the route that validates flows. */
export function createYamlBodyParser(limit: string | number = '1mb'): RequestHandler {
  return express.text({ limit, type: [...YAML_MEDIA_TYPES] });
}

/** Refuses (415) a request whose body is not of one of these media types; requests with no or an empty body pass. */
export function requireMediaType(...types: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const empty = req.headers['content-length'] === '0';
    if (!empty && req.is([...types]) === false) {
      next(new UnsupportedMediaTypeProblemError(`The request body must be one of: ${types.join(', ')}`));
      return;
    }
    next();
  };
}
