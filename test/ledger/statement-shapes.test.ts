/**
 * The ledger writer's statements, compiled once per shape and then only bound, give exactly the SQL and parameters
 * Kysely compiles for the same input, on both engines' SQL dialects, over the rows real case writes produce; input
 * of no fixed shape is compiled as Kysely compiles it.
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
} from 'kysely';
import { caseRow, departmentRows, eventRow, regionRows, stepRows } from '../../ledger/case-projection';
import type { LedgerEngine } from '../../ledger';
import type { LedgerTables } from '../../ledger/ledger-tables';
import { compileShaped, type ShapedStatement, type ShapeInput } from '../../ledger/statement-shapes';
import {
  copyDepartmentMetrics,
  countEvents,
  deleteDepartmentMetrics,
  deleteSteps,
  deleteStepsBut,
  insertDepartments,
  insertEvents,
  insertRegions,
  upsertCases,
  upsertSteps,
} from '../../ledger/writer-statements';
import type { LedgerBatch } from '../../workflows/engine/case/ledger-snapshot';
import { caseWrites } from '../workflows/engine/case/fixtures/case-writes';

const NOW = Date.UTC(2026, 2, 10);

/** A Kysely that compiles for `engine`'s dialect and runs nothing. */
function compilingFor(engine: LedgerEngine): Kysely<LedgerTables> {
  const postgres = engine === 'postgres';
  return new Kysely<LedgerTables>({
    dialect: {
      createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => (postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
      createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    },
  });
}

const sqlOf = (query: CompiledQuery<unknown>) => ({ sql: query.sql, parameters: query.parameters });

/** Compiles statements both ways and counts how often a shape was built. */
function comparer(engine: LedgerEngine) {
  const db = compilingFor(engine);
  let builds = 0;
  let calls = 0;
  return {
    check<I extends ShapeInput, R>(statement: ShapedStatement<LedgerTables, I, R>, input: I): void {
      const counted: ShapedStatement<LedgerTables, I, R> = {
        name: statement.name,
        build: (kysely, given) => {
          builds += 1;
          return statement.build(kysely, given);
        },
      };
      calls += 1;
      expect(sqlOf(compileShaped(db, db, counted, input))).toEqual(
        sqlOf(statement.build(db, input).compile()),
      );
    },
    counts: () => ({ builds, calls }),
  };
}

/** Each statement with the input the writer gives it for these batches (ledger/ledger-writer.ts, applyRound). */
function checkWrite(compare: ReturnType<typeof comparer>, batches: readonly LedgerBatch[]): void {
  const ids = batches.map((batch) => batch.caseId);
  compare.check(
    insertEvents,
    batches.flatMap((batch) => batch.events.map((event) => eventRow(batch.caseId, event))),
  );
  compare.check(countEvents, ids);
  compare.check(
    upsertCases,
    batches.map((batch, index) => caseRow(batch.snapshot, { reworks: index % 2, extensions: 0 }, NOW)),
  );
  compare.check(deleteSteps, ids);
  for (const batch of batches) {
    compare.check(deleteStepsBut, [batch.caseId, ...batch.snapshot.steps.map((step) => step.id)]);
  }
  compare.check(
    upsertSteps,
    batches.flatMap((batch) => stepRows(batch.snapshot)),
  );
  compare.check(
    insertDepartments,
    batches.flatMap((batch) => departmentRows(batch.snapshot, batch.events)),
  );
  compare.check(
    insertRegions,
    batches.flatMap((batch) => regionRows(batch.snapshot)),
  );
  compare.check(deleteDepartmentMetrics, ids);
  compare.check(copyDepartmentMetrics, ids);
}

describe.each<LedgerEngine>(['sqlite', 'postgres'])('the ledger writer statements on %s', (engine) => {
  it('compile to what Kysely compiles, for every write of real cases, alone and grouped', () => {
    const compare = comparer(engine);
    const cases = ['SHAPE-A', 'SHAPE-B', 'SHAPE-C'].map((id, index) => caseWrites(id, index === 1));
    for (const writes of cases) for (const batch of writes) checkWrite(compare, [batch]);
    // Group commit: the same transition of several cases in one round.
    checkWrite(
      compare,
      cases.map((writes) => writes[1]!),
    );
    checkWrite(
      compare,
      cases.map((writes) => writes.at(-1)!),
    );
    const { builds, calls } = compare.counts();
    // Shapes repeat across cases and transitions: most calls only bind their values.
    expect(builds).toBeLessThan(calls / 2);
  });

  it('compile rows of differing columns as Kysely does (defaults where a row has none)', () => {
    const compare = comparer(engine);
    const [first, second] = stepRows(caseWrites('SHAPE-D', false).at(-1)!.snapshot);
    const { department: _department, ...withoutDepartment } = second!;
    compare.check(upsertSteps, [first!, withoutDepartment as never]);
    compare.check(upsertSteps, [first!, { ...second!, department: undefined } as never]);
    compare.check(upsertSteps, [first!, second!]);
  });
});
