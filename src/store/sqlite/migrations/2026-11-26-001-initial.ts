/**
 * The first schema: feeds, articles (one per feed and identity, with a tombstone) and
 * revisions (every distinct version, numbered from 0, never overwritten). STRICT tables so
 * a wrong type is an error, not a silently stored value.
 */
import type { SqliteMigration } from '../migrate.ts';

/** Creates feeds, articles and revisions with the indexes the hot paths need. */
export const migration: SqliteMigration = {
  name: '2026-11-26-001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        title_from_user INTEGER NOT NULL DEFAULT 0,
        site_url TEXT,
        description TEXT,
        category TEXT,
        format TEXT,
        language TEXT,
        etag TEXT,
        last_modified TEXT,
        next_check_at INTEGER NOT NULL,
        check_interval_ms INTEGER,
        posting_interval_ms INTEGER,
        error_count INTEGER NOT NULL DEFAULT 0,
        last_error_code TEXT,
        last_error_message TEXT,
        last_status INTEGER,
        last_fetched_at INTEGER,
        last_success_at INTEGER,
        created_at INTEGER NOT NULL,
        removed_at INTEGER,
        encoding_override TEXT,
        full_text TEXT NOT NULL DEFAULT 'off' CHECK (full_text IN ('off', 'auto', 'always')),
        min_interval_s INTEGER,
        max_interval_s INTEGER,
        retention_days INTEGER CHECK (retention_days > 0),
        learned_boilerplate INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX feeds_due ON feeds (next_check_at, id) WHERE removed_at IS NULL;

      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        identity TEXT NOT NULL,
        archive_key TEXT NOT NULL,
        guid TEXT,
        link TEXT,
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        categories TEXT NOT NULL DEFAULT '[]',
        enclosures TEXT NOT NULL DEFAULT '[]',
        language TEXT,
        published_at INTEGER,
        updated_at INTEGER,
        first_seen_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        sort_time INTEGER NOT NULL GENERATED ALWAYS AS (coalesce(published_at, first_seen_at)) STORED,
        revision_count INTEGER NOT NULL DEFAULT 0,
        deleted_at INTEGER,
        UNIQUE (feed_id, identity)
      ) STRICT;
      CREATE INDEX articles_time ON articles (sort_time DESC, id DESC);
      CREATE INDEX articles_feed_time ON articles (feed_id, sort_time DESC, id DESC);

      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 0),
        title TEXT,
        link TEXT,
        guid TEXT,
        summary TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        categories TEXT NOT NULL DEFAULT '[]',
        enclosures TEXT NOT NULL DEFAULT '[]',
        published_at INTEGER,
        updated_at INTEGER,
        feed_title TEXT,
        raw_body TEXT NOT NULL,
        cleaned_body TEXT,
        fingerprint TEXT,
        title_key TEXT,
        seen_at INTEGER NOT NULL,
        archived_at INTEGER,
        UNIQUE (article_id, number)
      ) STRICT;
      CREATE INDEX revisions_pending ON revisions (id) WHERE archived_at IS NULL;
    `);
  },
};
