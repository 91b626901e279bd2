/**
 * The parts of a flow document that have a valid shape, so that semantic checks run even when some other part
 * does not (every problem is reported at once, without cascades from a broken step).
 */
import { EmergencyStepDocumentSchema, FlowDocumentSchema, StepDocumentSchema } from './flow-schema';
import type { FlowDocument, StepDocument } from './flow-schema';
import type { DocumentPath } from './flow-problem';
import type { z } from 'zod';

export type EmergencyStepDocument = z.infer<typeof EmergencyStepDocumentSchema>;
export type AnyStepDocument = StepDocument | EmergencyStepDocument;

/** A step as far as it could be read: `step` only when its whole shape is valid. */
export interface StepEntry {
  readonly path: DocumentPath;
  readonly emergency: boolean;
  readonly id?: string;
  readonly after: readonly string[];
  readonly step?: AnyStepDocument;
}

export interface FlowParts {
  /** Top-level sections whose shape is valid (`steps` and `emergency.steps` are in `steps` below). */
  readonly doc: Partial<Omit<FlowDocument, 'steps'>>;
  readonly steps: readonly StepEntry[];
  /** Field names of `data`; undefined when `data` is malformed (then `case.data.x` is not checked). */
  readonly dataFields?: readonly string[];
}

/** Parts of a document whose shape is valid as a whole. */
export function partsOfDocument(document: FlowDocument): FlowParts {
  const steps = [
    ...document.steps.map((step, index) => entry(['steps', index], false, step)),
    ...(document.emergency?.steps ?? []).map((step, index) =>
      entry(['emergency', 'steps', index], true, step),
    ),
  ];
  return { doc: document, steps, dataFields: Object.keys(document.data ?? {}) };
}

/** Salvages the valid parts of a document whose shape is not valid as a whole. */
export function salvageParts(raw: unknown): FlowParts {
  const record = isRecord(raw) ? raw : {};
  const doc: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(FlowDocumentSchema.shape)) {
    if (key === 'steps' || record[key] === undefined) continue;
    const parsed = (schema as z.ZodType).safeParse(record[key]);
    if (parsed.success) doc[key] = parsed.data;
  }
  const emergency = isRecord(record['emergency']) ? record['emergency'] : {};
  if (doc['emergency'] === undefined && record['emergency'] !== undefined) {
    const triggers = FlowDocumentSchema.shape.emergency
      .unwrap()
      .shape.triggers.safeParse(emergency['triggers']);
    doc['emergency'] = { triggers: triggers.success ? triggers.data : undefined };
  }
  const steps = [
    ...salvageSteps(record['steps'], ['steps'], false),
    ...salvageSteps(emergency['steps'], ['emergency', 'steps'], true),
  ];
  const data = FlowDocumentSchema.shape.data.safeParse(record['data']);
  return {
    doc: doc as FlowParts['doc'],
    steps,
    ...(data.success ? { dataFields: Object.keys(data.data ?? {}) } : {}),
  };
}

function salvageSteps(raw: unknown, base: DocumentPath, emergency: boolean): StepEntry[] {
  if (!Array.isArray(raw)) return [];
  const schema = emergency ? EmergencyStepDocumentSchema : StepDocumentSchema;
  return raw.map((item: unknown, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return entry([...base, index], emergency, parsed.data);
    const record = isRecord(item) ? item : {};
    const id = typeof record['id'] === 'string' ? record['id'] : undefined;
    const after = Array.isArray(record['after']) ? record['after'].filter((a) => typeof a === 'string') : [];
    return { path: [...base, index], emergency, after, ...(id === undefined ? {} : { id }) };
  });
}

function entry(path: DocumentPath, emergency: boolean, step: AnyStepDocument): StepEntry {
  return { path, emergency, id: step.id, after: step.after ?? [], step };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
