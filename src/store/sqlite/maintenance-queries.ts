/**
 * SQLite upkeep: retention (only for feeds that set it: nothing is deleted by default),
 * totals, and the integrity check. Retention is per feed, one transaction each: an article
 * older than the retention period loses its revisions; its row goes too when the feed has
 * not carried it for that long either, else it stays as a tombstone so the next refresh
 * does not store it again as new. An article with a revision still waiting for the archive
 * is left alone until that file is written: retention thins the database, never the archive,
 * and must not take a version that exists nowhere else.
 */
import type { IntegrityResult, RetentionResult, StoreCounts } from '../store.ts';
import type { SqliteContext } from './statements.ts';

const DAY_MS = 86_400_000;

/** Returns the maintenance functions over one connection. */
export function createMaintenanceQueries({ db, sql }: SqliteContext) {
  const retainFeed = db.transaction((feedId: number, cutoff: number, now: number, result: RetentionResult) => {
    const old = `feed_id = ? AND sort_time < ? AND NOT EXISTS (SELECT 1 FROM revisions r
      JOIN revision_archive ra ON ra.revision_id = r.id AND ra.archived_at IS NULL WHERE r.article_id = articles.id)`;
    result.revisionsDeleted += sql(
      `SELECT count(*) FROM revisions WHERE article_id IN (SELECT id FROM articles WHERE ${old})`,
    )
      .pluck()
      .get(feedId, cutoff) as number;
    result.articlesDeleted += sql(`DELETE FROM articles WHERE ${old} AND last_seen_at < ?`).run(
      feedId,
      cutoff,
      cutoff,
    ).changes;
    sql(`DELETE FROM revisions WHERE article_id IN (SELECT id FROM articles WHERE ${old})`).run(feedId, cutoff);
    result.tombstoned += sql(`
      UPDATE articles SET deleted_at = coalesce(deleted_at, ?), revision_count = 0
      WHERE ${old} AND (revision_count > 0 OR deleted_at IS NULL)`).run(now, feedId, cutoff).changes;
  });

  return {
    applyRetention(now: number): RetentionResult {
      const result: RetentionResult = { articlesDeleted: 0, revisionsDeleted: 0, tombstoned: 0 };
      const feeds = sql(
        'SELECT id, retention_days FROM feeds WHERE retention_days IS NOT NULL ORDER BY id',
      ).all() as Array<{ id: number; retention_days: number }>;
      for (const feed of feeds) retainFeed.immediate(feed.id, now - feed.retention_days * DAY_MS, now, result);
      return result;
    },
    counts(): StoreCounts {
      const count = (text: string) => sql(text).pluck().get() as number;
      return {
        feeds: count('SELECT count(*) FROM feeds WHERE removed_at IS NULL'),
        articles: count('SELECT count(*) FROM articles WHERE deleted_at IS NULL'),
        revisions: count('SELECT count(*) FROM revisions'),
        pendingArchive: count('SELECT count(*) FROM revision_archive WHERE archived_at IS NULL'),
      };
    },
    integrityCheck(): IntegrityResult {
      const messages = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
        (row) => row.integrity_check,
      );
      const problems = messages.length === 1 && messages[0] === 'ok' ? [] : messages;
      for (const row of db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>) {
        problems.push(`${row.table} row ${row.rowid} refers to a missing ${row.parent} row`);
      }
      return problems.length === 0 ? { kind: 'ok' } : { kind: 'problems', messages: problems };
    },
  };
}
