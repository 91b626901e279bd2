/** Every activity the case worker registers, built over injected clients. */
import { createDepartmentActivities, type DepartmentActivities } from './department-activities';

export interface ActivityDependencies {
  /** Where departmental systems' `tokenEnv` names are looked up. */
  env: Readonly<Record<string, string | undefined>>;
  /** Defaults to Node's global fetch. */
  fetch?: typeof fetch;
}

export type CaseActivities = DepartmentActivities;

/** Creates the activity implementations. */
export function createActivities(deps: ActivityDependencies): CaseActivities {
  return createDepartmentActivities({ fetch: deps.fetch ?? fetch, env: deps.env });
}
