/** A batch migration's pure parts: each case's request resolved for its region, and the progress it reports. */
import { batchProgress, caseMigrationRequest } from '../../../../workflows/engine/migration';
import type { BatchMigrationRequest } from '../../../../workflows/engine/migration';
import { ALWAYS_OPEN } from '../case/fixtures/calendars';
import { task } from '../case/fixtures/flow-builder';
import { DESIGNER, T0, v2 } from './fixtures';

const DIRECTORY = {
  regions: [
    { code: '440104', name: '越秀区', level: 'district' as const },
    { code: '440104001', name: '北京街道', level: 'street' as const, parent: '440104' },
  ],
  departments: [
    ...['verify-dept', 'handle-dept', 'check-dept'].map((id) => ({
      id,
      name: id,
      region: '440104',
      roles: [],
    })),
    { id: 'yuexiu-archive', name: 'A', region: '440104', roles: ['archivist', 'supervisor'] },
  ],
  systems: [{ id: 'dispatch-system', url: 'http://127.0.0.1:4010' }],
};

function request(extra: Partial<BatchMigrationRequest> = {}): BatchMigrationRequest {
  return {
    migrationId: 'm-1',
    flowId: 'test.migration',
    fromVersion: 1,
    toVersion: 2,
    stepMapping: { handle: 'handle' },
    dryRun: false,
    actor: DESIGNER,
    requestedAt: T0,
    flow: v2((steps) => [
      ...steps,
      task('archive', { after: ['inform'], assignee: { role: 'archivist', level: 'district' } }),
    ]),
    calendar: ALWAYS_OPEN,
    directory: DIRECTORY,
    ...extra,
  };
}

describe('a batch migration', () => {
  it("resolves the target's assignees for each case's own region", () => {
    const migration = caseMigrationRequest(request(), { caseId: 'c-1', region: '440104001' });
    expect(migration).toMatchObject({ fromVersion: 1, stepMapping: { handle: 'handle' } });
    expect('target' in migration && migration.target.assignees['role:archivist@district']).toEqual({
      department: 'yuexiu-archive',
      role: 'archivist',
      level: 'district',
    });
  });

  it('refuses, at region, a case whose region the directory cannot resolve the target in', () => {
    const migration = caseMigrationRequest(request(), { caseId: 'c-2', region: '999' });
    expect(migration).toEqual({ refused: { path: 'region', message: expect.stringContaining('999') } });
  });

  it('reports selecting, then migrating, then completed, with a count per outcome', () => {
    const selected = [
      { caseId: 'a', region: '440104' },
      { caseId: 'b', region: '440104' },
    ];
    expect(batchProgress(request(), undefined, [])).toMatchObject({
      status: 'selecting',
      selected: 0,
      done: 0,
    });
    const one = batchProgress(request(), selected, [{ caseId: 'a', outcome: 'migrated' }]);
    expect(one).toMatchObject({ status: 'migrating', selected: 2, done: 1, requestedBy: 'designer-1' });
    const both = batchProgress(request({ region: '440104' }), selected, [
      { caseId: 'a', outcome: 'migrated' },
      { caseId: 'b', outcome: 'refused', errors: [{ path: 'steps.x', message: 'no' }] },
    ]);
    expect(both).toMatchObject({
      status: 'completed',
      region: '440104',
      requestedAt: '2026-03-02T00:00:00.000Z',
    });
    expect(both.counts).toEqual({ migrated: 1, planned: 0, refused: 1, skipped: 0, failed: 0 });
  });
});
