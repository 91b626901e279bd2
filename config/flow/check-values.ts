/** Checks of single values: durations, fields (enum values, personal and public), escalation rungs, wait steps. */
import { durationOrder, durationSites, parseDurationText } from './flow-durations';
import type { DurationSpec } from '../../workflows/engine/flow-model';
import type { DocumentPath, PathProblem } from './flow-problem';
import type { FlowParts } from './flow-parts';
import type { FieldMapDocumentSchema } from './flow-schema';
import type { z } from 'zod';

/** Value problems of `parts`. */
export function checkValues(parts: FlowParts): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const site of durationSites(parts)) {
    try {
      const spec = parseDurationText(site.text);
      const zero = spec.days === 0 && spec.millis === 0;
      if (site.rule === 'positive' && (spec.negative || zero)) {
        problems.push({ path: site.path, message: `duration '${site.text}' must be greater than zero` });
      } else if (site.rule === 'non-negative' && spec.negative) {
        problems.push({ path: site.path, message: `duration '${site.text}' must not be negative` });
      }
    } catch (error) {
      problems.push({ path: site.path, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (parts.doc.data) checkFields(parts.doc.data, ['data'], problems, 'data');
  for (const { step, path } of parts.steps) {
    if (step?.kind === 'task') {
      if (step.form) checkFields(step.form, [...path, 'form'], problems, 'form');
      checkRungs(step, step.escalation ?? [], 'escalation', path, problems);
      checkRungs(step, step.claimEscalation ?? [], 'claimEscalation', path, problems);
      checkClaimEscalation(step, parts, path, problems);
    }
    if (step?.kind === 'service' && step.sla?.claimWithin !== undefined) {
      problems.push({ path: [...path, 'sla', 'claimWithin'], message: CLAIM_ON_TASKS });
    }
    if (step?.kind === 'wait' && (step.for === undefined) === (step.until === undefined)) {
      const both = step.for !== undefined;
      problems.push({
        path: both ? [...path, 'until'] : path,
        message: `wait step '${step.id}' needs exactly one of for and until (it has ${both ? 'both' : 'neither'})`,
      });
    }
  }
  checkClaimLimitPlaces(parts, problems);
  return problems;
}

const CLAIM_ON_TASKS = 'claimWithin applies to task steps only (a limit for claiming them)';

/** `claimWithin` outside a task's sla: the whole-case sla, a profile's caseSla, a profile's sla of another kind. */
function checkClaimLimitPlaces(parts: FlowParts, problems: PathProblem[]): void {
  if (parts.doc.sla?.claimWithin !== undefined) {
    problems.push({ path: ['sla', 'claimWithin'], message: CLAIM_ON_TASKS });
  }
  const kinds = new Map(parts.steps.flatMap(({ step }) => (step ? [[step.id, step.kind] as const] : [])));
  for (const [name, profile] of Object.entries(parts.doc.profiles ?? {})) {
    if (profile.caseSla?.claimWithin !== undefined) {
      problems.push({ path: ['profiles', name, 'caseSla', 'claimWithin'], message: CLAIM_ON_TASKS });
    }
    for (const [stepId, sla] of Object.entries(profile.sla ?? {})) {
      const kind = kinds.get(stepId);
      if (sla.claimWithin !== undefined && kind !== undefined && kind !== 'task') {
        problems.push({ path: ['profiles', name, 'sla', stepId, 'claimWithin'], message: CLAIM_ON_TASKS });
      }
    }
  }
}

/** Claim rungs are timed from the claim limit: the step (or a profile's sla for it) must set one. */
function checkClaimEscalation(
  step: TaskDocument,
  parts: FlowParts,
  path: DocumentPath,
  problems: PathProblem[],
): void {
  if ((step.claimEscalation ?? []).length === 0 || step.sla?.claimWithin !== undefined) return;
  const inProfile = Object.values(parts.doc.profiles ?? {}).some(
    (profile) => profile.sla?.[step.id]?.claimWithin !== undefined,
  );
  if (inProfile) return;
  problems.push({
    path: [...path, 'claimEscalation'],
    message: `step '${step.id}' has claimEscalation rungs but no sla.claimWithin (they are timed from the claim limit)`,
  });
}

function checkFields(
  fields: z.infer<typeof FieldMapDocumentSchema>,
  base: DocumentPath,
  problems: PathProblem[],
  where: 'data' | 'form',
) {
  for (const [name, field] of Object.entries(fields)) {
    if (where === 'form' && field.personal !== undefined) {
      problems.push({
        path: [...base, name, 'personal'],
        message: 'personal applies to case data fields only',
      });
    }
    if (where === 'data' && field.public !== undefined) {
      problems.push({ path: [...base, name, 'public'], message: 'public applies to task form fields only' });
    }
    if (field.public === true && field.type !== 'string' && field.type !== 'text') {
      problems.push({
        path: [...base, name, 'public'],
        message: `a public note must be a string or text field ('${name}' is ${field.type})`,
      });
    }
    if (field.type === 'enum' && field.values === undefined) {
      problems.push({ path: [...base, name, 'type'], message: `enum field '${name}' needs values` });
    }
    if (field.type !== 'enum' && field.values !== undefined) {
      problems.push({
        path: [...base, name, 'values'],
        message: `field '${name}' has values but is not an enum`,
      });
    }
    if (field.valueTitles !== undefined) checkValueTitles(field, [...base, name], name, problems);
  }
}

type FieldDocument = z.infer<typeof FieldMapDocumentSchema>[string];

/** `valueTitles` names values of the enum it sits on: only on an enum, and only its own values. */
function checkValueTitles(
  field: FieldDocument,
  path: DocumentPath,
  name: string,
  problems: PathProblem[],
): void {
  if (field.type !== 'enum') {
    problems.push({
      path: [...path, 'valueTitles'],
      message: `field '${name}' has valueTitles but is not an enum`,
    });
    return;
  }
  for (const value of Object.keys(field.valueTitles ?? {})) {
    if (!(field.values ?? []).includes(value)) {
      problems.push({
        path: [...path, 'valueTitles', value],
        message: `'${value}' is not a value of '${name}'`,
      });
    }
  }
}

type TaskDocument = Extract<NonNullable<FlowParts['steps'][number]['step']>, { kind: 'task' }>;

type RungDocument = NonNullable<TaskDocument['escalation']>[number];

function checkRungs(
  step: TaskDocument,
  rungs: readonly RungDocument[],
  key: 'escalation' | 'claimEscalation',
  path: DocumentPath,
  problems: PathProblem[],
): void {
  if (key === 'escalation' && rungs.length > 0 && step.sla === undefined) {
    problems.push({
      path: [...path, 'escalation'],
      message: `step '${step.id}' has escalation rungs but no sla (rungs are timed from the deadline)`,
    });
  }
  let previous: DurationSpec | undefined;
  rungs.forEach((rung, index) => {
    const at = [...path, key, index];
    if (rung.do === 'escalate' && rung.to === undefined) {
      problems.push({
        path: at,
        message: `escalation rung ${index + 1} of step '${step.id}' escalates without 'to'`,
      });
    }
    if (rung.do !== 'escalate' && rung.to !== undefined) {
      problems.push({
        path: [...at, 'to'],
        message: `'to' applies only to do: escalate (this rung does ${rung.do})`,
      });
    }
    if (rung.do === 'emergency' && rung.level === undefined) {
      problems.push({
        path: at,
        message: `escalation rung ${index + 1} of step '${step.id}' opens an emergency without 'level'`,
      });
    }
    if (rung.do !== 'emergency' && rung.level !== undefined) {
      problems.push({
        path: [...at, 'level'],
        message: `'level' applies only to do: emergency (this rung does ${rung.do})`,
      });
    }
    const spec = tryParse(rung.at);
    if (spec && previous && durationOrder(spec) < durationOrder(previous)) {
      problems.push({
        path: [...at, 'at'],
        message: `${key} rungs of step '${step.id}' must be in increasing 'at' order: '${rung.at}' comes after '${previous.text}'`,
      });
    }
    if (spec) previous = spec;
  });
}

function tryParse(text: string | number): DurationSpec | undefined {
  try {
    return parseDurationText(text);
  } catch {
    return undefined;
  }
}
