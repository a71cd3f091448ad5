/**
 * The fetch log: one row per fetch of a feed, for the feed's history page and metrics.
 * Separate from the feed row, which keeps only the latest state.
 */
import type { SqliteMigration } from '../migrate.ts';

/** Creates fetch_log, newest-first per feed. */
export const migration: SqliteMigration = {
  name: '2026-11-26-002-fetch-log',
  up(db) {
    db.exec(`
      CREATE TABLE fetch_log (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'not-modified', 'rate-limited', 'failed')),
        http_status INTEGER,
        bytes INTEGER,
        item_count INTEGER,
        new_articles INTEGER,
        new_revisions INTEGER,
        error_code TEXT,
        error_message TEXT
      ) STRICT;
      CREATE INDEX fetch_log_feed ON fetch_log (feed_id, started_at DESC, id DESC);
    `);
  },
};
