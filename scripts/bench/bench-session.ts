/**
 * What the parts of one `npm run bench` share, each made on first use and stopped at the end: the compiled
 * code the child processes run, one in-memory Temporal dev server, a client, the two workflow bundles, the bench
 * plan, the JWT secret, and the output folder.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { PROJECT_ROOT } from '../../config/project-root';
import { caseWorkflowBundleOptions, writeWorkflowBundle } from '../../worker/case-workflow-bundle';
import { findFreePort, startDevServer, type RunningDevServer } from '../temporal/dev-server';
import type { BenchSettings } from './bench-settings';
import { loadBenchPlan, type BenchPlan } from './harness/bench-plan';

export interface WorkflowBundles {
  /** The case workflows (`workflows/`, compiled), bundled as the worker bundles them at start. */
  readonly fullcycle: string;
  /** The raw baseline (scripts/bench/raw). */
  readonly raw: string;
}

export interface BenchSession {
  readonly settings: BenchSettings;
  /** HS256 secret the API children verify and the drivers sign with. */
  readonly jwtSecret: string;
  compiled(): Promise<void>;
  devServer(): Promise<RunningDevServer>;
  client(): Promise<Client>;
  bundles(): Promise<WorkflowBundles>;
  plan(): Promise<BenchPlan>;
  /** A name unique in this session, for task queues and case ids: `<label>-<n>-<stamp>`. */
  runId(label: string): string;
  /** A folder under the output folder, created. */
  folder(name: string): Promise<string>;
  /** Writes a part's results as JSON into the output folder; returns the file. */
  save(name: string, data: unknown): Promise<string>;
  close(): Promise<void>;
}

const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
};

export function createBenchSession(settings: BenchSettings): BenchSession {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  let runs = 0;
  const closers: (() => Promise<void>)[] = [];
  const folder = async (name: string): Promise<string> => {
    const dir = path.join(settings.outputDir, name);
    await mkdir(dir, { recursive: true });
    return dir;
  };
  const compiled = once(async () => {
    const tsc = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc');
    await promisify(execFile)(tsc, ['-p', path.join(PROJECT_ROOT, 'tsconfig.build.json')], {
      cwd: PROJECT_ROOT,
    });
  });
  const devServer = once(async () => {
    // With its metrics on a known port: the throughput report counts the server's requests per case.
    const server = await startDevServer({
      log: () => undefined,
      metricsPort: await findFreePort(),
      cacheSearchAttributes: settings.cacheSearchAttributes,
    });
    closers.push(() => server.stop());
    return server;
  });
  const client = once(async () => {
    const server = await devServer();
    const connection = await Connection.connect({ address: server.address });
    closers.unshift(() => connection.close());
    return new Client({ connection, namespace: server.namespace });
  });
  const bundles = once(async () => {
    await compiled();
    const dir = await folder('bundles');
    const [fullcycle, raw] = await Promise.all([
      writeWorkflowBundle(
        caseWorkflowBundleOptions(path.join(PROJECT_ROOT, 'dist', 'workflows', 'index.js')),
        path.join(dir, 'fullcycle-workflows.js'),
      ),
      writeWorkflowBundle(
        { workflowsPath: path.join(PROJECT_ROOT, 'dist', 'scripts', 'bench', 'raw', 'raw-case-workflow.js') },
        path.join(dir, 'raw-workflows.js'),
      ),
    ]);
    return { fullcycle, raw };
  });
  return {
    settings,
    jwtSecret: randomBytes(32).toString('hex'),
    compiled,
    devServer,
    client,
    bundles,
    plan: once(loadBenchPlan),
    runId: (label) => `${label}-${++runs}-${stamp}`,
    folder,
    async save(name, data) {
      const file = path.join(await folder('results'), `${stamp}-${name}.json`);
      await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
      return file;
    },
    async close() {
      for (const close of closers) await close().catch((error: unknown) => console.error(error));
    },
  };
}
