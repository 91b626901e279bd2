import { join } from 'node:path';
import { parse } from 'yaml';
import { WorkingCalendarSchema } from '../../config/calendars/calendar-schema';
import { loadCalendars } from '../../config/calendars/load-calendars';
import { loadDirectory } from '../../config/directory/load-directory';
import {
  EmergencyDocumentSchema,
  EscalationRungDocumentSchema,
  FieldSpecDocumentSchema,
  FlowDocumentSchema,
  ProfileDocumentSchema,
  ReviewDocumentSchema,
  ReworkDocumentSchema,
  SlaDocumentSchema,
  StepDocumentSchema,
} from '../../config/flow/flow-schema';
import { validateFlowSource, type ValidationContext } from '../../config/flow/validate-flow';
import { FIELD_TYPES, LEVELS, STAGES } from '../../workflows/engine/flow-model';
import { inlineCode, readDoc } from './markdown';

const ROOT = join(__dirname, '..', '..');
const doc = readDoc('flow-language.md');
const yamlBlocks = doc.blocks.filter((block) => block.lang === 'yaml');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFlow = (value: unknown) => isRecord(value) && 'id' in value && 'version' in value && 'steps' in value;
const isCalendar = (value: unknown) => isRecord(value) && 'timezone' in value && 'workingHours' in value;

let ctx: ValidationContext;

beforeAll(async () => {
  const [directory, calendars] = await Promise.all([
    loadDirectory(join(ROOT, 'config', 'directory.yaml')),
    loadCalendars(join(ROOT, 'config', 'calendars')),
  ]);
  ctx = { directory, calendars: new Set(calendars.keys()) };
});

describe('docs/flow-language.md', () => {
  it('has YAML examples, each of them valid YAML', () => {
    expect(yamlBlocks.length).toBeGreaterThan(10);
    const broken = yamlBlocks.filter((block) => {
      try {
        parse(block.text);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map((block) => `line ${block.line}`)).toEqual([]);
  });

  it('has complete flows that the project validator accepts against the shipped directory and calendars', () => {
    const flows = yamlBlocks.filter((block) => isFlow(parse(block.text)));
    expect(flows.length).toBeGreaterThanOrEqual(2);
    for (const block of flows) {
      const result = validateFlowSource(block.text, 'yaml', ctx, `docs/flow-language.md:${block.line}`);
      expect(result.valid ? [] : result.problems).toEqual([]);
    }
  });

  it('carries the fixed example of the contract, the exposed-garbage flow with every kind of step', () => {
    const complete = yamlBlocks
      .map((block) => parse(block.text) as unknown)
      .find((value) => isFlow(value) && (value as { id: unknown }).id === 'urban.exposed-garbage');
    const kinds = new Set(((complete as { steps: { kind: string }[] }).steps ?? []).map((step) => step.kind));
    expect([...kinds].sort()).toEqual(['notify', 'service', 'task']);
    expect(complete).toMatchObject({ emergency: { triggers: [{ level: 4 }] }, review: {} });
  });

  it('has calendar examples that the calendar schema accepts', () => {
    const calendars = yamlBlocks.filter((block) => isCalendar(parse(block.text)));
    expect(calendars).not.toHaveLength(0);
    for (const block of calendars) {
      const parsed = WorkingCalendarSchema.safeParse(parse(block.text));
      expect([block.line, parsed.error?.issues ?? []]).toEqual([block.line, []]);
    }
  });

  it('names every key and value of the language, so that a new key cannot go undocumented', () => {
    const code = [...inlineCode(doc), ...yamlBlocks.map((block) => block.text)].join('\n');
    const taskLike = StepDocumentSchema.options.flatMap((option) => Object.keys(option.shape));
    const names = new Set([
      ...Object.keys(FlowDocumentSchema.shape),
      ...taskLike,
      ...StepDocumentSchema.options.map((option) => option.shape.kind.value),
      ...Object.keys(EmergencyDocumentSchema.shape),
      ...Object.keys(ReviewDocumentSchema.shape),
      ...Object.keys(ProfileDocumentSchema.shape),
      ...Object.keys(SlaDocumentSchema.shape),
      ...Object.keys(EscalationRungDocumentSchema.shape),
      ...EscalationRungDocumentSchema.shape.do.options,
      ...Object.keys(ReworkDocumentSchema.shape),
      ...Object.keys(FieldSpecDocumentSchema.shape),
      ...FIELD_TYPES,
      ...STAGES,
      ...LEVELS,
      'return',
      'extension',
      'park',
    ]);
    const missing = [...names].filter(
      (name) => !new RegExp(`(^|[^\\w$])${escape(name)}($|[^\\w])`).test(code),
    );
    expect(missing).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
