/**
 * Per-feed cleaning state: the learned boilerplate rules (a JSON list, read and
 * written whole: a handful of rules per feed, never queried inside), when they were learned,
 * how many articles arrived since (to re-learn only every few new articles), and the feed's
 * generator string (rule packs may match it, and `tidings reclean` has no document to read
 * it from). A table of its own rather than columns on `feeds`, so the feed queries' fixed
 * UPDATE of every column stays untouched. Deleted with the feed.
 */
import type { SqliteMigration } from '../migrate.ts';

/** Creates feed_cleaning. */
export const migration: SqliteMigration = {
  name: '2026-11-26-004-learned-boilerplate',
  up(db) {
    db.exec(`
      CREATE TABLE feed_cleaning (
        feed_id INTEGER PRIMARY KEY REFERENCES feeds (id) ON DELETE CASCADE,
        learned_rules TEXT NOT NULL DEFAULT '[]',
        learned_at INTEGER,
        new_since_learning INTEGER NOT NULL DEFAULT 0,
        generator TEXT
      ) STRICT;
    `);
  },
};
