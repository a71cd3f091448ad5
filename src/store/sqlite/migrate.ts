/**
 * Schema migrations for SQLite: timestamped names (`2026-11-26-001-initial`) applied in
 * name order on open, each in its own IMMEDIATE transaction together with its row in
 * `schema_migrations`, so a crash leaves either the old schema or the new one, and two
 * processes opening the same file at once cannot both apply one. A database that records a
 * migration this version does not know was written by a newer Tidings and is refused.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../domain/errors.ts';

/** One schema step; `up` runs inside the migration's transaction. */
export interface SqliteMigration {
  name: string;
  up: (db: Database) => void;
}

/** What `migrate` did: the names it applied, in order. */
export interface MigrateResult {
  applied: string[];
}

/** Applies the migrations not yet recorded; throws AppError `store.unsupported-schema` for a newer database. */
export function migrate(db: Database, migrations: readonly SqliteMigration[], now = Date.now()): MigrateResult {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
  const known = new Set(migrations.map((m) => m.name));
  const recorded = () => db.prepare('SELECT name FROM schema_migrations').pluck().all() as string[];
  const unknown = recorded().filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError(
      'store.unsupported-schema',
      `the database was migrated by a newer Tidings (${unknown.join(', ')}); upgrade Tidings to open it`,
    );
  }
  const applied: string[] = [];
  const insert = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const migration of [...migrations].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const step = db.transaction(() => {
      if (recorded().includes(migration.name)) return false;
      migration.up(db);
      insert.run(migration.name, now);
      return true;
    });
    if (step.immediate()) applied.push(migration.name);
  }
  return { applied };
}
