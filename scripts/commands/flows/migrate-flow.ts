/**
 * `fullcycle flows migrate <flowId> --to <v>`: moves running cases to another version of their flow through the
 * HTTP API (docs/migration.md), as a designer or admin whose token is in FULLCYCLE_TOKEN. With `--case`, one case
 * (`POST /v1/cases/{caseId}/migrate`); otherwise every running case of `--from` (and `--region`) as a batch
 * (`POST /v1/flows/{flowId}/migrations`), followed until it completes. `--dry-run` plans without migrating.
 */
import type { BatchMigrationProgress, MigrationPlan } from '../../../workflows/engine/migration';
import { apiCaller, expectOk, followBatch, type ProblemBody } from './api-caller';
import { CommandFailedError, EXIT, type CommandContext } from './command-io';

export interface MigrateCommandOptions {
  readonly to: number;
  readonly from?: number;
  readonly region?: string;
  readonly case?: string;
  /** `old=new` step mappings. */
  readonly map: readonly string[];
  readonly dryRun?: boolean;
  /** Base URL of the API (default FULLCYCLE_API_URL, else http://127.0.0.1:3000). */
  readonly api?: string;
  /** Pause between progress reads of a batch, in ms (default 1000). */
  readonly pollMs?: number;
}

/** Runs the command; exit 0 when every case moved (or would), 1 when some were refused or failed. */
export async function migrateFlowCommand(
  flowId: string,
  options: MigrateCommandOptions,
  ctx: CommandContext,
): Promise<number> {
  const call = apiCaller(options.api, ctx, 'a designer or admin');
  const stepMapping = mappingOf(options.map);
  const common = {
    toVersion: options.to,
    ...(Object.keys(stepMapping).length > 0 ? { stepMapping } : {}),
    ...(options.dryRun ? { dryRun: true } : {}),
  };
  if (options.case !== undefined) {
    const { status, body } = await call(
      'POST',
      `/v1/cases/${encodeURIComponent(options.case)}/migrate`,
      common,
    );
    if (status === 422) return printRefusal(ctx, options.case, body as ProblemBody);
    expectOk(status, body);
    printPlan(ctx, body as MigrationPlan);
    return EXIT.ok;
  }
  if (options.from === undefined && options.to === 1) {
    throw new CommandFailedError(
      '--to 1: no version comes before it; name the version whose cases move with --from',
    );
  }
  const fromVersion = options.from ?? options.to - 1;
  const started = await call('POST', `/v1/flows/${encodeURIComponent(flowId)}/migrations`, {
    ...common,
    fromVersion,
    ...(options.region !== undefined ? { region: options.region } : {}),
  });
  expectOk(started.status, started.body);
  const first = started.body as BatchMigrationProgress;
  const what = options.dryRun ? 'dry run' : 'migration';
  ctx.io.out(`${what} ${first.migrationId}: ${flowId} version ${fromVersion} → ${options.to}`);
  const progress = await followBatch<BatchMigrationProgress>(
    call,
    ctx,
    `/v1/flows/${encodeURIComponent(flowId)}/migrations/${first.migrationId}`,
    (body) => body,
    first,
    options.pollMs,
  );
  return printOutcomes(ctx, progress);
}

function mappingOf(pairs: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const [from, to, ...rest] = pair.split('=');
    if (!from || !to || rest.length > 0) throw new CommandFailedError(`--map '${pair}' is not old=new`);
    mapping[from] = to;
  }
  return mapping;
}

function printRefusal(ctx: CommandContext, caseId: string, problem: ProblemBody): number {
  ctx.io.out(`${caseId}: refused`);
  for (const error of problem.errors ?? []) ctx.io.out(`  ${error.path}: ${error.message}`);
  if ((problem.errors ?? []).length === 0) ctx.io.out(`  ${problem.detail ?? problem.title ?? ''}`);
  return EXIT.problems;
}

function printPlan(ctx: CommandContext, plan: MigrationPlan): void {
  const state = plan.applied ? 'migrated' : 'would migrate (dry run)';
  ctx.io.out(`${plan.caseId}: ${state}, version ${plan.fromVersion} → ${plan.toVersion}`);
  for (const step of plan.steps) {
    const ids =
      step.from === step.to ? (step.to ?? '') : `${step.from ?? '(new)'} → ${step.to ?? '(dropped)'}`;
    ctx.io.out(`  ${step.decision.padEnd(7)} ${ids}: ${step.explanation}`);
  }
  for (const note of plan.notes) ctx.io.out(`  note: ${note}`);
}

function printOutcomes(ctx: CommandContext, progress: BatchMigrationProgress): number {
  for (const outcome of progress.cases) {
    const why =
      outcome.outcome === 'refused'
        ? `: ${outcome.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`
        : outcome.outcome === 'skipped' || outcome.outcome === 'failed'
          ? `: ${outcome.reason}`
          : '';
    ctx.io.out(`  ${outcome.caseId} ${outcome.outcome}${why}`);
  }
  const { counts } = progress;
  ctx.io.out(
    `${counts.migrated} migrated, ${counts.planned} planned, ${counts.refused} refused, ${counts.skipped} skipped, ${counts.failed} failed`,
  );
  return counts.refused + counts.failed === 0 ? EXIT.ok : EXIT.problems;
}
