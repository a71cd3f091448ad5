/**
 * SQLite side of the plain-file archive: revisions still waiting for their file, marking
 * them written, and whole-feed export / import as archive records. Import is one
 * transaction per feed and idempotent: a revision number already stored for an identity
 * is skipped, numbers and times are kept as the records give them, and the article's
 * latest fields are taken from its highest revision, so export → import → export is equal.
 */
import {
  checkRecord,
  compareRecords,
  type ArchiveFeed,
  type ArchiveProblem,
  type ArchiveRecord,
} from '../../domain/archive-record.ts';
import type { ExportedFeed, ImportRecordsOptions, ImportRecordsResult, PendingRevision } from '../archive-types.ts';
import type { RevisionOutcome } from '../article-types.ts';
import { rowToArchiveFeed, rowToArchiveRecord } from '../map-rows.ts';
import type { FeedRow, RevisionRow } from '../rows.ts';
import { insertRevision } from './insert-revision.ts';
import { indexPending, type PendingIndex } from './search-index.ts';
import type { SqliteContext } from './statements.ts';

type JoinedRow = RevisionRow & {
  a_feed_id: number;
  a_identity: string;
  a_archive_key: string;
  a_first_seen_at: number;
  f_url: string;
  f_title: string | null;
  f_site_url: string | null;
  f_category: string | null;
};

const JOINED = `SELECT r.*, a.feed_id AS a_feed_id, a.identity AS a_identity, a.archive_key AS a_archive_key,
    a.first_seen_at AS a_first_seen_at, f.url AS f_url, f.title AS f_title, f.site_url AS f_site_url, f.category AS f_category
  FROM revisions r JOIN articles a ON a.id = r.article_id JOIN feeds f ON f.id = a.feed_id`;

/** Returns the archive functions over one connection. */
export function createArchiveQueries({ db, sql }: SqliteContext) {
  const toRecord = (row: JoinedRow, fileBody?: 'cleaned' | 'raw') =>
    rowToArchiveRecord(
      row,
      { identity: row.a_identity, archive_key: row.a_archive_key, first_seen_at: row.a_first_seen_at },
      row.f_url,
      fileBody,
    );

  const markArchived = db.transaction((ids: number[], at: number): RevisionOutcome[] =>
    ids.map((revisionId) => {
      if (
        sql('UPDATE revision_archive SET archived_at = ? WHERE revision_id = ? AND archived_at IS NULL').run(
          at,
          revisionId,
        ).changes === 1
      ) {
        return { revisionId, kind: 'updated' };
      }
      return {
        revisionId,
        kind:
          sql('SELECT 1 FROM revisions WHERE id = ?').get(revisionId) === undefined ? 'not-found' : 'already-archived',
      };
    }),
  );

  const findOrCreateFeed = (feed: ArchiveFeed, now: number): number => {
    const row = sql('SELECT * FROM feeds WHERE url = ?').get(feed.url) as FeedRow | undefined;
    if (row === undefined) {
      return Number(
        sql(
          'INSERT INTO feeds (url, title, site_url, category, next_check_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(feed.url, feed.title ?? null, feed.siteUrl ?? null, feed.category ?? null, now, now).lastInsertRowid,
      );
    }
    sql(
      'UPDATE feeds SET title = coalesce(title, ?), site_url = coalesce(site_url, ?), category = coalesce(category, ?) WHERE id = ?',
    ).run(feed.title ?? null, feed.siteUrl ?? null, feed.category ?? null, row.id);
    return row.id;
  };

  const importArticle = (
    feedId: number,
    records: ArchiveRecord[],
    archivedAt: number | undefined,
    result: ImportRecordsResult,
    toIndex: PendingIndex,
  ) => {
    const first = records[0];
    let article = sql('SELECT id, archive_key, deleted_at FROM articles WHERE feed_id = ? AND identity = ?').get(
      feedId,
      first.identity,
    ) as { id: number; archive_key: string; deleted_at: number | null } | undefined;
    if (article?.deleted_at !== null && article?.deleted_at !== undefined) {
      result.skipped += records.length;
      return;
    }
    if (article === undefined) {
      const seen = Math.min(...records.map((r) => r.firstSeenAt ?? r.seenAt));
      const id = Number(
        sql(
          `INSERT INTO articles (feed_id, identity, archive_key, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?)`,
        ).run(feedId, first.identity, first.key, seen, seen).lastInsertRowid,
      );
      article = { id, archive_key: first.key, deleted_at: null };
    }
    const stored = new Set(
      sql('SELECT number FROM revisions WHERE article_id = ?').pluck().all(article.id) as number[],
    );
    for (const r of records) {
      if (r.key !== article.archive_key) {
        result.invalid.push({
          file: r.file,
          reason: `key ${r.key} differs from the stored article's key ${article.archive_key}`,
        });
      } else if (stored.has(r.revision)) {
        result.skipped++;
      } else {
        insertRevision(sql, { ...r, articleId: article.id, number: r.revision, archivedAt }, toIndex);
        stored.add(r.revision);
        result.imported++;
      }
    }
    refreshArticle(article.id, records);
  };

  const refreshArticle = (articleId: number, records: ArchiveRecord[]) => {
    const latest = sql('SELECT * FROM revisions WHERE article_id = ? ORDER BY number DESC LIMIT 1').get(articleId) as
      | RevisionRow
      | undefined;
    if (latest === undefined) return;
    const firstSeen = Math.min(...records.map((r) => r.firstSeenAt ?? r.seenAt));
    const lastSeen = Math.max(...records.map((r) => r.seenAt));
    sql(`
      UPDATE articles SET guid = ?, link = ?, title = ?, authors = ?, categories = ?, enclosures = ?,
        published_at = coalesce(?, published_at), updated_at = coalesce(?, updated_at),
        first_seen_at = min(first_seen_at, ?), last_seen_at = max(last_seen_at, ?),
        revision_count = (SELECT count(*) FROM revisions WHERE article_id = ?)
      WHERE id = ?`).run(
      latest.guid,
      latest.link,
      latest.title,
      latest.authors,
      latest.categories,
      latest.enclosures,
      latest.published_at,
      latest.updated_at,
      firstSeen,
      lastSeen,
      articleId,
      articleId,
    );
  };

  const importRecords = db.transaction(
    (feed: ArchiveFeed, records: ArchiveRecord[], options: ImportRecordsOptions): ImportRecordsResult => {
      const feedId = findOrCreateFeed(feed, options.now ?? Date.now());
      const result: ImportRecordsResult = { feedId, imported: 0, skipped: 0, invalid: [] };
      const byIdentity = new Map<string, ArchiveRecord[]>();
      for (const record of records) {
        const problem = checkRecord(record);
        if (problem !== undefined) {
          result.invalid.push({ file: record.file, reason: problem } satisfies ArchiveProblem);
          continue;
        }
        const list = byIdentity.get(record.identity) ?? [];
        list.push(record);
        byIdentity.set(record.identity, list);
      }
      const toIndex: PendingIndex = [];
      for (const list of byIdentity.values()) importArticle(feedId, list, options.archivedAt, result, toIndex);
      indexPending(sql, toIndex);
      return result;
    },
  );

  return {
    pendingArchiveRevisions(limit: number): PendingRevision[] {
      const rows = sql(
        `${JOINED} JOIN revision_archive ra ON ra.revision_id = r.id WHERE ra.archived_at IS NULL ORDER BY ra.revision_id LIMIT ?`,
      ).all(limit) as JoinedRow[];
      return rows.map((row) => ({
        revisionId: row.id,
        articleId: row.article_id,
        feedId: row.a_feed_id,
        feed: rowToArchiveFeed({
          url: row.f_url,
          title: row.f_title,
          site_url: row.f_site_url,
          category: row.f_category,
        }),
        record: toRecord(row),
      }));
    },
    /** The archive records of the given revisions (any archive state), in id order; unknown ids are left out. */
    archiveRecordsOf(ids: readonly number[], fileBody?: 'cleaned' | 'raw'): PendingRevision[] {
      const rows = ids
        .map((id) => sql(`${JOINED} WHERE r.id = ?`).get(id) as JoinedRow | undefined)
        .filter((row): row is JoinedRow => row !== undefined)
        .sort((a, b) => a.id - b.id);
      return rows.map((row) => ({
        revisionId: row.id,
        articleId: row.article_id,
        feedId: row.a_feed_id,
        feed: rowToArchiveFeed({
          url: row.f_url,
          title: row.f_title,
          site_url: row.f_site_url,
          category: row.f_category,
        }),
        record: toRecord(row, fileBody),
      }));
    },
    markArchived: (ids: number[], at: number) => markArchived.immediate(ids, at),
    /** Returns the ids of the feeds to export, ordered by URL. */
    exportFeedIds(feedId?: number): number[] {
      return feedId === undefined
        ? (sql('SELECT id FROM feeds ORDER BY url').pluck().all() as number[])
        : (sql('SELECT id FROM feeds WHERE id = ?').pluck().all(feedId) as number[]);
    },
    /** Returns one feed's export, or undefined when the feed is gone. */
    exportFeed(feedId: number, fileBody?: 'cleaned' | 'raw'): ExportedFeed | undefined {
      const feed = sql('SELECT * FROM feeds WHERE id = ?').get(feedId) as FeedRow | undefined;
      if (feed === undefined) return undefined;
      const rows = sql(`${JOINED} WHERE a.feed_id = ? AND a.deleted_at IS NULL`).all(feedId) as JoinedRow[];
      const records = rows
        .map((row) => toRecord(row, fileBody))
        .sort((a, b) => compareRecords(a, b) || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0));
      return { feedId, feed: rowToArchiveFeed(feed), records };
    },
    importRecords: (feed: ArchiveFeed, records: ArchiveRecord[], options: ImportRecordsOptions = {}) =>
      importRecords.immediate(feed, records, options),
  };
}
