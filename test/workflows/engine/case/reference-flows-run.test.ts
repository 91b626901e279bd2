/**
 * Runs every reference flow in flows/ through the engine from intake to closure with the demo directory and the
 * real calendars: each active task is completed with a result synthesized from its form, each service call
 * succeeds, timers fire, and a satisfied feedback ends the review.
 */
import { join } from 'node:path';
import { loadCalendars } from '../../../../config/calendars/load-calendars';
import { loadDirectory } from '../../../../config/directory/load-directory';
import type { FlowCatalog } from '../../../../config/flow/load-flows';
import { loadFlowCatalog } from '../../../../config/flow/load-flows';
import type { WorkingCalendar } from '../../../../workflows/engine/calendar-model';
import type { Directory } from '../../../../workflows/engine/directory-model';
import { resolveCaseDirectory } from '../../../../workflows/engine/directory';
import type { FieldMap, FieldSpec } from '../../../../workflows/engine/flow-model';
import { at } from './fixtures/calendars';
import { CaseDriver, caseInput } from './fixtures/case-driver';

const ROOT = join(__dirname, '../../../..');
let directory: Directory;
let calendars: ReadonlyMap<string, WorkingCalendar>;
let catalog: FlowCatalog;

beforeAll(async () => {
  directory = await loadDirectory(join(ROOT, 'config/directory.yaml'));
  calendars = await loadCalendars(join(ROOT, 'config/calendars'));
  catalog = await loadFlowCatalog(join(ROOT, 'flows'), { directory, calendars: new Set(calendars.keys()) });
});

/** A value that satisfies a field: booleans true (so checks pass), enums their first value. */
function sample(spec: FieldSpec): unknown {
  const samples: Record<FieldSpec['type'], unknown> = {
    string: 'x',
    text: 'x',
    number: 1,
    integer: 1,
    boolean: true,
    date: '2026-03-02',
    datetime: '2026-03-02T10:00:00+08:00',
    enum: spec.values?.[0],
    list: [],
  };
  return samples[spec.type];
}

function fill(fields: FieldMap): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, sample(spec)]));
}

/** One move of the auto-pilot: the first running step, else feedback, else the next timer; false when stuck. */
function step(c: CaseDriver): boolean {
  const { flow } = c.state.input;
  const later = c.now + 60_000;
  for (const s of Object.values(c.state.steps)) {
    if (s.status !== 'active' && s.status !== 'claimed') continue;
    const def = [...flow.steps, ...(flow.emergency?.steps ?? [])].find((d) => d.id === s.id);
    if (def?.kind === 'task') {
      c.complete(s.id, fill(def.form), later);
      return true;
    }
    if (def?.kind === 'service') {
      c.serve(s.id, { ok: true, result: { creditCode: '91440300MA5XXXXX' } }, later);
      return true;
    }
  }
  if (c.state.review?.status === 'open') {
    c.act({ type: 'feedback', satisfaction: 'satisfied', resolved: true });
    return true;
  }
  const wake = c.wakeAt();
  if (wake === undefined) return false;
  c.tick(wake);
  return true;
}

describe('the reference flows run end to end', () => {
  it.each([
    'business.startup',
    'health.public-health-report',
    'hotline.12345-complaint',
    'urban.exposed-garbage',
    'urban.missing-manhole-cover',
  ])('%s closes', (id) => {
    const flowDef = catalog.get(id);
    if (flowDef === undefined) throw new Error(`flow ${id} missing`);
    const grid = directory.regions.find((r) => r.level === 'grid');
    if (grid === undefined) throw new Error('no grid');
    const pinned = resolveCaseDirectory(directory, flowDef, grid.code);
    const calendar = calendars.get(flowDef.calendar);
    if (calendar === undefined) throw new Error('no calendar');
    const input = caseInput(flowDef, { ...pinned, calendar, region: grid.code, data: fill(flowDef.data) });
    const c = new CaseDriver(input, at('2026-03-02T09:00:00+08:00'));
    for (let moves = 0; moves < 200 && c.state.status === 'open'; moves += 1) if (!step(c)) break;
    expect({ status: c.view().status, stage: c.view().stage }).toEqual({ status: 'closed', stage: 'closed' });
  });
});
