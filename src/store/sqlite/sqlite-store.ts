/**
 * The SQLite Store: opens and migrates the file, then serves the Store interface from the
 * query modules beside this file. better-sqlite3 is synchronous, so each method runs to
 * completion (its transaction included) before it returns a settled promise: no
 * transaction ever spans an await. Driver errors become AppError `store.failed`.
 */
import { AppError, isAppError } from '../../domain/errors.ts';
import type { ExportedFeed, ExportRecordsOptions } from '../archive-types.ts';
import type { Store } from '../store.ts';
import { createSqliteAccountStore } from './account-store.ts';
import { createArchiveQueries } from './archive-queries.ts';
import { createArticleQueries } from './article-queries.ts';
import { createEntryQueries } from './entry-queries.ts';
import { createFeedQueries } from './feed-queries.ts';
import { createLearnedQueries } from './learned-queries.ts';
import { createMaintenanceQueries } from './maintenance-queries.ts';
import { migrate } from './migrate.ts';
import { sqliteMigrations } from './migrations/all-migrations.ts';
import { openDatabase } from './open-database.ts';
import { createRecleanQueries } from './reclean-queries.ts';
import { createSavedSearchQueries } from './saved-search-queries.ts';
import { createSearchIndexing } from './search-index.ts';
import { createSearchQueries } from './search-queries.ts';
import { createStatements } from './statements.ts';
import { createPreferenceQueries } from './preference-queries.ts';
import { createStateCopyQueries } from './state-copy-queries.ts';
import { createStatsQueries } from './stats-queries.ts';

/** Options for a SQLite store; `path` ':memory:' gives a private in-memory database. */
export interface SqliteStoreOptions {
  path: string;
  busyTimeoutMs?: number;
}

/** Opens (creating and migrating as needed) a SQLite store; throws AppError `store.failed` or `store.unsupported-schema`. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = openDatabase(options);
  try {
    migrate(db, sqliteMigrations);
  } catch (error) {
    db.close();
    throw isAppError(error)
      ? error
      : new AppError('store.failed', `cannot migrate ${options.path}: ${describe(error)}`, { cause: error });
  }
  const context = { db, sql: createStatements(db) };
  const feeds = createFeedQueries(context);
  const entries = createEntryQueries(context);
  const articles = createArticleQueries(context);
  const archive = createArchiveQueries(context);
  const upkeep = createMaintenanceQueries(context);
  const learned = createLearnedQueries(context);
  const reclean = createRecleanQueries(context);
  const indexing = createSearchIndexing(context);
  const searching = createSearchQueries(context);
  const saved = createSavedSearchQueries(context);
  const stats = createStatsQueries(context);
  const preferences = createPreferenceQueries(context);
  const stateCopy = createStateCopyQueries(context);
  try {
    // Articles queued by the search migration, a re-cleaning or an interrupted reindex become searchable now.
    indexing.drainSearchQueue();
  } catch (error) {
    db.close();
    throw new AppError('store.failed', `cannot update the search index of ${options.path}: ${describe(error)}`, {
      cause: error,
    });
  }

  const run = async <T>(work: () => T): Promise<T> => {
    if (!db.open) throw new AppError('store.failed', 'the store is closed');
    try {
      return work();
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new AppError('store.failed', `database error: ${describe(error)}`, { cause: error });
    }
  };

  async function* exportRecords(opts: ExportRecordsOptions = {}): AsyncGenerator<ExportedFeed> {
    // One feed per step, each read whole: a better-sqlite3 cursor held open across a yield would block the connection.
    for (const id of await run(() => archive.exportFeedIds(opts.feedId))) {
      const exported = await run(() => archive.exportFeed(id, opts.fileBody));
      if (exported !== undefined) yield exported;
    }
  }

  return {
    ...createSqliteAccountStore(context, run),
    addFeed: (input) => run(() => feeds.addFeed(input)),
    getFeed: (id) => run(() => feeds.getFeed(id)),
    findFeedByUrl: (url) => run(() => feeds.findFeedByUrl(url)),
    listFeeds: (opts = {}) => run(() => feeds.listFeeds(opts.includeRemoved === true)),
    updateFeed: (id, patch) => run(() => feeds.updateFeed(id, patch)),
    removeFeed: (id, opts = {}) =>
      run(() => {
        const removed = feeds.removeFeed(id, opts.purge === true, opts.at ?? Date.now());
        // Deleted articles were queued by a trigger: their search rows go now.
        indexing.drainSearchQueue();
        return removed;
      }),
    dueFeeds: (now, limit) => run(() => feeds.dueFeeds(now, limit)),
    recordFetch: (feedId, fetch) => run(() => feeds.recordFetch(feedId, fetch)),
    recordFetches: (batch) => run(() => feeds.recordFetches(batch)),
    listFetchLog: (feedId, limit) => run(() => feeds.listFetchLog(feedId, limit)),
    recordEntries: (feedId, list, seenAt) =>
      run(() => {
        const outcomes = entries.recordEntries(feedId, list, seenAt);
        // Articles whose time changed were queued by a trigger: index them now, not at the next open.
        indexing.drainSearchQueue();
        return outcomes;
      }),
    listArticles: (opts) => run(() => articles.listArticles(opts)),
    getArticle: (id, opts) => run(() => articles.getArticle(id, opts)),
    deleteArticle: (id, at = Date.now()) =>
      run(() => {
        const deleted = articles.deleteArticle(id, at);
        indexing.drainSearchQueue();
        return deleted;
      }),
    purgeArticle: (id) =>
      run(() => {
        const purged = articles.purgeArticle(id);
        indexing.drainSearchQueue();
        return purged;
      }),
    updateCleanedBodies: (updates) =>
      run(() => {
        const outcomes = articles.updateCleanedBodies(updates);
        indexing.drainSearchQueue();
        return outcomes;
      }),
    pendingArchiveRevisions: (limit) => run(() => archive.pendingArchiveRevisions(limit)),
    markArchived: (ids, at) => run(() => archive.markArchived(ids, at)),
    exportRecords,
    importRecords: (feed, records, opts) =>
      run(() => {
        const result = archive.importRecords(feed, records, opts);
        indexing.drainSearchQueue();
        return result;
      }),
    searchArticles: (request) => run(() => searching.search(request)),
    reindexSearch: (opts = {}) =>
      run(() => {
        const started = Date.now();
        const articleCount = indexing.reindex(opts.batchSize, opts.onProgress);
        return { articles: articleCount, durationMs: Date.now() - started };
      }),
    saveSearch: (input) => run(() => saved.saveSearch(input)),
    listSavedSearches: (owner = {}) => run(() => saved.listSavedSearches(owner.userId)),
    getSavedSearch: (id, owner = {}) => run(() => saved.getSavedSearch(id, owner.userId)),
    deleteSavedSearch: (id, owner = {}) => run(() => saved.deleteSavedSearch(id, owner.userId)),
    archiveRecordsOf: (ids, opts = {}) => run(() => archive.archiveRecordsOf(ids, opts.fileBody)),
    getFeedCleaning: (feedId) => run(() => learned.getFeedCleaning(feedId)),
    updateFeedCleaning: (feedId, patch) => run(() => learned.updateFeedCleaning(feedId, patch)),
    recentRawBodies: (feedId, limit) => run(() => learned.recentRawBodies(feedId, limit)),
    listRevisionBodies: (opts) => run(() => reclean.listRevisionBodies(opts)),
    entryStates: (feedId, identities) => run(() => reclean.entryStates(feedId, identities)),
    applyRetention: (now) =>
      run(() => {
        const applied = upkeep.applyRetention(now);
        indexing.drainSearchQueue();
        return applied;
      }),
    copyStateFrom: (previous) =>
      run(() => {
        if (previous.backend !== 'sqlite')
          throw new AppError('store.failed', `cannot copy state from a ${String(previous.backend)} store into SQLite`);
        const copied = stateCopy.copyStateFrom(previous.path);
        // Articles the copy tombstoned were queued by a trigger: their search rows go now.
        indexing.drainSearchQueue();
        return copied;
      }),
    articlesPerDay: (feedId, days, now = Date.now()) => run(() => stats.articlesPerDay(feedId, days, now)),
    getUserPreferences: (userId) => run(() => preferences.getUserPreferences(userId)),
    setUserPreferences: (userId, values) => run(() => preferences.setUserPreferences(userId, values)),
    counts: () => run(() => upkeep.counts()),
    integrityCheck: () => run(() => upkeep.integrityCheck()),
    close: async () => {
      if (db.open) db.close();
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
