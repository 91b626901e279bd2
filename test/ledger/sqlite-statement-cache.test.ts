/** The ledger's SQLite statements are prepared once and kept, and stay right when the schema changes under them. */
import SQLite from 'better-sqlite3';
import { withStatementCache } from '../../ledger/sqlite-statement-cache';

describe('the SQLite statement cache', () => {
  it('prepares a statement once for the same SQL text, and again once it has fallen out', () => {
    const database = withStatementCache(new SQLite(':memory:'), 2);
    const first = database.prepare('select 1 as one');
    expect(database.prepare('select 1 as one')).toBe(first);
    database.prepare('select 2 as two');
    database.prepare('select 3 as three');
    const again = database.prepare('select 1 as one');
    expect(again).not.toBe(first);
    expect(again.all([])).toEqual([{ one: 1 }]);
    database.close();
  });

  it('answers with the new schema after a migration changes a table a kept statement reads', () => {
    const database = withStatementCache(new SQLite(':memory:'));
    database.prepare('create table t (a integer)').run([]);
    database.prepare('insert into t (a) values (?)').run([1]);
    expect(database.prepare('select * from t').all([])).toEqual([{ a: 1 }]);
    database.prepare('alter table t add column b text').run([]);
    database.prepare('update t set b = ?').run(['x']);
    expect(database.prepare('select * from t').all([])).toEqual([{ a: 1, b: 'x' }]);
    database.close();
  });
});
