/**
 * Real service data for tests (the shipped directory, calendars and flows) and case inputs built the way the API
 * builds them, from a flow in `flows/` or from YAML written in the test.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { buildCaseInput, type StartCaseFields } from '../../api/cases/build-case-input';
import { validateFlowSource } from '../../config/flow/load-flows';
import { loadServiceData, type ServiceData } from '../../config/load-service-data';
import type { Actor, CaseInput } from '../../workflows/engine/case-input';
import type { Flow } from '../../workflows/engine/flow-model';

const root = path.resolve(__dirname, '..', '..');
let cached: Promise<ServiceData> | undefined;

export const INTAKE: Actor = { sub: 'seat-07', role: 'intake' };

/** The shipped directory, calendars and reference flows, loaded once per test file. */
export function serviceData(): Promise<ServiceData> {
  cached ??= loadServiceData({
    flowsDir: path.join(root, 'flows'),
    directoryPath: path.join(root, 'config', 'directory.yaml'),
    calendarsDir: path.join(root, 'config', 'calendars'),
  });
  return cached;
}

/** Validates a flow written in the test against the shipped directory and calendars. */
export async function flowFromYaml(yaml: string): Promise<Flow> {
  const data = await serviceData();
  const result = validateFlowSource(yaml, 'yaml', data.validation, 'test-flow.yaml');
  if (!result.valid) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.flow;
}

/** A unique case id for one test. */
export function uniqueCaseId(prefix = 'T'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Builds a case input as the API would, for a flow of the catalog or one given directly. */
export async function caseInputFor(
  fields: Omit<StartCaseFields, 'caseId'> & { caseId?: string },
  flow?: Flow,
): Promise<CaseInput> {
  const data = await serviceData();
  const flows = flow ? { get: () => flow } : data.flows;
  return buildCaseInput({ ...data, flows }, { caseId: uniqueCaseId(), ...fields }, INTAKE);
}
