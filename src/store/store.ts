/**
 * The Store interface: everything Tidings persists, behind one back-end-neutral, async
 * contract (Kysely-style: one folder per back end with the same file names, chosen only
 * in open-store.ts). Every method is atomic on its own — a batch is one transaction inside
 * the back end — so no caller ever holds a transaction across an await. Expected outcomes
 * (not found, exists, tombstoned, invalid entry) are values; a database failure throws
 * AppError `store.failed`.
 */
import type { StoreOptions } from './store-options.ts';
import type {
  AddFeedResult,
  Feed,
  FeedWithStats,
  FetchLogEntry,
  FetchRecord,
  FetchRecordOf,
  NewFeed,
  FeedPatch,
  RecordFetchResult,
  RemoveFeedResult,
  UpdateFeedResult,
} from './feed-types.ts';
import type {
  Article,
  ArticlePage,
  CleanedBodyUpdate,
  DeleteArticleResult,
  EntryOutcome,
  GetArticleOptions,
  IncomingEntry,
  ListArticlesOptions,
  RevisionOutcome,
} from './article-types.ts';
import type {
  ExportedFeed,
  ExportRecordsOptions,
  ImportRecordsOptions,
  ImportRecordsResult,
  PendingRevision,
} from './archive-types.ts';
import type { ArchiveFeed, ArchiveRecord } from '../domain/archive-record.ts';
import type { AccountStore } from './account-types.ts';
import type {
  FeedCleaning,
  FeedCleaningPatch,
  ListRevisionBodiesOptions,
  RevisionBodies,
  StoredEntryState,
} from './cleaning-types.ts';
import type {
  NewSavedSearch,
  ReindexOptions,
  ReindexResult,
  SavedSearch,
  SavedSearchOwner,
  SearchPage,
  SearchRequest,
} from './search-types.ts';

/** What `applyRetention` deleted; `tombstoned` articles lost their revisions but stay as tombstones while their feed still carries them. */
export interface RetentionResult {
  articlesDeleted: number;
  revisionsDeleted: number;
  tombstoned: number;
}

/** What `copyStateFrom` copied: the users now in the store, feeds added that had no archived article, subscriptions, read/starred marks and tombstones. */
export interface StateCopyResult {
  users: number;
  feedsAdded: number;
  subscriptions: number;
  marks: number;
  tombstones: number;
}

/** Totals for metrics and the UI: feeds not removed, articles not deleted, all revisions, revisions waiting for the archive. */
export interface StoreCounts {
  feeds: number;
  articles: number;
  revisions: number;
  pendingArchive: number;
}

/** One UTC day (`YYYY-MM-DD`) and how many articles it has. */
export interface DayCount {
  day: string;
  count: number;
}

/** The database's own consistency check. */
export type IntegrityResult = { kind: 'ok' } | { kind: 'problems'; messages: string[] };

/** Feeds: subscribing, the fetch schedule and the record of every fetch. */
export interface FeedStore {
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
  /** Records many feeds' fetches in one transaction (all or none); one result per item, in order, as recordFetch gives. */
  recordFetches(batch: readonly FetchRecordOf[]): Promise<RecordFetchResult[]>;
  /** Returns the feed's latest fetch log rows, newest first. */
  listFetchLog(feedId: number, limit: number): Promise<FetchLogEntry[]>;
}

/** Articles and their revisions: storing what a fetch brought, reading, deleting. */
export interface ArticleStore {
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
  /** Returns the feed's articles per UTC day (by article time) for the `days` days ending with the day of `now`, oldest first, zero-filled. */
  articlesPerDay(feedId: number, days: number, now?: number): Promise<DayCount[]>;
}

/** The plain-file archive's side of the store: revisions waiting for a file, export and import of records. */
export interface ArchiveStore {
  /** Returns up to `limit` revisions without an archive file, oldest first, as archive records. */
  pendingArchiveRevisions(limit: number): Promise<PendingRevision[]>;
  /** Marks revisions as written to the archive at `at`. */
  markArchived(revisionIds: number[], at: number): Promise<RevisionOutcome[]>;
  /** Yields each feed (ordered by URL) with all revisions of its articles that are not deleted. */
  exportRecords(options?: ExportRecordsOptions): AsyncIterable<ExportedFeed>;
  /** Imports one feed's records in one transaction; idempotent (identity + revision present = skipped). */
  importRecords(
    feed: ArchiveFeed,
    records: ArchiveRecord[],
    options?: ImportRecordsOptions,
  ): Promise<ImportRecordsResult>;
  /** Returns the archive records of the given revisions (archived or not), in id order, for rewriting their files. */
  archiveRecordsOf(
    revisionIds: readonly number[],
    options?: { fileBody?: 'cleaned' | 'raw' },
  ): Promise<PendingRevision[]>;
}

/** Full-text search and saved searches. */
export interface SearchStore {
  /** Returns one page of the articles a search request matches (its tokens made by search/); throws AppError `input.invalid` for a bad limit or cursor. */
  searchArticles(request: SearchRequest): Promise<SearchPage>;
  /** Rebuilds the full-text index from every article's latest revision (durably: an interrupted rebuild resumes on the next open). */
  reindexSearch(options?: ReindexOptions): Promise<ReindexResult>;
  /** Saves (or, under a name its owner already used, replaces) a named search; throws AppError `input.invalid` when name or query is empty. */
  saveSearch(input: NewSavedSearch): Promise<SavedSearch>;
  /** Returns the owner's saved searches by name (no `userId`: those saved without a user). */
  listSavedSearches(owner?: SavedSearchOwner): Promise<SavedSearch[]>;
  /** Returns the owner's saved search with this id, or undefined when there is none or it is someone else's. */
  getSavedSearch(id: number, owner?: SavedSearchOwner): Promise<SavedSearch | undefined>;
  /** Deletes the owner's saved search; false when there is none with this id or it is someone else's. */
  deleteSavedSearch(id: number, owner?: SavedSearchOwner): Promise<boolean>;
}

/** What cleaning reads and learns per feed. */
export interface CleaningStore {
  /** Returns the feed's cleaning state (learned rules, generator); an empty state for a feed never learned from. */
  getFeedCleaning(feedId: number): Promise<FeedCleaning>;
  /** Changes the feed's cleaning state; false when there is no such feed. */
  updateFeedCleaning(feedId: number, patch: FeedCleaningPatch): Promise<boolean>;
  /** Returns the latest raw body of the feed's `limit` most recent articles that are not deleted, newest first. */
  recentRawBodies(feedId: number, limit: number): Promise<string[]>;
  /** Returns a page of the bodies of every revision of the feed's articles that are not deleted, by revision id. */
  listRevisionBodies(options: ListRevisionBodiesOptions): Promise<RevisionBodies[]>;
  /** Returns, per identity already stored for the feed, its latest revision's fingerprint, title key and link. */
  entryStates(feedId: number, identities: readonly string[]): Promise<Map<string, StoredEntryState>>;
}

/** Per-user preferences of the reader. */
export interface PreferenceStore {
  /** Returns the user's preferences (key → value; absent keys are unset). */
  getUserPreferences(userId: number): Promise<Record<string, string>>;
  /** Sets the given preferences of the user in one step; false when there is no such user. */
  setUserPreferences(userId: number, values: Record<string, string>): Promise<boolean>;
}

/** Upkeep: retention, state copy for a rebuild, totals, integrity, closing. */
export interface MaintenanceStore {
  /** Deletes articles older than their feed's retention, only for feeds that set one. */
  applyRetention(now: number): Promise<RetentionResult>;
  /**
   * Copies from the previous database of this back end (a database being replaced by one rebuilt from the archive) what the
   * archive does not hold: accounts, sessions, tokens, preferences, saved searches, feed settings and state, subscriptions,
   * read and starred marks, tombstones. Call it once, on a store holding only imported archive records.
   */
  copyStateFrom(previous: StoreOptions): Promise<StateCopyResult>;
  /** Returns totals. */
  counts(): Promise<StoreCounts>;
  /** Runs the back end's integrity and foreign-key checks. */
  integrityCheck(): Promise<IntegrityResult>;
  /** Closes the database; the store must not be used afterwards. */
  close(): Promise<void>;
}

/** The persistence contract: every role, as each back end implements it (the account methods are in account-types.ts). */
export interface Store
  extends AccountStore,
    FeedStore,
    ArticleStore,
    ArchiveStore,
    SearchStore,
    CleaningStore,
    PreferenceStore,
    MaintenanceStore {}
