/**
 * The store's feed shapes: a subscribed feed with its schedule, validators, last error and
 * per-feed settings, and the inputs that add, change and record fetches of one. Times are
 * epoch milliseconds; user settings that the issue states in seconds or days say so in
 * their names.
 */
import type { FeedFormat } from '../domain/parsed-feed.ts';

/** How full text is taken from the article page: never, when the feed's text looks truncated, or always. */
export type FullTextMode = 'off' | 'auto' | 'always';

/** Per-feed settings; absent numbers mean "use the defaults" (retention absent = keep forever). */
export interface FeedSettings {
  /** A charset label that overrides what the document declares. */
  encodingOverride?: string;
  fullText: FullTextMode;
  minIntervalSeconds?: number;
  maxIntervalSeconds?: number;
  /** Articles older than this many days are deleted; absent = nothing is ever deleted. */
  retentionDays?: number;
  /** Whether boilerplate learned from this feed's other articles is removed when cleaning. */
  learnedBoilerplate: boolean;
}

/** A change to settings: `undefined` keeps a value, `null` clears an optional one. */
export interface FeedSettingsPatch {
  encodingOverride?: string | null;
  fullText?: FullTextMode;
  minIntervalSeconds?: number | null;
  maxIntervalSeconds?: number | null;
  retentionDays?: number | null;
  learnedBoilerplate?: boolean;
}

/** An error as stored on the feed's row and in the fetch log. */
export interface StoredError {
  code: string;
  message: string;
}

/** One subscribed feed. */
export interface Feed {
  id: number;
  url: string;
  /** The user's title when `titleFromUser`, else the one learned from the document. */
  title?: string;
  titleFromUser: boolean;
  siteUrl?: string;
  description?: string;
  category?: string;
  format?: FeedFormat;
  language?: string;
  validators: { etag?: string; lastModified?: string };
  nextCheckAt: number;
  checkIntervalMs?: number;
  /** The estimated time between the feed's posts. */
  postingIntervalMs?: number;
  /** Failed fetches in a row; reset by a successful one. */
  errorCount: number;
  lastError?: StoredError;
  lastStatus?: number;
  lastFetchedAt?: number;
  lastSuccessAt?: number;
  createdAt: number;
  /** Set when unsubscribed; the feed keeps its articles until purged. */
  removedAt?: number;
  settings: FeedSettings;
}

/** Per-feed numbers over its articles that are not deleted. */
export interface FeedStats {
  articleCount: number;
  revisionCount: number;
  latestArticleAt?: number;
}

/** A feed with its stats, as `listFeeds` returns it. */
export interface FeedWithStats extends Feed {
  stats: FeedStats;
}

/** What `addFeed` takes; `now` (default the clock) is the creation time and first check time. */
export interface NewFeed {
  url: string;
  /** A title the user chose; a title learned later never replaces it. */
  title?: string;
  category?: string;
  siteUrl?: string;
  settings?: Partial<FeedSettings>;
  now?: number;
}

/** `exists` for a subscribed URL; `restored` re-subscribes a removed feed with its articles. */
export type AddFeedResult =
  | { kind: 'added'; feed: Feed }
  | { kind: 'exists'; feed: Feed }
  | { kind: 'restored'; feed: Feed }
  | { kind: 'invalid'; reason: string };

/** A change to a feed: `undefined` keeps a value, `null` clears it (a cleared title can be learned again). */
export interface FeedPatch {
  /** The new URL, e.g. after a permanent redirect. */
  url?: string;
  title?: string | null;
  category?: string | null;
  siteUrl?: string | null;
  description?: string | null;
  /** E.g. `now` to check the feed at once. */
  nextCheckAt?: number;
  settings?: FeedSettingsPatch;
}

/** `url-taken` when another feed already has the new URL. */
export type UpdateFeedResult =
  | { kind: 'updated'; feed: Feed }
  | { kind: 'not-found' }
  | { kind: 'url-taken'; feedId: number }
  | { kind: 'invalid'; reason: string };

/** `removed` keeps the articles; `purged` deleted the feed with its articles, revisions and fetch log. */
export type RemoveFeedResult = { kind: 'removed'; feed: Feed } | { kind: 'purged' } | { kind: 'not-found' };

/** How one fetch ended, as the fetch log keeps it. */
export type FetchOutcomeKind = 'ok' | 'not-modified' | 'rate-limited' | 'failed';

/** What one fetch did and what it learned: recorded by `recordFetch` in one atomic step. */
export interface FetchRecord {
  startedAt: number;
  durationMs: number;
  outcome: FetchOutcomeKind;
  httpStatus?: number;
  bytes?: number;
  itemCount?: number;
  newArticles?: number;
  newRevisions?: number;
  error?: StoredError;
  /** The validators of an `ok` response; given, they replace the stored ones (an absent one is cleared). */
  validators?: { etag?: string; lastModified?: string };
  schedule: { nextCheckAt: number; checkIntervalMs?: number; postingIntervalMs?: number };
  /** Metadata the document carried; the title is taken only when the user set none. */
  document?: { title?: string; siteUrl?: string; description?: string; format?: FeedFormat; language?: string };
}

/** One feed's fetch in a `recordFetches` batch. */
export interface FetchRecordOf {
  feedId: number;
  fetch: FetchRecord;
}

/** The feed as it is after the fetch was recorded. */
export type RecordFetchResult = { kind: 'recorded'; feed: Feed } | { kind: 'not-found' };

/** One fetch log row: the figures of a FetchRecord, with its ids. */
export type FetchLogEntry = { id: number; feedId: number } & Pick<
  FetchRecord,
  | 'startedAt'
  | 'durationMs'
  | 'outcome'
  | 'httpStatus'
  | 'bytes'
  | 'itemCount'
  | 'newArticles'
  | 'newRevisions'
  | 'error'
>;
