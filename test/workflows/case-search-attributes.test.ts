import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { changedSearchAttributes } from '../../workflows/case-search-attributes';
import { CASE_SEARCH_ATTRIBUTES as SA } from '../../workflows/search-attributes';

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
