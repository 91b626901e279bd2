/**
 * The one Temporal logger of the tests: warnings and errors of the SDK and of its native core (forwarded, not
 * printed by core itself), less those a test file provokes on purpose and asserts itself. Everything else a test
 * does not expect stays visible.
 */
import { Runtime, DefaultLogger, type LogLevel, type LogMetadata } from '@temporalio/worker';

/** Activity types whose failures the running test file provokes on purpose and asserts itself. */
const expectedActivityFailures = new Set<string>();
/** Warnings the running test file provokes on purpose and asserts what follows. */
const expectedWarnings = new Set<string>();

/**
 * Core's warning that the server does not say it keeps heartbeat details on failure: the time-skipping test server
 * never does, and no activity of Fullcycle heartbeats. Said by the harness's server, not by anything a test does.
 */
const TEST_SERVER_CAPABILITY_WARNING = 'Temporal Server 1.16.0 or newer is required';

/**
 * Says that the test file fails activities of `activityType` on purpose (and checks what follows): the SDK's
 * "Activity failed" warning for them is not printed. Any other warning still is.
 */
export function expectActivityFailures(activityType: string): void {
  expectedActivityFailures.add(activityType);
}

/** Says that the test file provokes the warning `message` (SDK, core or workflow) on purpose: it is not printed. */
export function expectWarning(message: string): void {
  expectedWarnings.add(message);
}

/** Warnings and errors, less the activity failures and warnings a test provokes. */
class QuietTestLogger extends DefaultLogger {
  constructor() {
    super('WARN');
  }

  override log(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (message === 'Activity failed' && expectedActivityFailures.has(String(meta?.activityType))) return;
    if (level === 'WARN' && expectedWarnings.has(message)) return;
    if (level === 'WARN' && message.startsWith(TEST_SERVER_CAPABILITY_WARNING)) return;
    super.log(level, message, meta);
  }
}

const logger = new QuietTestLogger();

/** The test logger, for what takes a logger of its own (MockActivityEnvironment). */
export function quietTestLogger(): DefaultLogger {
  return logger;
}

let runtimeInstalled = false;

/**
 * Installs the Temporal runtime once per test file, before any worker, client of the time-skipping server or
 * replay: SDK and core log warnings and errors only, through the test logger. Core forwards the logs of polling
 * workers only: a replay worker's (Worker.runReplayHistories) are dropped by SDK 1.24, so a replay's failure must be
 * read from its result (test/workflows/replay/replay-with-outcomes.ts returns them for the tests to assert).
 */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({
    logger,
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
    // Tests stop their workers themselves. The SDK's default listeners made a test process (a jest worker, a
    // process a test spawns) ignore SIGINT and SIGTERM unless a worker ran: only SIGKILL stopped it.
    shutdownSignals: [],
  });
  runtimeInstalled = true;
}

/**
 * Shuts the runtime down when nothing of Core uses it (no connection, worker or test server). Core does that itself
 * when the last of them closes, but never for a runtime that had none: an API harness whose lazy connection never
 * connected (a test file without a worker that calls no Temporal) left the runtime's log forwarding open, and
 * with it jest running after the tests. The next use of Core installs it again with the same options.
 */
export async function shutDownIdleRuntime(): Promise<void> {
  // The SDK keeps the singleton and its idle check to itself (`_instance`, `shutdownIfIdle`).
  const runtime = (Runtime as unknown as { _instance?: { shutdownIfIdle(): Promise<void> } })._instance;
  await runtime?.shutdownIfIdle();
}
