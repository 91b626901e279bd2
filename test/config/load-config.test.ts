import os from 'node:os';
import path from 'node:path';
import { ConfigInvalidError, loadConfig } from '../../config/load-config';

const SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  it('fills in defaults for an empty environment', () => {
    const config = loadConfig({}, 'worker');
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000, bodyLimit: '1mb' });
    expect(config.taskQueue).toBe('fullcycle-cases');
    expect(config.data.flowsDir).toBe(path.resolve(__dirname, '..', '..', 'flows'));
  });

  it('lists every bad variable at once', () => {
    const error = (() => {
      try {
        loadConfig({ HTTP_PORT: 'eighty', LOG_PRETTY: 'maybe', AUTH_JWT_SECRET: 'short' }, 'api');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigInvalidError);
    const problems = (error as ConfigInvalidError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/HTTP_PORT/);
    expect(problems.join('\n')).toMatch(/LOG_PRETTY/);
    expect(problems.join('\n')).toMatch(/AUTH_JWT_SECRET: must be at least 32 characters/);
  });

  it('requires a way to verify tokens for the API but not for the worker', () => {
    expect(() => loadConfig({}, 'api')).toThrow(/AUTH_JWT_SECRET or AUTH_JWKS_URL/);
    expect(() => loadConfig({}, 'worker')).not.toThrow();
    expect(loadConfig({ AUTH_JWT_SECRET: SECRET }, 'api').auth.jwtSecret).toBe(SECRET);
  });

  it("takes the web app's OIDC client id only with the issuer URL and its key set", () => {
    const oidc = {
      AUTH_JWKS_URL: 'https://id.example/jwks',
      AUTH_ISSUER: 'https://id.example',
      AUTH_OIDC_CLIENT_ID: 'fullcycle-web',
    };
    expect(loadConfig(oidc, 'api').auth.oidc).toEqual({ clientId: 'fullcycle-web', scope: 'openid' });
    expect(loadConfig({ AUTH_JWT_SECRET: SECRET }, 'api').auth.oidc).toBeUndefined();
    expect(() =>
      loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_OIDC_CLIENT_ID: 'fullcycle-web', AUTH_ISSUER: 'id' }, 'api'),
    ).toThrow(/AUTH_ISSUER: AUTH_OIDC_CLIENT_ID needs the issuer URL[\s\S]*AUTH_JWKS_URL/);
  });

  it("sizes the worker's workflow cache and concurrent workflow tasks, within the SDK's limits", () => {
    expect(loadConfig({}, 'worker').workerTuning).toEqual({
      maxCachedWorkflows: 200,
      maxConcurrentWorkflowTaskExecutions: 10,
    });
    const tuned = { WORKER_MAX_CACHED_WORKFLOWS: '0', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '4' };
    expect(loadConfig(tuned, 'worker').workerTuning).toEqual({
      maxCachedWorkflows: 0,
      maxConcurrentWorkflowTaskExecutions: 4,
    });
    expect(() => loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '1' }, 'worker')).toThrow(
      /WORKER_MAX_CACHED_WORKFLOWS: 0 \(no cache\) or at least 2/,
    );
    expect(() =>
      loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '5', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '6' }, 'worker'),
    ).toThrow(/WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: at most WORKER_MAX_CACHED_WORKFLOWS/);
    expect(() => loadConfig({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' }, 'worker')).toThrow(
      /WORKER_MAX_CONCURRENT_WORKFLOW_TASKS/,
    );
  });

  it('parses booleans only from explicit strings and treats empty values as unset', () => {
    expect(loadConfig({ LOG_PRETTY: 'true' }, 'cli').log.pretty).toBe(true);
    expect(loadConfig({ LOG_PRETTY: 'no' }, 'cli').log.pretty).toBe(false);
    expect(loadConfig({ HTTP_PORT: '' }, 'cli').http.port).toBe(3000);
  });

  it('uses the embedded ledger in .data unless DATABASE_URL names a PostgreSQL server', () => {
    const root = path.resolve(__dirname, '..', '..');
    expect(loadConfig({}, 'worker').ledger).toEqual({ file: path.join(root, '.data', 'ledger.sqlite') });
    const url = 'postgres://fullcycle:secret@db.example:5432/fullcycle';
    expect(loadConfig({ DATABASE_URL: url }, 'worker').ledger.databaseUrl).toBe(url);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/x' }, 'worker')).toThrow(
      /DATABASE_URL: a PostgreSQL URL/,
    );
  });

  it("keeps the embedded ledger in DEV_DATA_DIR with the dev server's data, unless LEDGER_FILE names another", () => {
    const dataDir = path.join(os.tmpdir(), 'fullcycle-dev-elsewhere');
    expect(loadConfig({ DEV_DATA_DIR: dataDir }, 'dev').ledger.file).toBe(
      path.join(dataDir, 'ledger.sqlite'),
    );
    const file = path.join(os.tmpdir(), 'ledger-of-its-own.sqlite');
    expect(loadConfig({ DEV_DATA_DIR: dataDir, LEDGER_FILE: file }, 'dev').ledger.file).toBe(file);
  });
});

describe('loadConfig: rate limits', () => {
  it('defaults to 30,000 requests a minute per token, with no overrides', () => {
    const config = loadConfig({}, 'cli');
    expect(config.rateLimitPerMinute).toBe(30_000);
    expect(config.rateLimitOverrides).toEqual({ byRole: {}, bySubject: {} });
  });

  it('reads per-role and per-token overrides from RATE_LIMITS', () => {
    const config = loadConfig(
      { RATE_LIMITS: ' role:designer=600, sub:gateway-12345=120000 ,role:intake=6000' },
      'cli',
    );
    expect(config.rateLimitOverrides).toEqual({
      byRole: { designer: 600, intake: 6_000 },
      bySubject: { 'gateway-12345': 120_000 },
    });
  });

  it('names every bad RATE_LIMITS entry at start', () => {
    let error: unknown;
    try {
      loadConfig({ RATE_LIMITS: 'role:clerk=5,sub:a=0,sub:b=1,sub:b=2,nonsense' }, 'api');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigInvalidError);
    const problems = (error as ConfigInvalidError).problems.filter((p) => p.startsWith('RATE_LIMITS'));
    expect(problems).toEqual([
      expect.stringMatching(/'role:clerk=5': unknown role 'clerk' \(one of intake, department/),
      expect.stringMatching(/'sub:a=0': the limit must be at least 1/),
      expect.stringMatching(/'sub:b=2': sub 'b' is listed twice/),
      expect.stringMatching(/'nonsense' is not role:<role>=<n> or sub:<subject>=<n>/),
    ]);
  });
});

describe('loadConfig: how long an action waits to be applied', () => {
  it('waits 10 s for an Update by default', () => {
    expect(loadConfig({}, 'cli').caseActionUpdateTimeoutMs).toBe(10_000);
  });

  it('takes 100 ms to 120 s and refuses anything else at start', () => {
    expect(loadConfig({ CASE_ACTION_UPDATE_TIMEOUT_MS: '1000' }, 'cli').caseActionUpdateTimeoutMs).toBe(
      1_000,
    );
    for (const bad of ['50', '120001', 'soon', '1.5']) {
      expect(() => loadConfig({ CASE_ACTION_UPDATE_TIMEOUT_MS: bad }, 'cli')).toThrow(
        /CASE_ACTION_UPDATE_TIMEOUT_MS/,
      );
    }
  });
});

describe('loadConfig: how long a read waits for the workflow', () => {
  it('waits 5 s for a Query by default', () => {
    expect(loadConfig({}, 'cli').caseReadQueryTimeoutMs).toBe(5_000);
  });

  it('takes 100 ms to 30 s (Core gives a Query up at 30 s itself) and refuses anything else at start', () => {
    expect(loadConfig({ CASE_READ_QUERY_TIMEOUT_MS: '1000' }, 'cli').caseReadQueryTimeoutMs).toBe(1_000);
    for (const bad of ['50', '30001', 'soon', '1.5']) {
      expect(() => loadConfig({ CASE_READ_QUERY_TIMEOUT_MS: bad }, 'cli')).toThrow(
        /CASE_READ_QUERY_TIMEOUT_MS/,
      );
    }
  });
});
