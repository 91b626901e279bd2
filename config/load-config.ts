/**
 * The one configuration of a process, read from the environment once at start and passed down explicitly.
 * Every problem is reported at once; the object is never logged (it may hold secrets).
 */
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { z } from 'zod';
import { PROJECT_ROOT as projectRoot } from './project-root';
import {
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  NO_RATE_LIMIT_OVERRIDES,
  RateLimitOverridesSchema,
} from './rate-limits';
import { WORKER_TUNING_VARIABLES, workerTuningProblems } from './worker-tuning';

/** Parses explicit boolean strings only: a typo must fail, not silently mean false. */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * How long a read waits for the workflow's answer by default: a Query normally takes well under a second, so 5 s
 * leaves a loaded worker room while a read no worker answers comes from the ledger long before Core's own 30 s.
 */
export const DEFAULT_CASE_READ_QUERY_TIMEOUT_MS = 5_000;

/**
 * How long an action waits for the case's worker to apply it by default: an action normally takes well under a
 * second, so 10 s leaves a loaded worker room while a clerk (or a department's system) whose case no worker runs
 * gets a 503 to retry well before an HTTP client or proxy gives up (often 30 s or 60 s).
 */
export const DEFAULT_CASE_ACTION_UPDATE_TIMEOUT_MS = 10_000;

const port = z.coerce.number().int().min(1).max(65_535);
const projectPath = z
  .string()
  .min(1)
  .transform((value) => path.resolve(projectRoot, value));

export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: booleanString.default(false),
    HTTP_HOST: z.string().min(1).default('127.0.0.1'),
    HTTP_PORT: port.default(3000),
    HTTP_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/, 'a size such as 256kb or 1mb')
      .default('1mb'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMIT_PER_MINUTE),
    RATE_LIMITS: RateLimitOverridesSchema.default(NO_RATE_LIMIT_OVERRIDES),
    CASE_READ_QUERY_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(30_000)
      .default(DEFAULT_CASE_READ_QUERY_TIMEOUT_MS),
    CASE_ACTION_UPDATE_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(120_000)
      .default(DEFAULT_CASE_ACTION_UPDATE_TIMEOUT_MS),
    WORKER_METRICS_PORT: port.default(9464),
    LEDGER_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
    ...WORKER_TUNING_VARIABLES,
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('fullcycle-cases'),
    FLOWS_DIR: projectPath.default(path.join(projectRoot, 'flows')),
    DIRECTORY_PATH: projectPath.default(path.join(projectRoot, 'config', 'directory.yaml')),
    CALENDARS_DIR: projectPath.default(path.join(projectRoot, 'config', 'calendars')),
    OPEN311_API_KEYS_PATH: projectPath.optional(),
    AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    AUTH_JWKS_URL: z.url().optional(),
    AUTH_ISSUER: z.string().min(1).optional(),
    AUTH_AUDIENCE: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a PostgreSQL URL: postgres://user:password@host:5432/database')
      .optional(),
    /** Default: `ledger.sqlite` in DEV_DATA_DIR, beside the dev server's own data (below). */
    LEDGER_FILE: projectPath.optional(),
    AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
    AUTH_OIDC_SCOPE: z.string().min(1).default('openid'),
    DEV_DATA_DIR: projectPath.default(path.join(projectRoot, '.data')),
    TEMPORAL_UI_PORT: port.default(8233),
    DEMO_SYSTEMS_PORT: port.default(4010),
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    log: { level: env.LOG_LEVEL, pretty: env.LOG_PRETTY },
    http: { host: env.HTTP_HOST, port: env.HTTP_PORT, bodyLimit: env.HTTP_BODY_LIMIT },
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    rateLimitOverrides: env.RATE_LIMITS,
    /**
     * How long the API waits for a workflow to answer a Query (a case's view or timeline, a plan, a batch's
     * progress); a read of a case then answers from the ledger's record (docs/api.md, "Answered from the ledger").
     */
    caseReadQueryTimeoutMs: env.CASE_READ_QUERY_TIMEOUT_MS,
    /**
     * How long the API waits for an action's Update to be applied; then it answers 503 `action-not-delivered`, and
     * the retry with the same Idempotency-Key answers the outcome (docs/api.md, "An action no worker takes").
     */
    caseActionUpdateTimeoutMs: env.CASE_ACTION_UPDATE_TIMEOUT_MS,
    /** Where the worker serves its Prometheus metrics (on HTTP_HOST). */
    workerMetricsPort: env.WORKER_METRICS_PORT,
    /** How often the worker looks for cases whose workflow Temporal closed outside the engine (ledger/closures/). */
    ledgerReconcileIntervalMs: env.LEDGER_RECONCILE_INTERVAL_MS,
    /** How many cases the worker caches and how many workflow tasks it runs at once (config/worker-tuning.ts). */
    workerTuning: {
      maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentWorkflowTaskExecutions: env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    },
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    data: { flowsDir: env.FLOWS_DIR, directoryPath: env.DIRECTORY_PATH, calendarsDir: env.CALENDARS_DIR },
    open311: { apiKeysPath: env.OPEN311_API_KEYS_PATH },
    /** The case ledger: PostgreSQL at `databaseUrl` when set, else the embedded SQLite `file`. */
    ledger: {
      databaseUrl: env.DATABASE_URL,
      // With the dev server's data, so that another DEV_DATA_DIR (or deleting it) starts over on both.
      file: env.LEDGER_FILE ?? path.join(env.DEV_DATA_DIR, 'ledger.sqlite'),
    },
    auth: {
      jwtSecret: env.AUTH_JWT_SECRET,
      jwksUrl: env.AUTH_JWKS_URL,
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      oidc:
        env.AUTH_OIDC_CLIENT_ID === undefined
          ? undefined
          : { clientId: env.AUTH_OIDC_CLIENT_ID, scope: env.AUTH_OIDC_SCOPE },
    },
    dev: {
      dataDir: env.DEV_DATA_DIR,
      temporalUiPort: env.TEMPORAL_UI_PORT,
      demoSystemsPort: env.DEMO_SYSTEMS_PORT,
    },
  }));

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown when the environment does not describe a valid configuration; lists every problem. */
export class ConfigInvalidError extends Error {
  override readonly name = 'ConfigInvalidError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** What the process needs beyond the common settings. */
export type ProcessRole = 'api' | 'worker' | 'dev' | 'cli';

function roleProblems(config: Config, role: ProcessRole): string[] {
  const needsAuth = role === 'api';
  if (needsAuth && !config.auth.jwtSecret && !config.auth.jwksUrl) {
    return ['AUTH_JWT_SECRET or AUTH_JWKS_URL: one of them is required to verify bearer tokens'];
  }
  return oidcProblems(config.auth);
}

/** The web app's OIDC sign-in needs the issuer (a URL, for discovery) and the keys that verify its tokens. */
function oidcProblems(auth: Config['auth']): string[] {
  if (auth.oidc === undefined) return [];
  const problems: string[] = [];
  if (auth.issuer === undefined || !/^https?:\/\//.test(auth.issuer)) {
    problems.push('AUTH_ISSUER: AUTH_OIDC_CLIENT_ID needs the issuer URL (https://…) for discovery');
  }
  if (auth.jwksUrl === undefined) {
    problems.push("AUTH_JWKS_URL: AUTH_OIDC_CLIENT_ID needs the issuer's key set to verify its tokens");
  }
  return problems;
}

/** Validates `env` into a Config, or throws ConfigInvalidError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, role: ProcessRole): Config {
  const withoutEmpty = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ConfigSchema.safeParse(withoutEmpty);
  if (!parsed.success) {
    throw new ConfigInvalidError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const heapLimitMiB =
    role === 'worker' || role === 'dev' ? getHeapStatistics().heap_size_limit / 2 ** 20 : undefined;
  const problems = [
    ...roleProblems(parsed.data, role),
    ...workerTuningProblems(parsed.data.workerTuning, heapLimitMiB),
  ];
  if (problems.length > 0) throw new ConfigInvalidError(problems);
  return parsed.data;
}
