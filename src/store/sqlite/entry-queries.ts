/**
 * SQLite `recordEntries`: one IMMEDIATE transaction per fetched document. Per entry, the
 * article is looked up by (feed, identity): a tombstone stays dead, a new identity gets
 * revision 0, and a known one gets revision n+1 only when domain/revision-rule.ts says the
 * entry differs from the latest revision. Earlier revisions are never touched.
 */
import { articleKey } from '../../domain/archive-record.ts';
import { isNewRevision } from '../../domain/revision-rule.ts';
import type { EntryOutcome, IncomingEntry } from '../article-types.ts';
import { checkEntry } from '../check-input.ts';
import { categoriesJson, enclosuresJson, personsJson } from '../map-rows.ts';
import type { RevisionRow } from '../rows.ts';
import { insertRevision } from './insert-revision.ts';
import { indexPending, type PendingIndex } from './search-index.ts';
import type { SqliteContext } from './statements.ts';

type Latest = Pick<RevisionRow, 'number' | 'title_key' | 'fingerprint'>;

/** Returns `recordEntries` over one connection. */
export function createEntryQueries({ db, sql }: SqliteContext) {
  const recordOne = (
    feedId: number,
    feedTitle: string | null,
    entry: IncomingEntry,
    seenAt: number,
    toIndex: PendingIndex,
  ): EntryOutcome => {
    const reason = checkEntry(entry);
    if (reason !== undefined) return { kind: 'invalid', reason };
    const article = sql('SELECT id, deleted_at FROM articles WHERE feed_id = ? AND identity = ?').get(
      feedId,
      entry.identity,
    ) as { id: number; deleted_at: number | null } | undefined;
    if (article === undefined) {
      const { lastInsertRowid } = sql(`
        INSERT INTO articles (feed_id, identity, archive_key, guid, link, title, authors, categories, enclosures,
          language, published_at, updated_at, first_seen_at, last_seen_at, revision_count)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`).run(
        feedId,
        entry.identity,
        articleKey(entry.identity),
        entry.guid ?? null,
        entry.link ?? null,
        entry.title ?? null,
        personsJson(entry.authors),
        categoriesJson(entry.categories),
        enclosuresJson(entry.enclosures),
        entry.language ?? null,
        entry.publishedAt ?? null,
        entry.updatedAt ?? null,
        seenAt,
        seenAt,
      );
      const articleId = Number(lastInsertRowid);
      const revisionId = insertRevision(
        sql,
        { ...entry, articleId, number: 0, feedTitle: feedTitle ?? undefined, seenAt },
        toIndex,
      );
      return { kind: 'new', articleId, revisionId, revision: 0 };
    }
    if (article.deleted_at !== null) {
      sql('UPDATE articles SET last_seen_at = max(last_seen_at, ?) WHERE id = ?').run(seenAt, article.id);
      return { kind: 'tombstoned', articleId: article.id };
    }
    const latest = sql(
      'SELECT number, title_key, fingerprint FROM revisions WHERE article_id = ? ORDER BY number DESC LIMIT 1',
    ).get(article.id) as Latest | undefined;
    const metadata = [
      personsJson(entry.authors),
      categoriesJson(entry.categories),
      enclosuresJson(entry.enclosures),
      entry.language ?? null,
      entry.publishedAt ?? null,
      entry.updatedAt ?? null,
      seenAt,
    ];
    if (
      latest !== undefined &&
      !isNewRevision({ fingerprint: latest.fingerprint, titleKey: latest.title_key }, entry)
    ) {
      sql(`
        UPDATE articles SET authors = ?, categories = ?, enclosures = ?, language = coalesce(?, language),
          published_at = coalesce(?, published_at), updated_at = coalesce(?, updated_at), last_seen_at = max(last_seen_at, ?)
        WHERE id = ?`).run(...metadata, article.id);
      return { kind: 'unchanged', articleId: article.id };
    }
    const number = latest === undefined ? 0 : latest.number + 1;
    const revisionId = insertRevision(
      sql,
      { ...entry, articleId: article.id, number, feedTitle: feedTitle ?? undefined, seenAt },
      toIndex,
    );
    sql(`
      UPDATE articles SET authors = ?, categories = ?, enclosures = ?, language = coalesce(?, language),
        published_at = coalesce(?, published_at), updated_at = coalesce(?, updated_at), last_seen_at = max(last_seen_at, ?),
        guid = ?, link = ?, title = ?, revision_count = revision_count + 1
      WHERE id = ?`).run(...metadata, entry.guid ?? null, entry.link ?? null, entry.title ?? null, article.id);
    return number === 0
      ? { kind: 'new', articleId: article.id, revisionId, revision: 0 }
      : { kind: 'revised', articleId: article.id, revisionId, revision: number };
  };

  const recordEntries = db.transaction((feedId: number, entries: IncomingEntry[], seenAt: number): EntryOutcome[] => {
    const feed = sql('SELECT title FROM feeds WHERE id = ?').get(feedId) as { title: string | null } | undefined;
    if (feed === undefined) return entries.map(() => ({ kind: 'invalid', reason: `feed ${feedId} not found` }));
    if (!Number.isSafeInteger(seenAt))
      return entries.map(() => ({ kind: 'invalid', reason: 'seenAt is not an integer of epoch ms' }));
    const toIndex: PendingIndex = [];
    const outcomes = entries.map((entry) => recordOne(feedId, feed.title, entry, seenAt, toIndex));
    indexPending(sql, toIndex);
    return outcomes;
  });

  return {
    recordEntries: (feedId: number, entries: IncomingEntry[], seenAt: number) =>
      recordEntries.immediate(feedId, entries, seenAt),
  };
}
