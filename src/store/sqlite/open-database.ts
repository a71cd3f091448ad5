/**
 * Opens a SQLite file with the settings Tidings relies on: WAL (readers never block the
 * writer), `synchronous=NORMAL` (in WAL mode a crash cannot corrupt the database; at most
 * the last commits before a power cut are lost, sqlite.org/pragma.html#pragma_synchronous),
 * foreign keys ON (SQLite's default is off, and cascades and references depend on it),
 * and a busy timeout so a second process (CLI beside the server) waits instead of failing.
 * better-sqlite3 was chosen for its synchronous API: a whole batch runs as one transaction
 * without yielding, and it is the fastest SQLite binding for Node.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../domain/errors.ts';

/** Options for one SQLite connection; `path` may be ':memory:'. */
export interface OpenDatabaseOptions {
  path: string;
  busyTimeoutMs?: number;
}

/** Returns an open, configured connection; throws AppError `store.failed` when the file cannot be opened. */
export function openDatabase(options: OpenDatabaseOptions): Database {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(options.path, { timeout: busyTimeoutMs });
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    if (options.path !== ':memory:' && options.path !== '') {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (String(mode).toLowerCase() !== 'wal') throw new Error(`journal_mode is ${String(mode)}, not wal`);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db?.close();
    throw new AppError('store.failed', `cannot open database ${options.path}: ${describe(error)}`, { cause: error });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
