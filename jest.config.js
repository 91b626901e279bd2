/**
 * Three projects: `unit` (pure code, no server), `integration` (`*.int.test.ts`, against one real Temporal dev
 * server and one workflow bundle started in test/setup/global-setup.ts) and `browser` (`*.browser.test.ts`, the web
 * app in Debian's Chromium against the same server, the real API and a worker). `npm test` runs all three.
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(@marcbachmann/cel-js|jose)/)'],
  roots: ['<rootDir>/test'],
};

module.exports = {
  maxWorkers: 1,
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.browser\\.test\\.ts$'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['**/*.int.test.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['**/*.browser.test.ts'],
      globalSetup: '<rootDir>/test/setup/browser-global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
