/** HTTP problems (RFC 9457): the error family routers throw and the one middleware that answers with them. */
export * from './http-problem-error';
export { PROBLEM_CONTENT_TYPE, problemTypeUri, toProblemDocument } from './problem-document';
export type { ProblemDocument } from './problem-document';
export { createClientErrorHandler } from './client-error-handler';
export { createProblemHandler, notFoundHandler, sendProblem, toHttpProblem } from './problem-handler';
export type { ProblemHandlerOptions } from './problem-handler';
export { zodIssues } from './request-problems';
export { isActionNotDelivered, isTemporalUnreachable } from './temporal-problems';
