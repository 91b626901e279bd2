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

  it('parses booleans only from explicit strings and treats empty values as unset', () => {
    expect(loadConfig({ LOG_PRETTY: 'true' }, 'cli').log.pretty).toBe(true);
    expect(loadConfig({ LOG_PRETTY: 'no' }, 'cli').log.pretty).toBe(false);
    expect(loadConfig({ HTTP_PORT: '' }, 'cli').http.port).toBe(3000);
  });
});
