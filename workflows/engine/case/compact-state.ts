/**
 * Keeps a long case's state within Temporal's payload limit when it continues as new: every timeline event is
 * kept (when, what, which step, who), but the free text of the oldest events is shortened until the state fits.
 */
import type { CaseState, TimelineEvent } from './case-state';

/** Well under Temporal's 2 MB payload limit, leaving room for the rest of the continue-as-new input. */
export const STATE_BUDGET_BYTES = 1_000_000;
/** A state this large continues as new (compacted) before queries, update answers or inputs near the limit. */
export const STATE_TRIGGER_BYTES = 1_500_000;
/** The newest events keep their text whatever the size. */
const KEEP_WHOLE = 200;
const SHORT_DETAIL = 120;

/** Bytes of the value as UTF-8 JSON, as Temporal's payload converter will write it. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value));
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

const sizeOf = jsonBytes;

function shorten(event: TimelineEvent): TimelineEvent {
  if (event.detail.length <= SHORT_DETAIL) return event;
  return { ...event, detail: `${event.detail.slice(0, SHORT_DETAIL)}… (shortened when the case continued)` };
}

/**
 * The state itself when it fits `budget`; otherwise the same state with the texts of all but the newest events
 * shortened, and of every event if that is still not enough.
 */
export function compactState(state: CaseState, budget = STATE_BUDGET_BYTES): CaseState {
  if (sizeOf(state) <= budget) return state;
  const cut = Math.max(0, state.timeline.length - KEEP_WHOLE);
  const older = {
    ...state,
    timeline: [...state.timeline.slice(0, cut).map(shorten), ...state.timeline.slice(cut)],
  };
  if (sizeOf(older) <= budget) return older;
  return { ...state, timeline: state.timeline.map(shorten) };
}

/**
 * Whether the state has grown large enough to continue as new now, and compacting would bring it back under the
 * trigger (otherwise continuing would not help and would only repeat).
 */
export function needsCompacting(state: CaseState): boolean {
  const text = JSON.stringify(state);
  // No UTF-16 unit takes more than 3 bytes of UTF-8 (a surrogate pair takes 4 for 2): asked on every pass of the
  // loop, a state this short is answered without counting its bytes one by one.
  if (text.length * 3 <= STATE_TRIGGER_BYTES) return false;
  return utf8Bytes(text) > STATE_TRIGGER_BYTES && jsonBytes(compactState(state)) < STATE_TRIGGER_BYTES;
}
