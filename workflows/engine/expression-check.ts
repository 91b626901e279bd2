/**
 * Static checks of a CEL expression for flow validation: syntax, type-checker errors such as unknown functions,
 * and names that the flow does not declare (`case.data.x`, `steps.y`, `steps.y.result.z`, `result.z`).
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { celEnvironment, parseCached } from './expression-environment';

/** What an expression may name where it appears. */
export interface ExpressionScope {
  /** Field names of the flow's `data`; undefined: `case.data.<x>` is not checked. */
  readonly dataFields?: readonly string[];
  /** Known step ids; `resultFields` set (a task's form) makes `steps.<id>.result.<z>` checked against it. */
  readonly steps: Readonly<Record<string, { readonly resultFields?: readonly string[] }>>;
  /** Set inside `rework` only: the form fields `result.<z>` may name. */
  readonly resultFields?: readonly string[];
}

/** One problem in an expression; `start`/`end` are offsets into its source. */
export interface ExpressionProblem {
  readonly code: 'syntax' | 'unknown-name' | 'type';
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

const CASE_FIELDS = ['id', 'region', 'priority', 'emergencyLevel', 'profile', 'data'];
const STEP_FIELDS = ['status', 'result'];
const MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

interface Segment {
  readonly name: string;
  /** Offsets of the segment's name (or quoted index) in the source. */
  readonly start: number;
  readonly end: number;
}
interface AccessPath {
  readonly root: ASTNode & { op: 'id' };
  readonly segments: readonly Segment[];
}

/** Returns the parse error, type errors and unknown names of `source` in `scope`; empty when it is fine. */
export function checkExpression(source: string, scope: ExpressionScope): ExpressionProblem[] {
  let ast: ASTNode;
  try {
    ast = parseCached(source).ast;
  } catch (error) {
    return [{ code: 'syntax', message: `does not parse: ${summary(error)}`, ...range(error, source) }];
  }
  const problems: ExpressionProblem[] = [];
  walk(ast, new Set(), scope, problems);
  if (problems.length === 0) {
    const typed = celEnvironment.check(source);
    if (!typed.valid && typed.error) {
      problems.push({ code: 'type', message: summary(typed.error), ...range(typed.error, source) });
    }
  }
  return problems;
}

function summary(error: unknown): string {
  const e = error as { summary?: unknown; message?: unknown };
  return String(e.summary ?? e.message ?? error);
}

function range(error: unknown, source: string): { start: number; end: number } {
  const r = (error as { range?: { start: number; end: number } }).range;
  return r ? { start: r.start, end: r.end } : { start: 0, end: source.length };
}

function walk(
  node: ASTNode,
  bound: ReadonlySet<string>,
  scope: ExpressionScope,
  out: ExpressionProblem[],
): void {
  const path = accessPath(node);
  if (path) {
    checkPath(path, bound, scope, out);
    return;
  }
  switch (node.op) {
    case 'value':
      return;
    case 'id':
      checkPath({ root: node, segments: [] }, bound, scope, out);
      return;
    case 'call':
      for (const arg of node.args[1]) walk(arg, bound, scope, out);
      return;
    case 'rcall':
      walkReceiverCall(node, bound, scope, out);
      return;
    case 'map':
      for (const [key, value] of node.args) {
        walk(key, bound, scope, out);
        walk(value, bound, scope, out);
      }
      return;
    case '.':
    case '.?':
      walk(node.args[0], bound, scope, out);
      return;
    default:
      for (const child of childrenOf(node)) walk(child, bound, scope, out);
  }
}

function childrenOf(node: ASTNode): ASTNode[] {
  const args: unknown = node.args;
  if (Array.isArray(args)) return args.filter(isNode);
  return isNode(args) ? [args] : [];
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'op' in value;
}

function walkReceiverCall(
  node: ASTNode & { op: 'rcall' },
  bound: ReadonlySet<string>,
  scope: ExpressionScope,
  out: ExpressionProblem[],
): void {
  const [name, receiver, args] = node.args;
  const isCelBind = name === 'bind' && receiver.op === 'id' && receiver.args === 'cel';
  if (!isCelBind) walk(receiver, bound, scope, out);
  const first = args[0];
  if ((MACROS.has(name) || isCelBind) && first?.op === 'id') {
    const inner = new Set(bound).add(first.args);
    let rest = args.slice(1);
    const second = args[1];
    if (name !== 'map' && !isCelBind && args.length === 3 && second?.op === 'id') {
      inner.add(second.args);
      rest = args.slice(2);
    }
    if (isCelBind && rest[0]) {
      walk(rest[0], bound, scope, out);
      rest = rest.slice(1);
    }
    for (const arg of rest) walk(arg, inner, scope, out);
    return;
  }
  for (const arg of args) walk(arg, bound, scope, out);
}

/** `a.b["c"].?d` as a root id and literal segments; undefined when some index is computed. */
function accessPath(node: ASTNode): AccessPath | undefined {
  const segments: Segment[] = [];
  let current: ASTNode = node;
  for (;;) {
    if (current.op === '.' || current.op === '.?') {
      const { end } = current.range;
      segments.unshift({ name: current.args[1], start: end - current.args[1].length, end });
      current = current.args[0];
    } else if ((current.op === '[]' || current.op === '[?]') && current.args[1].op === 'value') {
      const key = current.args[1].args;
      if (typeof key !== 'string') return undefined;
      segments.unshift({ name: key, ...current.args[1].range });
      current = current.args[0];
    } else if (current.op === 'id') {
      return segments.length > 0 ? { root: current, segments } : undefined;
    } else {
      return undefined;
    }
  }
}

function checkPath(
  path: AccessPath,
  bound: ReadonlySet<string>,
  scope: ExpressionScope,
  out: ExpressionProblem[],
) {
  const root = path.root.args;
  if (bound.has(root)) return;
  const [first, second, third] = path.segments;
  const report = (at: { start: number; end: number }, message: string) =>
    out.push({ code: 'unknown-name', message, start: at.start, end: at.end });
  if (root === 'case') {
    if (first && !CASE_FIELDS.includes(first.name)) report(first, `unknown field 'case.${first.name}'`);
    if (first?.name === 'data' && second && scope.dataFields && !scope.dataFields.includes(second.name)) {
      report(
        second,
        `unknown data field '${second.name}' (case.data.${second.name} is not declared in data)`,
      );
    }
  } else if (root === 'steps') {
    if (!first) return;
    const step = scope.steps[first.name];
    if (!step) return report(first, `unknown step '${first.name}'`);
    if (second && !STEP_FIELDS.includes(second.name)) {
      report(second, `unknown field '${second.name}' of steps.${first.name} (use status or result)`);
    }
    if (second?.name === 'result' && third && step.resultFields && !step.resultFields.includes(third.name)) {
      report(third, `step '${first.name}' has no form field '${third.name}'`);
    }
  } else if (root === 'result') {
    if (!scope.resultFields) return report(path.root.range, `'result' is only available inside rework`);
    if (first && !scope.resultFields.includes(first.name))
      report(first, `the form has no field '${first.name}'`);
  } else {
    report(path.root.range, `unknown name '${root}' (use case, steps or result)`);
  }
}
