/**
 * Deleting or tombstoning an article queues it in `search_queue` instead of deleting its
 * search row in the trigger; the drain that follows every such change deletes the rows of
 * queued articles that are gone (search-index.ts). No trigger then names `search_fts`, whose
 * `contentless_delete` option needs SQLite 3.43: an older `sqlite3` shell (Debian 12 ships
 * 3.40) can read and write every other table of tidings.db, deletions included, and Tidings
 * catches its index up at the next open (docs/architecture.md, "Editing tidings.db by hand").
 */
import type { SqliteMigration } from '../migrate.ts';

/** Replaces the two triggers that deleted search rows with ones that queue the article. */
export const migration: SqliteMigration = {
  name: '2026-11-26-011-search-deletes-queued',
  up(db) {
    db.exec(`
      DROP TRIGGER search_article_deleted;
      DROP TRIGGER search_article_tombstoned;
      CREATE TRIGGER search_article_deleted AFTER DELETE ON articles BEGIN
        INSERT OR IGNORE INTO search_queue (article_id) VALUES (old.id);
      END;
      CREATE TRIGGER search_article_tombstoned AFTER UPDATE OF deleted_at ON articles
        WHEN new.deleted_at IS NOT NULL AND old.deleted_at IS NULL BEGIN
        INSERT OR IGNORE INTO search_queue (article_id) VALUES (new.id);
      END;
    `);
  },
};
