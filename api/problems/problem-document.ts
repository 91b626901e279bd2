/**
 * The RFC 9457 body written for every error: `type` is a stable URI per kind of problem.
 */
import type { HttpProblemError, ProblemIssue } from './http-problem-error';

export const PROBLEM_TYPE_BASE = 'https://fullcycle.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly errors?: readonly ProblemIssue[];
}

/** The type URI of a problem slug: `step-not-active` -> `https://fullcycle.dev/problems/step-not-active`. */
export function problemTypeUri(slug: string): string {
  return `${PROBLEM_TYPE_BASE}${slug}`;
}

/** The body for a problem raised while serving `instance` (the request path, without its query). */
export function toProblemDocument(problem: HttpProblemError, instance: string): ProblemDocument {
  return {
    type: problemTypeUri(problem.slug),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance,
    ...(problem.errors === undefined ? {} : { errors: problem.errors }),
  };
}
