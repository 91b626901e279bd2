/** Checks of every CEL expression of a flow: syntax, unknown functions and names the flow does not declare. */
import { checkExpression } from '../../workflows/engine/expressions';
import type { ExpressionScope } from '../../workflows/engine/expressions';
import type { DocumentPath, PathProblem } from './flow-problem';
import type { FlowParts } from './flow-parts';

/** Expression problems of `parts`. */
export function checkExpressions(parts: FlowParts): PathProblem[] {
  const problems: PathProblem[] = [];
  const steps: Record<string, { resultFields?: readonly string[] }> = {};
  for (const { id, step } of parts.steps) {
    if (id === undefined) continue;
    const form = step?.kind === 'task' ? step.form : undefined;
    steps[id] = form ? { resultFields: Object.keys(form) } : {};
  }
  const scope: ExpressionScope = { steps, ...(parts.dataFields ? { dataFields: parts.dataFields } : {}) };
  const check = (source: string, path: DocumentPath, where: string, inner: ExpressionScope = scope) => {
    for (const problem of checkExpression(source, inner)) {
      problems.push({ path, message: `${where}: ${problem.message}`, offset: problem.start });
    }
  };
  for (const { step, path } of parts.steps) {
    if (!step) continue;
    const who = `step '${step.id}'`;
    if (step.when !== undefined) check(step.when, [...path, 'when'], `${who} when`);
    if (step.kind === 'task' && step.rework) {
      const resultFields = Object.keys(step.form ?? {});
      check(step.rework.when, [...path, 'rework', 'when'], `${who} rework.when`, { ...scope, resultFields });
    }
    if (step.kind === 'service') {
      for (const [name, source] of Object.entries(step.call.input ?? {})) {
        check(source, [...path, 'call', 'input', name], `${who} input '${name}'`);
      }
    }
    if (step.kind === 'wait' && step.until !== undefined)
      check(step.until, [...path, 'until'], `${who} until`);
  }
  parts.doc.emergency?.triggers?.forEach((trigger, index) =>
    check(trigger.when, ['emergency', 'triggers', index, 'when'], `emergency trigger ${index + 1}`),
  );
  return problems;
}
