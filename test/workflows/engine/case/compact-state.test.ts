import { compactState, jsonBytes, needsCompacting } from '../../../../workflows/engine/case/compact-state';
import type { CaseState, TimelineEvent } from '../../../../workflows/engine/case';
import { exposedGarbage } from './fixtures/exposed-garbage';
import { CaseDriver, caseInput } from './fixtures/case-driver';

function withTimeline(state: CaseState, count: number, detail: string): CaseState {
  const events: TimelineEvent[] = Array.from({ length: count }, (_, i) => ({
    at: state.createdAt + i,
    type: 'urged',
    stepId: 'handle',
    actor: { sub: `sup-${i}`, role: 'supervisor' },
    detail,
  }));
  return { ...state, timeline: [...state.timeline, ...events] };
}

describe('compactState', () => {
  const base = new CaseDriver(caseInput(exposedGarbage()), Date.parse('2026-03-02T09:00:00+08:00')).state;

  it('keeps the newest events whole when shortening the older ones is enough', () => {
    const state = withTimeline(base, 1000, '请尽快处理'.repeat(100));
    const compacted = compactState(state);
    expect(compacted.timeline.at(-1)?.detail).toBe(state.timeline.at(-1)?.detail);
    expect(compacted.timeline[5]?.detail).toMatch(/shortened/);
  });

  it('leaves a state that fits its budget untouched', () => {
    const state = withTimeline(base, 10, '催办'.repeat(100));
    expect(compactState(state)).toBe(state);
  });

  it('shortens the text of old events, keeping every event with its time, type, step and actor', () => {
    const state = withTimeline(base, 600, '请尽快处理'.repeat(400));
    const compacted = compactState(state);
    expect(jsonBytes(compacted)).toBeLessThanOrEqual(1_000_000);
    expect(compacted.timeline).toHaveLength(state.timeline.length);
    compacted.timeline.forEach((event, i) => {
      const original = state.timeline[i]!;
      expect({ ...event, detail: undefined }).toEqual({ ...original, detail: undefined });
    });
    expect(compacted.timeline[5]?.detail).toMatch(/shortened when the case continued/);
  });

  it('counts UTF-8 bytes: ASCII 1, Chinese 3, emoji 4', () => {
    expect(jsonBytes('a')).toBe(3);
    expect(jsonBytes('处')).toBe(5);
    expect(jsonBytes('😀')).toBe(6);
  });

  it('asks to continue as new only when the state is large and compacting would help', () => {
    expect(needsCompacting(withTimeline(base, 10, '催办'))).toBe(false);
    // Longer than a third of the trigger in characters, but ASCII: under it in bytes.
    expect(needsCompacting(withTimeline(base, 300, 'please hurry '.repeat(200)))).toBe(false);
    expect(needsCompacting(withTimeline(base, 300, '请尽快处理'.repeat(400)))).toBe(true);
    // Many short events cannot be shortened: continuing as new would only repeat.
    expect(needsCompacting(withTimeline(base, 20_000, '催办'))).toBe(false);
  });
});
