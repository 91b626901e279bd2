import { TypedSearchAttributes, type SearchAttributeUpdatePair } from '@temporalio/common';
import {
  changedSearchAttributes,
  searchAttributeUpdates,
  stableSearchAttributeUpdates,
  startedWith,
} from '../../workflows/case-search-attributes';
import { caseStart } from '../../api/cases/case-start';
import { caseSummary } from '../../workflows/engine/case';
import {
  CASE_SEARCH_ATTRIBUTES as SA,
  PER_TRANSITION_SEARCH_ATTRIBUTE_KEYS,
} from '../../workflows/search-attributes';
import { CaseDriver, caseInput } from './engine/case/fixtures/case-driver';
import { exposedGarbage } from './engine/case/fixtures/exposed-garbage';
import { HOUR, at as atLocal } from './engine/case/fixtures/calendars';

const at = (iso: string): Date => new Date(iso);

describe('changedSearchAttributes', () => {
  it('carries every key first, then only the keys whose value changed', () => {
    const upserted = new Map<string, unknown>();
    const first: SearchAttributeUpdatePair[] = [
      { key: SA.stage, value: 'action' },
      { key: SA.waitingOn, value: ['seal', 'tax'] },
      { key: SA.nextDueAt, value: at('2026-12-08T10:00:00Z') },
      { key: SA.overdue, value: false },
    ];
    expect(changedSearchAttributes(first, upserted)).toEqual(first);
    const next: SearchAttributeUpdatePair[] = [
      { key: SA.stage, value: 'action' },
      { key: SA.waitingOn, value: ['tax'] },
      { key: SA.nextDueAt, value: at('2026-12-08T10:00:00Z') },
      { key: SA.overdue, value: true },
    ];
    expect(changedSearchAttributes(next, upserted).map((pair) => pair.key.name)).toEqual([
      'FcWaitingOn',
      'FcOverdue',
    ]);
    expect(changedSearchAttributes(next, upserted)).toEqual([]);
  });

  it('tells a removed instant from one set, and an empty list from one holding an empty text', () => {
    const upserted = new Map<string, unknown>();
    changedSearchAttributes(
      [
        { key: SA.nextDueAt, value: at('2026-12-08T10:00:00Z') },
        { key: SA.waitingOn, value: [] },
      ],
      upserted,
    );
    const changed = changedSearchAttributes(
      [
        { key: SA.nextDueAt, value: null },
        { key: SA.waitingOn, value: [''] },
      ],
      upserted,
    );
    expect(changed.map((pair) => pair.key.name)).toEqual(['FcNextDueAt', 'FcWaitingOn']);
  });
});

describe('the stable search attributes (engine revision 5)', () => {
  const STABLE_KEYS = [
    'FcEmergencyLevel',
    'FcFlowId',
    'FcFlowVersion',
    'FcIncident',
    'FcOverdue',
    'FcPriority',
    'FcRegion',
    'FcRegionPath',
    'FcStage',
    'FcStatus',
  ];
  const T0 = atLocal('2026-03-09T09:00');
  const input = caseInput(exposedGarbage(), { data: { address: '北京路 1 号' }, priority: 'urgent' });
  const stable = (c: CaseDriver): SearchAttributeUpdatePair[] =>
    stableSearchAttributeUpdates(caseSummary(c.state, c.now), c.state);
  const names = (pairs: readonly SearchAttributeUpdatePair[]): string[] =>
    pairs.map((pair) => pair.key.name).sort();

  it('carry identity and coarse position with the values every key had before, and none of the per-transition keys', () => {
    const c = new CaseDriver(input, T0);
    const all = searchAttributeUpdates(caseSummary(c.state, c.now), c.state, true);
    const dropped = new Set(PER_TRANSITION_SEARCH_ATTRIBUTE_KEYS.map((key) => key.name));
    expect(names(stable(c))).toEqual(STABLE_KEYS);
    expect(stable(c)).toEqual(all.filter((pair) => !dropped.has(pair.key.name)));
  });

  it('leave out of the first upsert what the case was started with, then change only at stage, status and the like', () => {
    const c = new CaseDriver(input, T0);
    const upserted = startedWith(
      new TypedSearchAttributes(caseStart(input, T0).typedSearchAttributes),
      stable(c),
    );
    expect(changedSearchAttributes(stable(c), upserted)).toEqual([]);
    // verify → file: progress and another department waited on, the same stage: nothing to upsert.
    c.complete('verify', { confirmed: true }, T0 + HOUR / 2);
    expect(c.state.steps.file?.status).toBe('active');
    expect(changedSearchAttributes(stable(c), upserted)).toEqual([]);
    // file past its 30-minute deadline: overdue; completed, the dispatch system answers, handle (action) runs.
    c.tick(T0 + 2 * HOUR);
    expect(changedSearchAttributes(stable(c), upserted)).toEqual([{ key: SA.overdue, value: true }]);
    c.complete('file', {}, T0 + 2 * HOUR).serve('dispatch', { ok: true, result: {} });
    expect(c.state.steps.handle?.status).toBe('active');
    expect(changedSearchAttributes(stable(c), upserted)).toEqual([
      { key: SA.stage, value: 'action' },
      { key: SA.overdue, value: false },
    ]);
  });

  it('start a case with the values its input pins and those of its start: all its first upsert carried before', () => {
    const c = new CaseDriver(input, T0);
    expect(caseStart(input, T0).typedSearchAttributes).toEqual(stable(c));
    expect(caseStart(input, T0).typedSearchAttributes).toEqual([
      { key: SA.flowId, value: 'urban.exposed-garbage' },
      { key: SA.stage, value: 'assessment' },
      { key: SA.status, value: 'open' },
      { key: SA.region, value: '440104001001001' },
      { key: SA.priority, value: 'urgent' },
      { key: SA.regionPath, value: [...input.regionPath] },
      { key: SA.overdue, value: false },
      { key: SA.incident, value: false },
      { key: SA.emergencyLevel, value: 0 },
      { key: SA.flowVersion, value: input.flow.version },
    ]);
  });

  it('compare with what a run was started with by value: a start without a key, or with another value, keeps it in', () => {
    const c = new CaseDriver(input, T0);
    const upserted = startedWith(
      new TypedSearchAttributes([
        { key: SA.flowId, value: 'urban.exposed-garbage' },
        { key: SA.regionPath, value: ['440104001001001'] },
      ]),
      stable(c),
    );
    // Only FcFlowId was started with the value the case has.
    expect(names(changedSearchAttributes(stable(c), upserted))).toEqual(
      STABLE_KEYS.filter((key) => key !== 'FcFlowId'),
    );
  });
});
