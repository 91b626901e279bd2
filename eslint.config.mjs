// @ts-check
/**
 * Lint with type information. The import boundaries of docs/house style: workflows stay deterministic (no Node
 * built-ins, config, api, worker, pino or activity values); activities, api, worker and config keep their lanes.
 */
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'net',
  'http',
  'https',
  'util',
];

/** @param {string[]} groups @param {string} message */
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      '.data',
      '.tools',
      'coverage',
      '.scratch*',
      'flows/schema.json',
      'web/dist',
      'web/vite.config.mts',
      'web/src/api/openapi.gen.ts',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        '**/config/**',
        '**/api/**',
        '**/worker/**',
        'pino',
        'pino-*',
        '@temporalio/worker',
        '@temporalio/client',
        '@temporalio/activity',
      ],
      'workflows/ run in the deterministic sandbox: no Node built-ins, config, api, worker, pino or activity code',
    ),
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/engine/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/activities/**'],
              allowTypeImports: true,
              message: 'only `import type` from activities/',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/engine/**/*.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        '@temporalio/*',
        '**/config/**',
        '**/api/**',
        '**/worker/**',
        '**/activities/**',
        'pino',
      ],
      'the engine is pure functions: no Temporal, no I/O, no other app folder',
    ),
  },
  {
    files: ['activities/**/*.ts'],
    rules: restrict(
      ['@temporalio/workflow', '**/api/**', '**/worker/**'],
      'activities keep out of workflow, api and worker code',
    ),
  },
  {
    files: ['api/**/*.ts'],
    rules: restrict(
      ['**/activities/**', '**/worker/**', '@temporalio/worker'],
      'the API talks to workers only through Temporal',
    ),
  },
  {
    // The API's Temporal client runs over Core's connection, which @temporalio/worker ships (no worker code).
    files: ['api/temporal/core-connection.ts'],
    rules: restrict(['**/activities/**', '**/worker/**'], 'the API talks to workers only through Temporal'),
  },
  {
    files: ['worker/**/*.ts'],
    rules: restrict(['**/api/**'], 'the worker does not load the API'),
  },
  {
    files: ['ledger/**/*.ts'],
    rules: restrict(
      ['**/api/**', '**/worker/**', '**/activities/**', '@temporalio/*', '**/config/**'],
      'the ledger is storage: SQL and the pure engine models only',
    ),
  },
  {
    files: ['closures/**/*.ts'],
    rules: restrict(
      ['**/api/**', '**/worker/**', '**/activities/**', '@temporalio/workflow', '@temporalio/worker'],
      'closures/ read Temporal through a client for the API, the worker and the CLI alike',
    ),
  },
  {
    files: ['config/**/*.ts'],
    rules: restrict(
      ['**/api/**', '**/worker/**', '**/activities/**', '@temporalio/workflow'],
      'config/ depends only on zod, pino, envconfig and the pure engine models',
    ),
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
