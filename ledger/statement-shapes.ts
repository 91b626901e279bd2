/**
 * Statements compiled once per shape. Kysely builds a query as frozen operation nodes and walks them with its
 * compiler on every call: on a ledger write that cost the worker about half as much CPU as SQLite's own work
 * (docs/benchmarks.md, "Cheaper ledger writes and API requests"). A statement's SQL depends only on its shape
 * (which statement, how many rows with which columns, how many values in its `IN` list), not on the values, so
 * each shape is built and compiled once with a stand-in for every value, and later calls only put their values
 * where the stand-ins ended up among the parameters. The SQL and parameters are exactly what Kysely compiles for
 * the same input (test/ledger/statement-shapes.test.ts); input of another form (rows with differing or undefined
 * columns, values that are not plain scalars) is simply built and compiled as before.
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { LRUCache } from 'lru-cache';

/** Stands for the call's value at `index` while a shape is compiled. */
class StandIn {
  constructor(readonly index: number) {}
}

type Scalar = string | number | bigint | boolean | null;
type Row = Readonly<Record<string, unknown>>;

/** What a statement varies with: rows to insert (objects of scalars), or the values of its `IN` list. */
export type ShapeInput = readonly (object | Scalar)[];

/**
 * A statement of a fixed form over a varying input. `build` must depend on nothing but `input` (and use the
 * database only to build); `name` tells it apart from the other statements run on the same database.
 */
export interface ShapedStatement<DB, I extends ShapeInput, R> {
  readonly name: string;
  build(db: Kysely<DB>, input: I): Compilable<R>;
}

const isScalar = (value: unknown): value is Scalar =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'number' ||
  typeof value === 'bigint' ||
  typeof value === 'boolean';

/** The input's values in stand-in order and its shape's key; undefined when the input is of no fixed shape. */
function flatten(input: ShapeInput): { readonly key: string; readonly values: unknown[] } | undefined {
  const first = input[0];
  if (first === undefined) return undefined;
  if (typeof first !== 'object' || first === null) {
    return (input as readonly unknown[]).every(isScalar)
      ? { key: `${input.length}`, values: [...input] }
      : undefined;
  }
  const columns = Object.keys(first);
  const values: unknown[] = [];
  for (const row of input as readonly Row[]) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length) return undefined;
    for (let k = 0; k < columns.length; k += 1) {
      const value = row[columns[k]!];
      if (keys[k] !== columns[k] || !isScalar(value)) return undefined;
      values.push(value);
    }
  }
  return { key: `${input.length}:${columns.join(',')}`, values };
}

/** The input of the same shape with a stand-in for each value, numbered in the order `flatten` lists them. */
function standIns<I extends ShapeInput>(input: I): I {
  const first = input[0];
  if (typeof first !== 'object' || first === null)
    return input.map((_, index) => new StandIn(index)) as never;
  const columns = Object.keys(first);
  return (input as readonly Row[]).map((_, row) =>
    Object.fromEntries(columns.map((column, k) => [column, new StandIn(row * columns.length + k)])),
  ) as never;
}

/** Shapes kept per database: the most recently used, like the SQLite statements they prepare (a few KB each). */
const KEPT_SHAPES = 100;

const compiledShapes = new WeakMap<object, LRUCache<string, CompiledQuery>>();

function shapesOf(db: object): LRUCache<string, CompiledQuery> {
  let shapes = compiledShapes.get(db);
  if (shapes === undefined) {
    shapes = new LRUCache({ max: KEPT_SHAPES });
    compiledShapes.set(db, shapes);
  }
  return shapes;
}

/**
 * `statement` compiled for `input` on `db` as Kysely compiles it: from the compilation of its shape when one was
 * kept for `database` (the object the shapes are kept for: the database's `Kysely` instance, of which `db` may be
 * a transaction).
 */
export function compileShaped<DB, I extends ShapeInput, R>(
  db: Kysely<DB>,
  database: object,
  statement: ShapedStatement<DB, I, R>,
  input: I,
): CompiledQuery<R> {
  const flat = flatten(input);
  if (flat === undefined) return statement.build(db, input).compile();
  const shapes = shapesOf(database);
  const key = `${statement.name}|${flat.key}`;
  let shape = shapes.get(key);
  if (shape === undefined) {
    shape = statement.build(db, standIns(input)).compile();
    shapes.set(key, shape);
  }
  const parameters = shape.parameters.map((parameter) =>
    parameter instanceof StandIn ? flat.values[parameter.index] : parameter,
  );
  return { ...(shape as CompiledQuery<R>), parameters };
}

/** Executes `statement` for `input` on `db` (see `compileShaped`). */
export function executeShaped<DB, I extends ShapeInput, R>(
  db: Kysely<DB>,
  database: object,
  statement: ShapedStatement<DB, I, R>,
  input: I,
): Promise<QueryResult<R>> {
  return db.executeQuery(compileShaped(db, database, statement, input));
}
