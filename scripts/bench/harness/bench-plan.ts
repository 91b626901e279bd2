/**
 * The benchmark's case: `bench.eight-tasks` (scripts/bench/flows, loaded and validated by the normal flow
 * loader against the shipped directory and calendars), in a 越秀区 grid, and the same tasks, level by level, with
 * the departments the directory resolves, for the raw baseline.
 */
import path from 'node:path';
import { buildCaseInput } from '../../../api/cases/build-case-input';
import { loadConfig } from '../../../config/load-config';
import { loadServiceData, type ServiceData } from '../../../config/load-service-data';
import { PROJECT_ROOT } from '../../../config/project-root';
import { assigneeKey } from '../../../workflows/engine/case-input';
import type { Flow, Step } from '../../../workflows/engine/flow-model';

export const BENCH_FLOWS_DIR = path.join(PROJECT_ROOT, 'scripts', 'bench', 'flows');
export const BENCH_FLOW_ID = 'bench.eight-tasks';
/** 大塘社区第1网格, 越秀区: every task resolves to a 越秀区 department. */
export const BENCH_REGION = '440104001001001';
export const BENCH_INTAKE = { sub: 'bench-intake-gateway', role: 'intake', region: '440104' } as const;
/** What every task is completed with (the bench flow's forms all ask for `done`). */
export const BENCH_RESULT = { done: true } as const;

export interface PlannedTask {
  readonly id: string;
  readonly department: string;
}

export interface BenchPlan {
  readonly service: ServiceData;
  readonly flow: Flow;
  /** The tasks by level: every task of a level runs in parallel once the level before is done. */
  readonly levels: readonly (readonly PlannedTask[])[];
}

/** Loads the shipped directory and calendars with the bench flow, and plans its levels. */
export async function loadBenchPlan(): Promise<BenchPlan> {
  const { data } = loadConfig({}, 'cli');
  const service = await loadServiceData({ ...data, flowsDir: BENCH_FLOWS_DIR });
  const flow = service.flows.get(BENCH_FLOW_ID);
  if (flow === undefined) throw new Error(`${BENCH_FLOWS_DIR} has no flow ${BENCH_FLOW_ID}`);
  const input = buildCaseInput(
    service,
    { caseId: 'PLAN', flowId: BENCH_FLOW_ID, region: BENCH_REGION, data: {} },
    BENCH_INTAKE,
  );
  const depth = new Map<string, number>();
  const depthOf = (step: Step): number => {
    const known = depth.get(step.id);
    if (known !== undefined) return known;
    const before = step.after.map((id) => depthOf(flow.steps.find((other) => other.id === id)!));
    const level = before.length === 0 ? 0 : Math.max(...before) + 1;
    depth.set(step.id, level);
    return level;
  };
  const levels: PlannedTask[][] = [];
  for (const step of flow.steps) {
    if (step.kind !== 'task') throw new Error(`${BENCH_FLOW_ID}: step ${step.id} is not a task`);
    const department = input.assignees[assigneeKey(step.assignee)]!.department;
    (levels[depthOf(step)] ??= []).push({ id: step.id, department });
  }
  return { service, flow, levels };
}
