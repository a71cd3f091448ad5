/**
 * Writing the SQLite search index (see migration 2026-11-26-003-search for its shape). A new
 * revision is indexed inside the transaction that stores it (`indexPending`), so a
 * committed article is always searchable; everything else that changes indexed text
 * (re-cleaned bodies, the first open after the migration, `tidings reindex`) goes through the
 * durable `search_queue`, drained in batches of one transaction each: a crash leaves the rest
 * queued for the next drain. Tokens come from tokenize/, the stage the query side uses too:
 * indexing must share the query side's tokenizer exactly, and it is pure (no I/O, no state). A
 * drain of many articles (`reindex`, the first open after a format change) tokenizes on a
 * second thread too (tokenize/token-pool.ts) while this one writes, still inside each batch's
 * one transaction, so the queue semantics are unchanged.
 *
 * The index rows of a transaction's new revisions are written at its end, after every other
 * write (`PendingIndex`, `indexPending`). FTS5 keeps the rows of a transaction in memory and
 * writes them out as one segment at commit, but also whenever a later statement of the
 * transaction opens a statement savepoint (any write that may change several rows or fail
 * half-way: an insert that fires triggers, checks foreign keys or upserts), since a savepoint
 * makes FTS5 flush its pending rows. Interleaved with the article inserts, each article's
 * index row became a segment of its own, to be merged again later; written last, a
 * transaction of 50 articles writes one segment, and storing an article costs about a third
 * less (bench/README.md, "Search index rows last in a transaction").
 */
import {
  documentTokens,
  withDateTokens,
  type DocumentTokens,
  type SearchableRevision,
} from '../../tokenize/document-tokens.ts';
import { MAX_INDEXED_HTML } from '../../tokenize/html-to-text.ts';
import { createTokenPool, type TokenPool } from '../../tokenize/token-pool.ts';
import type { Category, Person } from '../../domain/parsed-feed.ts';
import type { RevisionRow } from '../rows.ts';
import type { SqliteContext, Statements } from './statements.ts';

/** Writes one article's index row from its latest revision and the article's time, replacing any row it had. */
export function writeSearchRow(
  sql: Statements,
  articleId: number,
  revision: SearchableRevision,
  replace: boolean,
  time: number | undefined,
): void {
  writeSearchTokens(sql, articleId, documentTokens(revision, time), replace);
}

function writeSearchTokens(sql: Statements, articleId: number, t: DocumentTokens, replace: boolean): void {
  if (replace) sql('DELETE FROM search_fts WHERE rowid = ?').run(articleId);
  sql('INSERT INTO search_fts (rowid, body, title, author, feed, category, pairs) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    articleId,
    t.body,
    t.title,
    t.author,
    t.feed,
    t.category,
    t.pairs,
  );
}

/** A revision inserted in the current transaction, to be indexed at its end. */
export type IndexableRevision = SearchableRevision & { articleId: number; number: number; publishedAt?: number };

/** The revisions a transaction inserted, in order, indexed by `indexPending` after its other writes. */
export type PendingIndex = IndexableRevision[];

/** Indexes the transaction's new revisions that are their article's latest; call it after the transaction's last other write. */
export function indexPending(sql: Statements, pending: PendingIndex): void {
  for (const revision of pending) indexLatestRevision(sql, revision);
  pending.length = 0;
}

/**
 * Indexes an inserted revision when it is its article's latest (imports may insert older
 * numbers later, or several revisions of one article at once), with the article's time as
 * the transaction left it; any later change of an article's time queues it again (trigger of
 * migration 2026-11-26-009-search-tokens).
 */
function indexLatestRevision(sql: Statements, revision: IndexableRevision): void {
  if (
    sql('SELECT 1 FROM revisions WHERE article_id = ? AND number > ? LIMIT 1').get(
      revision.articleId,
      revision.number,
    ) !== undefined
  )
    return;
  const time = sql('SELECT coalesce(?, published_at, first_seen_at) FROM articles WHERE id = ?')
    .pluck()
    .get(revision.publishedAt ?? null, revision.articleId) as number | undefined;
  writeSearchRow(sql, revision.articleId, revision, revision.number > 0, time);
}

// The body indexed is the cleaned one, else the raw one (documentTokens): only that one is read.
type QueuedRow = Pick<RevisionRow, 'article_id' | 'title' | 'summary' | 'authors' | 'categories' | 'feed_title'> & {
  sort_time: number;
  body: string;
};

/** Options of the indexing functions: from how many queued articles a drain also tokenizes on a worker thread (default 2,000). */
export interface SearchIndexingOptions {
  poolFrom?: number;
}

const toRevision = (row: QueuedRow): SearchableRevision => ({
  title: row.title ?? undefined,
  summary: row.summary ?? undefined,
  rawBody: row.body,
  authors: JSON.parse(row.authors) as Person[],
  categories: JSON.parse(row.categories) as Category[],
  feedTitle: row.feed_title ?? undefined,
});

/** Returns the queue and reindex functions over one connection. */
export function createSearchIndexing({ db, sql }: SqliteContext, options: SearchIndexingOptions = {}) {
  const poolFrom = options.poolFrom ?? 2000;
  const drainBatch = db.transaction((limit: number, pool: TokenPool | undefined): number => {
    const ids = sql('SELECT article_id FROM search_queue ORDER BY article_id LIMIT ?').pluck().all(limit) as number[];
    if (ids.length === 0) return 0;
    const last = ids[ids.length - 1];
    const rows = sql(`
      SELECT q.article_id, a.sort_time, r.title, r.summary, substr(coalesce(r.cleaned_body, r.raw_body), 1, ${MAX_INDEXED_HTML}) AS body, r.authors, r.categories, r.feed_title
      FROM search_queue q
      JOIN articles a ON a.id = q.article_id AND a.deleted_at IS NULL
      JOIN revisions r ON r.article_id = q.article_id
        AND r.number = (SELECT max(number) FROM revisions WHERE article_id = q.article_id)
      WHERE q.article_id <= ?
      ORDER BY q.article_id`).all(last) as QueuedRow[];
    const revisions = rows.map(toRevision);
    if (pool === undefined) {
      for (const [i, row] of rows.entries()) writeSearchRow(sql, row.article_id, revisions[i], true, row.sort_time);
    } else {
      pool.tokenizeInOrder(revisions, (i, tokens) =>
        writeSearchTokens(sql, rows[i].article_id, withDateTokens(tokens, rows[i].sort_time), true),
      );
    }
    sql('DELETE FROM search_queue WHERE article_id <= ?').run(last);
    return ids.length;
  });

  // Queued articles that are gone or tombstoned (the triggers of migration 011 queue them) lose their
  // rows in one transaction, one statement each: FTS5 then writes a single segment for all of them.
  const dropGone = db.transaction((): number => {
    const gone = `SELECT q.article_id FROM search_queue q
      WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id AND a.deleted_at IS NULL)`;
    sql(`DELETE FROM search_fts WHERE rowid IN (${gone})`).run();
    return sql(`DELETE FROM search_queue WHERE article_id IN (${gone})`).run().changes;
  });

  const drain = (batchSize = 500, onProgress?: (done: number) => void): number => {
    const dropped = dropGone.immediate();
    const many =
      Number.isSafeInteger(poolFrom) &&
      (sql('SELECT count(*) FROM (SELECT 1 FROM search_queue LIMIT ?)').pluck().get(Math.max(1, poolFrom)) as number) >=
        Math.max(1, poolFrom);
    const pool = many ? createTokenPool() : undefined;
    let done = dropped;
    try {
      for (;;) {
        const removed = drainBatch.immediate(batchSize, pool);
        if (removed === 0) return done;
        done += removed;
        onProgress?.(done);
      }
    } finally {
      pool?.close();
    }
  };

  const startReindex = db.transaction((): number => {
    sql("INSERT INTO search_fts (search_fts) VALUES ('delete-all')").run();
    sql('DELETE FROM search_queue').run();
    sql('DELETE FROM search_time_blocks').run();
    sql(
      'INSERT INTO search_time_blocks (block, min_time, max_time) SELECT id >> 10, min(sort_time), max(sort_time) FROM articles GROUP BY id >> 10',
    ).run();
    return sql('INSERT INTO search_queue (article_id) SELECT id FROM articles WHERE deleted_at IS NULL').run().changes;
  });

  return {
    /** Indexes queued articles; returns how many queue entries were handled. */
    drainSearchQueue: drain,
    /** Rebuilds the whole index through the queue, then merges it into one segment. */
    reindex(batchSize = 500, onProgress?: (done: number, total: number) => void): number {
      const total = startReindex.immediate();
      drain(batchSize, (done) => onProgress?.(done, total));
      sql("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
      return total;
    },
    /** Returns how many articles wait in the queue. */
    queuedCount: (): number => sql('SELECT count(*) FROM search_queue').pluck().get() as number,
  };
}
