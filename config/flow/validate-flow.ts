/**
 * Validates a flow: shape (zod), then the meaning (step graph, directory names, values, CEL), every problem at
 * once and located in the source. `validateFlowSource` serves `POST /v1/flows/validate`, the CLI and the loader.
 */
import { checkDirectoryNames } from './check-directory-names';
import type { ValidationContext } from './check-directory-names';
import { checkExpressions } from './check-expressions';
import { checkOpen311 } from './check-open311';
import { checkStepGraph } from './check-step-graph';
import { checkValues } from './check-values';
import { formatPath } from './flow-problem';
import type { FlowProblem, PathProblem } from './flow-problem';
import { partsOfDocument, salvageParts } from './flow-parts';
import { FlowDocumentSchema } from './flow-schema';
import type { FlowDocument } from './flow-schema';
import { normalizeFlow } from './normalize-flow';
import { shapeProblems } from './shape-problems';
import { readSourceDocument } from './source-document';
import type { Flow } from '../../workflows/engine/flow-model';

export type { ValidationContext } from './check-directory-names';

export type FlowValidation = { valid: true; flow: Flow } | { valid: false; problems: FlowProblem[] };

/** Problems of a parsed document (JSON-like value); `document` is set when its shape is valid. */
export function validateFlowDocument(
  raw: unknown,
  ctx: ValidationContext,
): { document?: FlowDocument; problems: PathProblem[] } {
  const parsed = FlowDocumentSchema.safeParse(raw);
  const parts = parsed.success ? partsOfDocument(parsed.data) : salvageParts(raw);
  const problems = [
    ...(parsed.success ? [] : shapeProblems(parsed.error.issues, raw)),
    ...checkStepGraph(parts),
    ...checkDirectoryNames(parts, ctx),
    ...checkValues(parts),
    ...checkExpressions(parts),
    ...checkOpen311(parts),
  ];
  return parsed.success ? { document: parsed.data, problems } : { problems };
}

/** Validates flow source text and, when valid, normalizes it. */
export function validateFlowSource(
  text: string,
  format: 'yaml' | 'json',
  ctx: ValidationContext,
  file?: string,
): FlowValidation {
  const source = readSourceDocument(text, format);
  const at = file === undefined ? {} : { file };
  if (source.syntaxProblems.length > 0) {
    const problems = source.syntaxProblems.map((p) => ({
      ...at,
      path: '',
      ...(p.position ? { line: p.position.line, column: p.position.column } : {}),
      message: p.message,
    }));
    return { valid: false, problems };
  }
  const { document, problems } = validateFlowDocument(source.value, ctx);
  if (document && problems.length === 0) return { valid: true, flow: normalizeFlow(document) };
  const located = problems.map((problem): FlowProblem => {
    const position = source.locate(problem.path, problem.offset, problem.atKey);
    return {
      ...at,
      path: formatPath(problem.path),
      ...(position ? { line: position.line, column: position.column } : {}),
      message: problem.message,
    };
  });
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { valid: false, problems: located };
}
