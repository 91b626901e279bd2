/** Every duration of a flow document with its path and sign rule, for validation and normalization alike. */
import { parseDuration } from '../../workflows/engine/time';
import type { DurationSpec } from '../../workflows/engine/flow-model';
import type { DocumentPath } from './flow-problem';
import type { FlowParts } from './flow-parts';

export type DurationRule = 'positive' | 'non-negative' | 'signed';

export interface DurationSite {
  readonly path: DocumentPath;
  readonly text: string | number;
  readonly rule: DurationRule;
}

/** Parses a designer's duration; a bare number is read as text so that `0` works and `4` asks for a unit. */
export function parseDurationText(text: string | number): DurationSpec {
  return parseDuration(String(text));
}

/** Where durations occur in `parts`. */
export function durationSites(parts: FlowParts): DurationSite[] {
  const sites: DurationSite[] = [];
  const sla = (
    value: { within: string | number; claimWithin?: string | number | undefined } | undefined,
    path: DocumentPath,
  ) => {
    if (value) sites.push({ path: [...path, 'within'], text: value.within, rule: 'positive' });
    if (value?.claimWithin !== undefined) {
      sites.push({ path: [...path, 'claimWithin'], text: value.claimWithin, rule: 'positive' });
    }
  };
  sla(parts.doc.sla, ['sla']);
  for (const { step, path } of parts.steps) {
    if (step?.kind === 'task' || step?.kind === 'service') sla(step.sla, [...path, 'sla']);
    if (step?.kind === 'task') {
      step.escalation?.forEach((rung, index) =>
        sites.push({ path: [...path, 'escalation', index, 'at'], text: rung.at, rule: 'signed' }),
      );
      step.claimEscalation?.forEach((rung, index) =>
        sites.push({ path: [...path, 'claimEscalation', index, 'at'], text: rung.at, rule: 'signed' }),
      );
    }
    if (step?.kind === 'wait' && step.for !== undefined) {
      sites.push({ path: [...path, 'for'], text: step.for, rule: 'non-negative' });
    }
  }
  if (parts.doc.review) sla(parts.doc.review.feedback, ['review', 'feedback']);
  for (const [name, profile] of Object.entries(parts.doc.profiles ?? {})) {
    for (const [stepId, value] of Object.entries(profile.sla ?? {}))
      sla(value, ['profiles', name, 'sla', stepId]);
    sla(profile.caseSla, ['profiles', name, 'caseSla']);
  }
  return sites;
}

/** A signed size for ordering rungs; a day counts 24 hours here, which is exact for comparing like units. */
export function durationOrder(spec: DurationSpec): number {
  return (spec.negative ? -1 : 1) * (spec.days * 86_400_000 + spec.millis);
}
