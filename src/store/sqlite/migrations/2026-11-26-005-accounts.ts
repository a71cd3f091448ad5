/**
 * Accounts: users, login sessions, API tokens, per-user subscriptions and per-user
 * article state. The global `feeds` table stays the fetch list: a URL several users follow
 * is one feed row, fetched once, with one subscription row per user. Sessions and tokens
 * are stored as SHA-256 hashes of the secrets users hold, so a copy of the database cannot
 * be used to log in. Login attempts are not stored (accounts/ limits them in memory).
 * Everything of a user goes with the user; state goes with its article; subscriptions with
 * their feed (a purge).
 */
import type { SqliteMigration } from '../migrate.ts';

/** Creates users, sessions, api_tokens, subscriptions and article_state. */
export const migration: SqliteMigration = {
  name: '2026-11-26-005-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
        created_at INTEGER NOT NULL,
        disabled_at INTEGER
      ) STRICT;

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        user_agent TEXT,
        ip TEXT
      ) STRICT;
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE INDEX sessions_expiry ON sessions (expires_at);

      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('read', 'read-write')),
        created_at INTEGER NOT NULL,
        last_used_at INTEGER
      ) STRICT;
      CREATE INDEX api_tokens_user ON api_tokens (user_id);

      CREATE TABLE subscriptions (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        title TEXT,
        category TEXT,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, feed_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX subscriptions_feed ON subscriptions (feed_id);

      CREATE TABLE article_state (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        read_at INTEGER,
        starred_at INTEGER,
        PRIMARY KEY (user_id, article_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_state_starred ON article_state (user_id, starred_at) WHERE starred_at IS NOT NULL;
      CREATE INDEX article_state_article ON article_state (article_id);
    `);
  },
};
