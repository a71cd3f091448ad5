/**
 * The search index's tokens changed (phrases of common words that are rarely
 * adjacent, `"the government"`, `"经济 政策"`, read every article holding all their words): the
 * pairs column now also holds grams of adjacent words with a common one and of the characters
 * around each CJK run break (tokenize/index-tokens.ts), and the day, month and year of
 * the article's time (date-tokens.ts), which `before:` and `on:` searches read period by period.
 * A date token must follow its article's time, so a changed time queues the article again (the
 * search walks by period only while the queue is empty: search-queries.ts). Every article is queued again,
 * so an existing archive is reindexed through the durable queue when it is next opened; until
 * an article is reindexed it is missing from searches, never wrongly found.
 */
import type { SqliteMigration } from '../migrate.ts';

/** Adds the time trigger, empties the search index and queues every live article for reindexing. */
export const migration: SqliteMigration = {
  name: '2026-11-26-009-search-tokens',
  up(db) {
    db.exec(`
      CREATE TRIGGER search_article_time_requeued AFTER UPDATE OF published_at, first_seen_at ON articles
        WHEN new.sort_time IS NOT old.sort_time AND new.deleted_at IS NULL BEGIN
        INSERT OR IGNORE INTO search_queue (article_id) VALUES (new.id);
      END;
      INSERT INTO search_fts (search_fts) VALUES ('delete-all');
      DELETE FROM search_queue;
      INSERT INTO search_queue (article_id) SELECT id FROM articles WHERE deleted_at IS NULL;
    `);
  },
};
