/**
 * Request bodies with limits: JSON for every write route, YAML as text for flow validation, and a guard that turns
 * a body of another media type into a 415 problem (parse errors themselves are mapped by the problem handler).
 */
import express from 'express';
import type { RequestHandler } from 'express';
import { UnsupportedMediaTypeProblemError } from '../problems/http-problem-error';

export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'] as const;
export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'] as const;

/** Parses JSON bodies up to `limit` (bytes or a size like `100kb`); bigger ones are 413 problems. */
export function createJsonBodyParser(limit: string | number = '100kb'): RequestHandler {
  return express.json({ limit, type: [...JSON_MEDIA_TYPES], strict: true });
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
