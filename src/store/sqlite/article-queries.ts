/**
 * SQLite article reads and changes: keyset-paginated lists (newest first by time, then
 * id, using the articles_time / articles_feed_time indexes), one article with its
 * revisions, tombstoning, purging, and re-cleaned bodies.
 */
import { AppError } from '../../domain/errors.ts';
import { decodeArticleCursor, encodeArticleCursor } from '../article-cursor.ts';
import type {
  Article,
  ArticlePage,
  CleanedBodyUpdate,
  DeleteArticleResult,
  GetArticleOptions,
  ListArticlesOptions,
  RevisionOutcome,
} from '../article-types.ts';
import { rowToArticleSummary, rowToRevision } from '../map-rows.ts';
import type { ArticleRow, RevisionRow } from '../rows.ts';
import { articleFilterSql } from './article-filter-sql.ts';
import type { SqliteContext } from './statements.ts';

// A revision row with its archive state (kept beside it: migration 2026-11-26-010).
const REVISIONS = 'SELECT r.*, ra.archived_at FROM revisions r LEFT JOIN revision_archive ra ON ra.revision_id = r.id';

/** Returns the article functions over one connection. */
export function createArticleQueries({ db, sql }: SqliteContext) {
  const updateCleanedBodies = db.transaction((updates: CleanedBodyUpdate[]): RevisionOutcome[] =>
    updates.map(({ revisionId, cleanedBody }) => {
      const { changes } = sql('UPDATE revisions SET cleaned_body = ? WHERE id = ?').run(cleanedBody, revisionId);
      return { revisionId, kind: changes === 1 ? 'updated' : 'not-found' };
    }),
  );

  return {
    /** Throws AppError `input.invalid` for a cursor this store did not make or a limit that is not a positive integer. */
    listArticles(options: ListArticlesOptions): ArticlePage {
      if (!Number.isSafeInteger(options.limit) || options.limit < 1)
        throw new AppError('input.invalid', 'limit must be a positive integer');
      let before: { time: number; id: number } | undefined;
      if (options.cursor !== undefined) {
        before = decodeArticleCursor(options.cursor);
        if (before === undefined) throw new AppError('input.invalid', 'the page cursor is not valid');
      }
      // A feed asked for by id is listed even when it was removed.
      const { where, params } = articleFilterSql({
        feedId: options.feedId,
        excludeRemovedFeeds: options.feedId === undefined && options.includeRemovedFeeds !== true,
        includeDeleted: options.includeDeleted,
        since: options.since,
        until: options.until,
        before,
      });
      const text = `SELECT a.* FROM articles a ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
        ORDER BY a.sort_time DESC, a.id DESC LIMIT ?`;
      const rows = sql(text).all(...params, options.limit + 1) as ArticleRow[];
      const page = rows.slice(0, options.limit).map(rowToArticleSummary);
      const last = page.at(-1);
      return rows.length > options.limit && last !== undefined
        ? { articles: page, nextCursor: encodeArticleCursor({ time: last.time, id: last.id }) }
        : { articles: page };
    },
    getArticle(id: number, options: GetArticleOptions = {}): Article | undefined {
      const row = sql('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
      if (row === undefined) return undefined;
      const revisions = (
        options.revisions === 'latest'
          ? sql(`${REVISIONS} WHERE r.article_id = ? ORDER BY r.number DESC LIMIT 1`).all(id)
          : sql(`${REVISIONS} WHERE r.article_id = ? ORDER BY r.number`).all(id)
      ) as RevisionRow[];
      return { ...rowToArticleSummary(row), revisions: revisions.map(rowToRevision) };
    },
    deleteArticle(id: number, at: number): DeleteArticleResult {
      const { changes } = sql('UPDATE articles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, id);
      if (changes === 1) return { kind: 'deleted' };
      return sql('SELECT 1 FROM articles WHERE id = ?').get(id) === undefined
        ? { kind: 'not-found' }
        : { kind: 'already-deleted' };
    },
    purgeArticle: (id: number): boolean => sql('DELETE FROM articles WHERE id = ?').run(id).changes === 1,
    updateCleanedBodies: (updates: CleanedBodyUpdate[]) => updateCleanedBodies.immediate(updates),
  };
}
