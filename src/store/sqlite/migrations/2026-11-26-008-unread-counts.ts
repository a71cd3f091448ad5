/**
 * Unread counts kept as they change, so that reader pages stay within their 20 ms: counting
 * them on every page joined every subscribed article with article_state, which alone took
 * more than that at 100,000 articles (bench/README.md, "Reader pages: where a timeline page's
 * CPU went").
 * `subscriptions.unread_count` is the number of the feed's articles that are not deleted and
 * that the user has not read. Triggers keep it, so every writer keeps it right in its own
 * transaction: this process, `tidings fetch` in another one, archive imports, retention, and
 * any future code path; a cache in the server could not see the other processes' writes.
 *
 * Each trigger keeps "count = recount" true for one row change, judged on the database as
 * it is at that moment:
 * - a subscription is counted in full when it is made (one feed's articles, by index);
 * - an article that appears (inserted, or un-tombstoned) adds 1 for each subscriber that has
 *   not read it, and one that goes (tombstoned, or deleted) takes 1 away. Deletion uses a
 *   BEFORE trigger: the cascade that removes its article_state rows runs after the article
 *   row is gone (SQLite runs foreign-key actions after the parent row's deletion), so those
 *   rows' own triggers find no article and change nothing;
 * - a read mark set on a live article takes 1 from that user's count, and one cleared (or
 *   deleted with its row) gives it back. Upserts fire the UPDATE triggers. No code uses
 *   `INSERT OR REPLACE` on these tables (its implicit delete fires no trigger).
 * A feed that is removed keeps its counts (pages hide removed feeds), so a restore is right.
 */
import type { SqliteMigration } from '../migrate.ts';

// "The user of the subscription row being updated has no read mark on article `id`".
const UNREAD_BY = (id: string) => `NOT EXISTS (SELECT 1 FROM article_state st
  WHERE st.user_id = subscriptions.user_id AND st.article_id = ${id} AND st.read_at IS NOT NULL)`;

// The feed of article `id` when it is live (not deleted); NULL matches no subscription.
const LIVE_FEED_OF = (id: string) => `(SELECT feed_id FROM articles WHERE id = ${id} AND deleted_at IS NULL)`;

const RECOUNT = `UPDATE subscriptions SET unread_count = (SELECT count(*) FROM articles a
    WHERE a.feed_id = subscriptions.feed_id AND a.deleted_at IS NULL AND ${UNREAD_BY('a.id')})`;

/** Adds subscriptions.unread_count, fills it, and creates the triggers that keep it. */
export const migration: SqliteMigration = {
  name: '2026-11-26-008-unread-counts',
  up(db) {
    db.exec(`
      ALTER TABLE subscriptions ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;

      CREATE TRIGGER unread_subscription_added AFTER INSERT ON subscriptions BEGIN
        ${RECOUNT} WHERE user_id = new.user_id AND feed_id = new.feed_id;
      END;
      CREATE TRIGGER unread_subscription_moved AFTER UPDATE OF user_id, feed_id ON subscriptions BEGIN
        ${RECOUNT} WHERE user_id = new.user_id AND feed_id = new.feed_id;
      END;

      CREATE TRIGGER unread_article_added AFTER INSERT ON articles WHEN new.deleted_at IS NULL BEGIN
        UPDATE subscriptions SET unread_count = unread_count + 1 WHERE feed_id = new.feed_id AND ${UNREAD_BY('new.id')};
      END;
      CREATE TRIGGER unread_article_deleted BEFORE DELETE ON articles WHEN old.deleted_at IS NULL BEGIN
        UPDATE subscriptions SET unread_count = unread_count - 1 WHERE feed_id = old.feed_id AND ${UNREAD_BY('old.id')};
      END;
      CREATE TRIGGER unread_article_changed AFTER UPDATE OF deleted_at, feed_id ON articles
        WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) OR old.feed_id != new.feed_id BEGIN
        UPDATE subscriptions SET unread_count = unread_count - 1
          WHERE old.deleted_at IS NULL AND feed_id = old.feed_id AND ${UNREAD_BY('old.id')};
        UPDATE subscriptions SET unread_count = unread_count + 1
          WHERE new.deleted_at IS NULL AND feed_id = new.feed_id AND ${UNREAD_BY('new.id')};
      END;

      CREATE TRIGGER unread_state_added AFTER INSERT ON article_state WHEN new.read_at IS NOT NULL BEGIN
        UPDATE subscriptions SET unread_count = unread_count - 1 WHERE user_id = new.user_id AND feed_id = ${LIVE_FEED_OF('new.article_id')};
      END;
      CREATE TRIGGER unread_state_changed AFTER UPDATE OF read_at, user_id, article_id ON article_state
        WHEN (old.read_at IS NULL) != (new.read_at IS NULL) OR old.user_id != new.user_id OR old.article_id != new.article_id BEGIN
        UPDATE subscriptions SET unread_count = unread_count + 1
          WHERE old.read_at IS NOT NULL AND user_id = old.user_id AND feed_id = ${LIVE_FEED_OF('old.article_id')};
        UPDATE subscriptions SET unread_count = unread_count - 1
          WHERE new.read_at IS NOT NULL AND user_id = new.user_id AND feed_id = ${LIVE_FEED_OF('new.article_id')};
      END;
      CREATE TRIGGER unread_state_deleted AFTER DELETE ON article_state WHEN old.read_at IS NOT NULL BEGIN
        UPDATE subscriptions SET unread_count = unread_count + 1 WHERE user_id = old.user_id AND feed_id = ${LIVE_FEED_OF('old.article_id')};
      END;

      ${RECOUNT};
    `);
  },
};
