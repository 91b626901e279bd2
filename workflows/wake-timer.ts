/**
 * The case loop's durable timer from engine revision 4 (`keepUnchangedTimer`): it keeps running while the instant
 * the loop must wake at stays the same, where `condition(fn, timeout)` cancels its timer whenever the condition
 * holds first and the next pass starts another (TIMER_CANCELED and TIMER_STARTED in the history, for nothing).
 */
import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

export interface WakeTimer {
  /** Whether the timer set for the current instant has fired. */
  readonly fired: () => boolean;
  /** Sets the timer to wake at `at` (epoch ms; undefined: no timer), unless it runs for that instant already. */
  readonly wakeAt: (at: number | undefined) => void;
}

interface RunningTimer {
  readonly at: number;
  readonly scope: CancellationScope;
  fired: boolean;
}

export function createWakeTimer(): WakeTimer {
  let running: RunningTimer | undefined;
  return {
    fired: () => running?.fired === true,
    wakeAt(at) {
      if (running !== undefined && !running.fired) {
        if (running.at === at) return;
        running.scope.cancel();
      }
      running = at === undefined ? undefined : start(at);
    },
  };
}

function start(at: number): RunningTimer {
  const timer: RunningTimer = { at, scope: new CancellationScope(), fired: false };
  // Same duration as the condition's timeout before: at least 1 ms, from this workflow task's time.
  void timer.scope
    .run(() => sleep(Math.max(at - Date.now(), 1)))
    .then(
      () => {
        timer.fired = true;
      },
      (error: unknown) => {
        if (!isCancellation(error)) throw error;
      },
    );
  return timer;
}
