/**
 * Per-user preferences of the web reader: mark read on open or on scroll, paged
 * or infinite lists, theme. Key/value rows rather than a column per setting, so a new
 * preference needs no migration; the web layer validates values and supplies defaults.
 */
import type { SqliteMigration } from '../migrate.ts';

/** Creates user_preferences. */
export const migration: SqliteMigration = {
  name: '2026-11-26-006-user-preferences',
  up(db) {
    db.exec(`
      CREATE TABLE user_preferences (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (user_id, key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
