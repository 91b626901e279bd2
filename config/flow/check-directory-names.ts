/** Checks of the names a flow takes from the directory and the calendars: departments, roles, systems, calendar. */
import type { Directory } from '../../workflows/engine/directory-model';
import type { DocumentPath, PathProblem } from './flow-problem';
import type { FlowParts } from './flow-parts';

/** What a flow is validated against. */
export interface ValidationContext {
  readonly directory: Directory;
  /** Names of the configured calendars. */
  readonly calendars: ReadonlySet<string>;
}

/** The calendar a flow uses when it names none. */
export const DEFAULT_CALENDAR = 'cn-mainland';

type AssigneeLike = { department: string } | { role: string; level: string };

/** Directory and calendar problems of `parts`. */
export function checkDirectoryNames(parts: FlowParts, ctx: ValidationContext): PathProblem[] {
  const problems: PathProblem[] = [];
  const departments = new Set(ctx.directory.departments.map((d) => d.id));
  const roles = new Set(ctx.directory.departments.flatMap((d) => d.roles));
  const systems = new Set(ctx.directory.systems.map((s) => s.id));
  const checkAssignee = (assignee: AssigneeLike | undefined, path: DocumentPath, who: string) => {
    if (assignee === undefined) return;
    if ('department' in assignee && !departments.has(assignee.department)) {
      problems.push({
        path: [...path, 'department'],
        message: `${who}: unknown department '${assignee.department}'`,
      });
    }
    if ('role' in assignee && !roles.has(assignee.role)) {
      problems.push({
        path: [...path, 'role'],
        message: `${who}: no department in the directory holds role '${assignee.role}'`,
      });
    }
  };
  for (const { step, path } of parts.steps) {
    if (!step) continue;
    const who = `step '${step.id}'`;
    if (step.kind === 'task' || step.kind === 'notify')
      checkAssignee(step.assignee, [...path, 'assignee'], who);
    if (step.kind === 'task') {
      step.escalation?.forEach((rung, index) =>
        checkAssignee(rung.to, [...path, 'escalation', index, 'to'], who),
      );
      step.claimEscalation?.forEach((rung, index) =>
        checkAssignee(rung.to, [...path, 'claimEscalation', index, 'to'], who),
      );
    }
    if (step.kind === 'service' && !systems.has(step.call.system)) {
      problems.push({
        path: [...path, 'call', 'system'],
        message: `${who} calls unknown system '${step.call.system}'`,
      });
    }
  }
  checkCalendar(parts, ctx, problems);
  return problems;
}

function checkCalendar(parts: FlowParts, ctx: ValidationContext, problems: PathProblem[]): void {
  const named = parts.doc.calendar;
  const calendar = named ?? DEFAULT_CALENDAR;
  if (ctx.calendars.has(calendar)) return;
  const known = [...ctx.calendars].sort().join(', ') || 'none';
  problems.push(
    named === undefined
      ? {
          path: [],
          message: `the default calendar '${calendar}' is not configured (known: ${known}); set calendar`,
        }
      : { path: ['calendar'], message: `unknown calendar '${calendar}' (known: ${known})` },
  );
}
