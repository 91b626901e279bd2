/**
 * What a case is started with: everything pinned at start (flow version, profile, calendar, resolved directory
 * entries) plus the intake data. The workflow never resolves anything at run time that is pinned here.
 */
import type { WorkingCalendar } from './calendar-model';
import type { Department, DepartmentalSystem } from './directory-model';
import type { AssigneeSpec, Flow, Level } from './flow-model';

export type Priority = 'normal' | 'urgent';

/** The department that holds an assignee spec for this case's region, as resolved at start. */
export interface ResolvedAssignee {
  readonly department: string;
  readonly role?: string;
  readonly level?: Level;
}

export interface CaseInput {
  readonly caseId: string;
  readonly flow: Flow;
  readonly profile?: string;
  readonly calendar: WorkingCalendar;
  /** Region code of the case (usually a grid). */
  readonly region: string;
  /** The case's region and its ancestors, from the region itself up to the city. */
  readonly regionPath: readonly string[];
  readonly priority: Priority;
  readonly title?: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** Every assignee spec the flow names (steps and escalation rungs), keyed by `assigneeKey(spec)`. */
  readonly assignees: Readonly<Record<string, ResolvedAssignee>>;
  /** Departments named by `assignees`, for their notifyUrl. */
  readonly departments: Readonly<Record<string, Department>>;
  /** Departmental systems the flow's service steps call. */
  readonly systems: Readonly<Record<string, DepartmentalSystem>>;
  /** Who started the case. */
  readonly startedBy?: Actor;
}

export interface Actor {
  readonly sub: string;
  readonly role: 'intake' | 'department' | 'supervisor' | 'designer' | 'admin' | 'system';
  readonly dept?: string;
}

/** The key under which an assignee spec's resolution is pinned: `dept:<id>` or `role:<role>@<level>`. */
export function assigneeKey(spec: AssigneeSpec): string {
  return 'department' in spec ? `dept:${spec.department}` : `role:${spec.role}@${spec.level}`;
}
