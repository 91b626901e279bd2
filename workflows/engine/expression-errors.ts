/** Typed errors of the expression module; `name` equals the class name so it survives Temporal failures. */

/** Thrown when a CEL expression does not parse. */
export class ExpressionSyntaxError extends Error {
  override readonly name = 'ExpressionSyntaxError';
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`expression '${source}' does not parse: ${detail}`);
  }
}

/** Thrown when evaluating a CEL expression fails, e.g. on a missing field or an operator without an overload. */
export class ExpressionEvaluationError extends Error {
  override readonly name = 'ExpressionEvaluationError';
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`expression '${source}' failed: ${detail}`);
  }
}

/** Thrown when a condition evaluates to something other than a boolean. */
export class ExpressionTypeError extends Error {
  override readonly name = 'ExpressionTypeError';
  constructor(
    readonly source: string,
    readonly actualType: string,
  ) {
    super(`condition '${source}' must return a boolean, got ${actualType}`);
  }
}
