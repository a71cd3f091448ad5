/**
 * The one INSERT of a revision row, shared by `recordEntries` (new versions from a feed)
 * and `importRecords` (versions read back from the archive), so both write the same columns
 * and both keep the search index in step: each revision joins the transaction's pending
 * index, which the caller writes after its other writes (search-index.ts says why).
 */
import type { IncomingEntry, Revision } from '../article-types.ts';
import { categoriesJson, enclosuresJson, personsJson } from '../map-rows.ts';
import type { PendingIndex } from './search-index.ts';
import type { Statements } from './statements.ts';

/** The values of one new revision; `number` is chosen by the caller. */
export type RevisionValues = Omit<Revision, 'id'> & Pick<IncomingEntry, 'contentTokens'>;

/** Inserts the revision with its archive state (pending unless `archivedAt`), adds it to the transaction's pending index, and returns its id. */
export function insertRevision(sql: Statements, v: RevisionValues, pendingIndex: PendingIndex): number {
  const { lastInsertRowid } = sql(`
    INSERT INTO revisions (article_id, number, title, link, guid, summary, authors, categories, enclosures,
      published_at, updated_at, feed_title, raw_body, cleaned_body, fingerprint, title_key, seen_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    v.articleId,
    v.number,
    v.title ?? null,
    v.link ?? null,
    v.guid ?? null,
    v.summary ?? null,
    personsJson(v.authors),
    categoriesJson(v.categories),
    enclosuresJson(v.enclosures),
    v.publishedAt ?? null,
    v.updatedAt ?? null,
    v.feedTitle ?? null,
    v.rawBody,
    v.cleanedBody ?? null,
    v.fingerprint ?? null,
    v.titleKey ?? null,
    v.seenAt,
  );
  const id = Number(lastInsertRowid);
  sql('INSERT INTO revision_archive (revision_id, archived_at) VALUES (?, ?)').run(id, v.archivedAt ?? null);
  pendingIndex.push(v);
  return id;
}
