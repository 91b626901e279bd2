/**
 * The recorded case histories, per release: `test/histories/<release>/<flow-id>/<scenario>.json`, or
 * `<scenario>.run-<n>.json` for each run of a case that continued as new. Written by `npm run histories:record`
 * (scripts/record-histories.ts) for the release in package.json, replayed by test/workflows/replay.int.test.ts.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { temporal } from '@temporalio/proto';
import { historyFromJsonText } from './history-json';

const ROOT = path.resolve(__dirname, '..', '..');
export const HISTORIES_DIR = path.join(ROOT, 'test', 'histories');

/** The release whose histories `npm run histories:record` writes: package.json's version. */
export const CURRENT_RELEASE = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

export interface RecordedHistoryFile {
  readonly release: string;
  readonly flowId: string;
  readonly scenario: string;
  /** 1 for a case that never continued as new. */
  readonly run: number;
  /** Relative to test/histories, e.g. `0.2.0/urban.exposed-garbage/happy-path.json`. */
  readonly name: string;
}

const FILE = /^(?<scenario>[a-z0-9-]+?)(?:\.run-(?<run>\d+))?\.json$/;

/** The file name of one run of a scenario (`runs`: how many runs the case had). */
export function historyFileName(scenario: string, run: number, runs: number): string {
  return runs === 1 ? `${scenario}.json` : `${scenario}.run-${run}.json`;
}

/** The scenario and run a history file name holds (`park.json`, `happy-path.run-2.json`); undefined: not one. */
export function parseHistoryFileName(file: string): { scenario: string; run: number } | undefined {
  const groups = FILE.exec(file)?.groups;
  return groups ? { scenario: groups['scenario'] ?? '', run: Number(groups['run'] ?? 1) } : undefined;
}

const directories = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

/** Every recorded history file of every release. */
export async function listRecordedHistories(): Promise<RecordedHistoryFile[]> {
  const found: RecordedHistoryFile[] = [];
  for (const release of await directories(HISTORIES_DIR)) {
    for (const flowId of await directories(path.join(HISTORIES_DIR, release))) {
      for (const file of (await readdir(path.join(HISTORIES_DIR, release, flowId))).sort()) {
        const parsed = parseHistoryFileName(file);
        if (!parsed) throw new Error(`not a history file name: ${release}/${flowId}/${file}`);
        found.push({ release, flowId, ...parsed, name: `${release}/${flowId}/${file}` });
      }
    }
  }
  return found;
}

/** A recorded history, read back. */
export async function readRecordedHistory(name: string): Promise<temporal.api.history.v1.IHistory> {
  return historyFromJsonText(await readFile(path.join(HISTORIES_DIR, name), 'utf8'));
}
