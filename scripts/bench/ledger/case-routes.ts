/**
 * The shapes the ledger benchmark's made-up cases take: each reference flow (flows/) driven once through the pure
 * engine in every grid of the directory, so that steps, titles, stages and departments (属地兜底 included) are
 * the real ones. A route is that closed case's snapshot and the order its steps ran in.
 */
import { buildCaseInput } from '../../../api/cases/build-case-input';
import type { ServiceData } from '../../../config/load-service-data';
import { REFERENCE_CASES } from '../../../test/helpers/reference-cases';
import { ledgerSnapshot, type LedgerSnapshot } from '../../../workflows/engine/case/ledger-snapshot';
import { driveEngineToClosure } from '../harness/drive-engine';

const HOUR = 3_600_000;
const INTAKE = { sub: 'bench-intake', role: 'intake' } as const;

/** Steps that start together (parallel branches), in the order the groups ran. */
export type StepGroups = readonly (readonly string[])[];

export interface CaseRoute {
  readonly flowId: string;
  readonly grid: string;
  /** The case as the engine closed it: every step of the flow, its region chain, calendar and data. */
  readonly closed: LedgerSnapshot;
  /** The steps the case ran (not skipped), grouped by when they started. */
  readonly groups: StepGroups;
  /** Each run step's time limit in milliseconds (a default where the flow sets none). */
  readonly allowanceMs: Readonly<Record<string, number>>;
  /** The whole case's time limit: the flow's, or the sum of its groups' longest limits. */
  readonly caseAllowanceMs: number;
  /** The flow has a 回访 review (feedback from the citizen). */
  readonly review: boolean;
}

/** What a step without its own limit is given: 1 day, as a hotline work order typically is. */
const DEFAULT_ALLOWANCE = 24 * HOUR;

function groupsOf(snapshot: LedgerSnapshot): StepGroups {
  const ran = snapshot.steps.filter((step) => step.status === 'completed' && step.activatedAt !== undefined);
  const starts = [...new Set(ran.map((step) => step.activatedAt!))].sort((a, b) => a - b);
  return starts.map((at) => ran.filter((step) => step.activatedAt === at).map((step) => step.id));
}

function routeOf(flowId: string, grid: string, closed: LedgerSnapshot): CaseRoute {
  const groups = groupsOf(closed);
  const allowanceMs: Record<string, number> = {};
  for (const step of closed.steps) {
    if (step.activatedAt === undefined || step.status !== 'completed') continue;
    const limit = step.dueAt === undefined ? undefined : step.dueAt - step.activatedAt;
    allowanceMs[step.id] = step.kind === 'task' ? (limit ?? DEFAULT_ALLOWANCE) : (limit ?? HOUR / 4);
  }
  const summed = groups.reduce((sum, group) => sum + Math.max(...group.map((id) => allowanceMs[id]!)), 0);
  const caseAllowanceMs = closed.dueAt === undefined ? summed : closed.dueAt - closed.createdAt;
  return { flowId, grid, closed, groups, allowanceMs, caseAllowanceMs, review: closed.review !== undefined };
}

/** Every reference flow in every grid of the directory. */
export function loadCaseRoutes(service: ServiceData): CaseRoute[] {
  const grids = service.directory.regions.filter((region) => region.level === 'grid').map((r) => r.code);
  return Object.entries(REFERENCE_CASES).flatMap(([flowId, reference]) =>
    grids.map((grid) => {
      const input = buildCaseInput(service, { caseId: 'ROUTE', ...reference.fields, region: grid }, INTAKE);
      const { state } = driveEngineToClosure(input, reference.results ?? {});
      return routeOf(flowId, grid, ledgerSnapshot(state));
    }),
  );
}
