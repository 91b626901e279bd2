/**
 * A case workflow closed outside the engine (an operator's `temporal workflow terminate`, a run timed out, the
 * workflow failed or was cancelled through Temporal) as ledger facts: the batch that records its closure
 * (`ExecutionClosure`, read from Temporal's close event by the worker's reconciler, worker/closures/) on the case's
 * last known state. Pure.
 */
import type { Actor } from '../../workflows/engine/case-input';
import type {
  LedgerBatch,
  LedgerEvent,
  LedgerSnapshot,
  LedgerStep,
} from '../../workflows/engine/case/ledger-snapshot';

/** How Temporal closed the workflow; each is a timeline entry type of its own (`workflow-<kind>`). */
export type ClosureKind = 'terminated' | 'timed-out' | 'failed' | 'cancelled';

/** A case workflow's closing as Temporal recorded it. */
export interface ExecutionClosure {
  readonly kind: ClosureKind;
  /** The close event's time (epoch ms). */
  readonly at: number;
  /** The operator's reason (terminate), the failure's message (failed); absent when Temporal gives none. */
  readonly reason?: string;
  /** Who closed it: the identity of Temporal's client that terminated it (e.g. `temporal-cli:ops@host`). */
  readonly identity?: string;
}

/** The timeline entry types of a closure outside the engine, by kind. */
export const CLOSURE_EVENT_TYPES: Readonly<Record<ClosureKind, string>> = {
  terminated: 'workflow-terminated',
  'timed-out': 'workflow-timed-out',
  failed: 'workflow-failed',
  cancelled: 'workflow-cancelled',
};

/**
 * The sequence number of a closure outside the engine: its timeline entry's and its snapshot's, past any number a
 * case's own events reach. A late write of the workflow (sent before it was closed, committed after the closure)
 * carries an older snapshot, which the ledger writer never puts over a newer one, so the case stays closed; its
 * timeline entries, numbered before the closure, still land before it. Keyed by `(case_id, seq)`, the entry is
 * there once whatever the record each writer started from. Within PostgreSQL's `integer`.
 */
export const CLOSURE_SEQ = 2_000_000_000;

/** Whom the entry names when Temporal records no identity (a timeout, a failure). */
const TEMPORAL: Actor = { sub: 'temporal', role: 'system' };

/** The entry's words: what Temporal did, by whom, why. */
function closureDetail(closure: ExecutionClosure): string {
  const what = {
    terminated: 'The case workflow was terminated in Temporal',
    'timed-out': 'The case workflow timed out in Temporal',
    failed: 'The case workflow failed in Temporal',
    cancelled: 'The case workflow was cancelled in Temporal',
  }[closure.kind];
  const by = closure.identity === undefined ? '' : ` by ${closure.identity}`;
  const why = closure.reason === undefined ? '' : `: ${closure.reason}`;
  return `${what}${by}${why}; the case ends unresolved`;
}

/** True while the ledger's record of the case still shows it running (open or suspended). */
export function isRunningRecord(snapshot: LedgerSnapshot): boolean {
  return snapshot.status === 'open' || snapshot.status === 'suspended';
}

/** A step as a cancellation ends it: open rounds cancelled, pending requests dropped (as the engine's `cancel`). */
function endedStep(step: LedgerStep): LedgerStep {
  if (!['pending', 'active', 'claimed', 'returned'].includes(step.status)) return step;
  const { request: _request, ...rest } = step;
  return { ...rest, status: 'cancelled' };
}

/**
 * The batch that records the closure on the case's last known snapshot: one timeline entry after its newest event
 * (sequence number CLOSURE_SEQ) and the snapshot as a cancellation leaves a case (status `cancelled`, stage
 * `closed`, closed at the close event's time, open steps cancelled, no emergency, no suspension). Written twice, or
 * by two processes, it changes nothing the second time (docs/ledger.md, "Exactly once, in effect").
 */
export function closureBatch(snapshot: LedgerSnapshot, closure: ExecutionClosure): LedgerBatch {
  const seq = CLOSURE_SEQ;
  const event: LedgerEvent = {
    seq,
    at: closure.at,
    type: CLOSURE_EVENT_TYPES[closure.kind],
    actor: closure.identity === undefined ? TEMPORAL : { sub: closure.identity, role: 'system' },
    detail: closureDetail(closure),
  };
  const { suspendedAt: _suspendedAt, ...kept } = snapshot;
  return {
    caseId: snapshot.caseId,
    events: [event],
    snapshot: {
      ...kept,
      seq,
      status: 'cancelled',
      stage: 'closed',
      emergencyLevel: 0,
      closedAt: closure.at,
      steps: snapshot.steps.map(endedStep),
    },
  };
}

/**
 * The batch that records the closure of a case the ledger has no row of (closed before its first write): the case
 * as its workflow started it (`first`, the engine's first batch: its opening entries and snapshot) and the closure
 * over it, in one write.
 */
export function unrecordedClosureBatch(first: LedgerBatch, closure: ExecutionClosure): LedgerBatch {
  const closing = closureBatch(first.snapshot, closure);
  return { ...closing, events: [...first.events, ...closing.events] };
}
