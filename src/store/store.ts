/**
 * The Store interface: everything Tidings persists, behind one back-end-neutral, async
 * contract (Kysely-style: one folder per back end with the same file names, chosen only
 * in open-store.ts). Every method is atomic on its own — a batch is one transaction inside
 * the back end — so no caller ever holds a transaction across an await. Expected outcomes
 * (not found, exists, tombstoned, invalid entry) are values; a database failure throws
 * AppError `store.failed`.
 */
import type {
  AddFeedResult, Feed, FeedWithStats, FetchLogEntry, FetchRecord, NewFeed, FeedPatch,
  RecordFetchResult, RemoveFeedResult, UpdateFeedResult,
} from './feed-types.ts';
import type {
  Article, ArticlePage, CleanedBodyUpdate, DeleteArticleResult, EntryOutcome, GetArticleOptions,
  IncomingEntry, ListArticlesOptions, RevisionOutcome,
} from './article-types.ts';
import type {
  ExportedFeed, ExportRecordsOptions, ImportRecordsOptions, ImportRecordsResult, PendingRevision,
} from './archive-types.ts';
import type { ArchiveFeed, ArchiveRecord } from '../domain/archive-record.ts';

/** What `applyRetention` deleted; `tombstoned` articles lost their revisions but stay as tombstones while their feed still carries them. */
export interface RetentionResult { articlesDeleted: number; revisionsDeleted: number; tombstoned: number }

/** Totals for metrics and the UI: feeds not removed, articles not deleted, all revisions, revisions waiting for the archive. */
export interface StoreCounts { feeds: number; articles: number; revisions: number; pendingArchive: number }

/** The database's own consistency check. */
export type IntegrityResult = { kind: 'ok' } | { kind: 'problems'; messages: string[] };

/** The persistence contract; see each method. */
export interface Store {
  /** Subscribes to a URL; `exists` when subscribed, `restored` when it had been removed. */
  addFeed(input: NewFeed): Promise<AddFeedResult>;
  /** Returns the feed, removed or not, or undefined. */
  getFeed(id: number): Promise<Feed | undefined>;
  /** Returns the feed with exactly this URL, or undefined. */
  findFeedByUrl(url: string): Promise<Feed | undefined>;
  /** Returns feeds in id order with their stats; removed feeds only when asked. */
  listFeeds(options?: { includeRemoved?: boolean }): Promise<FeedWithStats[]>;
  /** Changes the user's fields and settings of a feed. */
  updateFeed(id: number, patch: FeedPatch): Promise<UpdateFeedResult>;
  /** Unsubscribes (keeping articles), or with `purge` deletes the feed and everything of it. */
  removeFeed(id: number, options?: { purge?: boolean; at?: number }): Promise<RemoveFeedResult>;
  /** Returns up to `limit` subscribed feeds whose next check is at or before `now`, most overdue first. */
  dueFeeds(now: number, limit: number): Promise<Feed[]>;
  /** Records one fetch: validators, schedule, error state, learned metadata and the log row, atomically. */
  recordFetch(feedId: number, fetch: FetchRecord): Promise<RecordFetchResult>;
  /** Returns the feed's latest fetch log rows, newest first. */
  listFetchLog(feedId: number, limit: number): Promise<FetchLogEntry[]>;

  /** Stores a fetched document's entries in one transaction; one outcome per entry, in order. */
  recordEntries(feedId: number, entries: IncomingEntry[], seenAt: number): Promise<EntryOutcome[]>;
  /** Returns a page of article summaries, newest first (time, then id). */
  listArticles(options: ListArticlesOptions): Promise<ArticlePage>;
  /** Returns the article with its revisions (bodies included), deleted or not, or undefined. */
  getArticle(id: number, options?: GetArticleOptions): Promise<Article | undefined>;
  /** Tombstones the article: hidden, never stored again, its revisions kept. */
  deleteArticle(id: number, at?: number): Promise<DeleteArticleResult>;
  /** Deletes the article and its revisions for good (no tombstone); false when it did not exist. */
  purgeArticle(id: number): Promise<boolean>;
  /** Replaces cleaned bodies (re-cleaning); archived files are history and are not redone. */
  updateCleanedBodies(updates: CleanedBodyUpdate[]): Promise<RevisionOutcome[]>;

  /** Returns up to `limit` revisions without an archive file, oldest first, as archive records. */
  pendingArchiveRevisions(limit: number): Promise<PendingRevision[]>;
  /** Marks revisions as written to the archive at `at`. */
  markArchived(revisionIds: number[], at: number): Promise<RevisionOutcome[]>;
  /** Yields each feed (ordered by URL) with all revisions of its articles that are not deleted. */
  exportRecords(options?: ExportRecordsOptions): AsyncIterable<ExportedFeed>;
  /** Imports one feed's records in one transaction; idempotent (identity + revision present = skipped). */
  importRecords(feed: ArchiveFeed, records: ArchiveRecord[], options?: ImportRecordsOptions): Promise<ImportRecordsResult>;

  /** Deletes articles older than their feed's retention, only for feeds that set one. */
  applyRetention(now: number): Promise<RetentionResult>;
  /** Returns totals. */
  counts(): Promise<StoreCounts>;
  /** Runs the back end's integrity and foreign-key checks. */
  integrityCheck(): Promise<IntegrityResult>;
  /** Closes the database; the store must not be used afterwards. */
  close(): Promise<void>;
}
