/**
 * Saved searches belong to a user ("each user has their own subscriptions, read and
 * star state, and saved searches"). `user_id` is NULL for searches saved without a user (the
 * CLI's own). Names are unique per owner: a unique index on `ifnull(user_id, 0)` and the name,
 * because a plain UNIQUE (user_id, name) would let any number of owner-less searches share a
 * name (SQLite treats NULLs as distinct); user ids start at 1, so 0 is never a real owner.
 * SQLite cannot drop a table constraint in place, so the table is rebuilt (the old `name
 * UNIQUE` goes). Searches saved before this migration were shared by everyone; they go to the
 * first admin (the person who set Tidings up, most likely their author), or stay owner-less
 * when there is no admin. A user's searches go with the user.
 */
import type { SqliteMigration } from '../migrate.ts';

/** Rebuilds saved_searches with an owner and names unique per owner. */
export const migration: SqliteMigration = {
  name: '2026-11-26-007-saved-search-owner',
  up(db) {
    db.exec(`
      CREATE TABLE saved_searches_owned (
        id INTEGER PRIMARY KEY,
        user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        sort TEXT NOT NULL DEFAULT 'relevance' CHECK (sort IN ('relevance', 'newest')),
        created_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO saved_searches_owned (id, user_id, name, query, sort, created_at)
        SELECT id, (SELECT min(id) FROM users WHERE is_admin = 1), name, query, sort, created_at FROM saved_searches;
      DROP TABLE saved_searches;
      ALTER TABLE saved_searches_owned RENAME TO saved_searches;
      CREATE UNIQUE INDEX saved_searches_owner_name ON saved_searches (ifnull(user_id, 0), name);
    `);
  },
};
