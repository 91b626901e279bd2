/** The `migrate` action in the engine: its validator re-plans against the case as it is now; its handler applies. */
import type { CaseState } from '../case/case-state';
import { checkTriggers } from '../case/emergency';
import type { Tx } from '../case/tx';
import { patchCase, record } from '../case/tx';
import { MigrationRefusedError } from './migration-errors';
import type { MigrationPlan } from './migration-model';
import { planMigration, type MigrateAction } from './plan-migration';

/** Throws MigrationRefusedError, naming every step, mapping entry or field that cannot move, unless accepted. */
export function validateMigration(state: CaseState, action: MigrateAction, now: number): void {
  const { plan } = planMigration(state, action, now);
  if (!plan.accepted) throw new MigrationRefusedError(plan.errors);
}

/**
 * Moves the case onto the target version with a `case-migrated` timeline entry, then checks the target's
 * emergency triggers; the caller settles, so the flow runs forward on the new version.
 */
export function migrate(tx: Tx, action: MigrateAction): void {
  const { plan, patch } = planMigration(tx.state, action, tx.now);
  if (patch === undefined) throw new MigrationRefusedError(plan.errors);
  patchCase(tx, patch);
  record(tx, 'case-migrated', describeMigration(plan, action.stepMapping), { actor: action.actor });
  checkTriggers(tx);
}

/** `version 1 → 2; mapping handle → handling; moved handling; retired notify-reporter`, for the timeline. */
function describeMigration(plan: MigrationPlan, mapping: Readonly<Record<string, string>>): string {
  const ids = (decision: string, side: 'from' | 'to') =>
    plan.steps.filter((s) => s.decision === decision).map((s) => s[side] ?? '');
  const parts = [`version ${plan.fromVersion} → ${plan.toVersion}`];
  const pairs = Object.entries(mapping).map(([from, to]) => `${from} → ${to}`);
  if (pairs.length > 0) parts.push(`mapping ${pairs.join(', ')}`);
  const groups: [string, string[]][] = [
    ['moved', ids('move', 'to')],
    ['retired', ids('retire', 'from')],
    ['added', ids('add', 'to')],
    ['skipped', ids('skip', 'to')],
  ];
  for (const [label, list] of groups) if (list.length > 0) parts.push(`${label} ${list.join(', ')}`);
  return parts.join('; ');
}
