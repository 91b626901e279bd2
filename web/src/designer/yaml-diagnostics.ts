/** The validation problems of `POST /v1/flows/validate` as CodeMirror diagnostics at their line and column. */
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { ProblemIssue } from '../api/client';

/** One diagnostic per problem; a problem without a line marks the first line. */
export function diagnosticsOf(doc: Text, issues: readonly ProblemIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const line = doc.line(Math.min(Math.max(issue.line ?? 1, 1), doc.lines));
    const from = Math.min(line.from + Math.max((issue.column ?? 1) - 1, 0), line.to);
    const to =
      from === line.to ? line.to : Math.max(from + 1, wordEnd(line.text, from - line.from) + line.from);
    return {
      from,
      to: Math.max(to, from),
      severity: 'error',
      message: issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`,
    };
  });
}

function wordEnd(text: string, start: number): number {
  const match = /^[^\s:,{}[\]]+/.exec(text.slice(start));
  return start + (match?.[0].length ?? 1);
}
