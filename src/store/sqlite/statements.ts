/**
 * A per-connection cache of prepared statements keyed by SQL text: each query is compiled
 * once and reused, which matters when a cold refresh stores tens of thousands of entries.
 */
import type { Database, Statement } from 'better-sqlite3';

/** Returns the prepared statement for `sql`, compiling it on first use. */
export type Statements = (sql: string) => Statement;

/** The connection and its statement cache, as every query module takes them. */
export interface SqliteContext {
  db: Database;
  sql: Statements;
}

/** Returns a statement cache over `db`. */
export function createStatements(db: Database): Statements {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
