/**
 * Which step of the target version each step of the case's version becomes: the one `stepMapping` names, else the
 * step with the same id, and only ever a step of the same kind in the same section (main or emergency).
 */
import type { FieldError } from '../case/case-errors';
import { allSteps, findStep, isEmergencyStep } from '../case/flow-graph';
import type { Flow, Step } from '../flow-model';

export interface StepPairing {
  /** Step id in the case's version → step id in the target, for every step with a counterpart. */
  readonly pairs: ReadonlyMap<string, string>;
  /** Why a step of the case's version has no counterpart. */
  readonly unpaired: ReadonlyMap<string, string>;
  /** Problems of `stepMapping` itself, at `stepMapping.<id>`. */
  readonly errors: readonly FieldError[];
}

/** `a task step`, `an emergency task step`. */
export function describeStep(flow: Flow, step: Step): string {
  return isEmergencyStep(flow, step.id) ? `an emergency ${step.kind} step` : `a ${step.kind} step`;
}

function sameShape(source: Flow, from: Step, target: Flow, to: Step): boolean {
  return from.kind === to.kind && isEmergencyStep(source, from.id) === isEmergencyStep(target, to.id);
}

/** Pairs the steps of `source` with those of `target` under `mapping`. */
export function pairSteps(
  source: Flow,
  target: Flow,
  mapping: Readonly<Record<string, string>>,
): StepPairing {
  const errors: FieldError[] = [];
  const pairs = new Map<string, string>();
  const unpaired = new Map<string, string>();
  /** Target step id → the step explicitly mapped onto it. */
  const claimed = new Map<string, string>();
  for (const [from, to] of Object.entries(mapping)) {
    const path = `stepMapping.${from}`;
    const fromStep = findStep(source, from);
    const toStep = findStep(target, to);
    const other = claimed.get(to);
    let message: string | undefined;
    if (fromStep === undefined) message = `version ${source.version} has no step '${from}'`;
    else if (toStep === undefined) message = `version ${target.version} has no step '${to}'`;
    else if (!sameShape(source, fromStep, target, toStep)) {
      message = `'${from}' is ${describeStep(source, fromStep)} and '${to}' ${describeStep(target, toStep)}: a step maps only onto one of the same kind`;
    } else if (other !== undefined) message = `'${to}' is already the target of '${other}'`;
    if (message !== undefined) {
      errors.push({ path, message });
      continue;
    }
    claimed.set(to, from);
    pairs.set(from, to);
  }
  for (const step of allSteps(source)) {
    if (Object.hasOwn(mapping, step.id)) {
      if (!pairs.has(step.id)) unpaired.set(step.id, `its stepMapping entry is refused`);
      continue;
    }
    const same = findStep(target, step.id);
    const taker = claimed.get(step.id);
    if (same === undefined) unpaired.set(step.id, `version ${target.version} has no step '${step.id}'`);
    else if (taker !== undefined) {
      unpaired.set(
        step.id,
        `version ${target.version}'s '${step.id}' is the target of stepMapping '${taker}'`,
      );
    } else if (!sameShape(source, step, target, same)) {
      unpaired.set(
        step.id,
        `version ${target.version}'s '${step.id}' is ${describeStep(target, same)}, this is ${describeStep(source, step)}`,
      );
    } else pairs.set(step.id, step.id);
  }
  return { pairs, unpaired, errors };
}
