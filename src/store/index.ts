/**
 * The store owns persistence: feeds, articles, every revision, the fetch log. Nothing
 * outside store/ writes SQL. It imports only domain/ and util/ (the archive record it exports
 * and imports is a domain type, so the store and archive/ never import each other).
 */
export { openStore } from './open-store.ts';
export type { StoreOptions } from './open-store.ts';
export type { Store, RetentionResult, StoreCounts, IntegrityResult } from './store.ts';
export type {
  Feed, FeedSettings, FeedSettingsPatch, FeedStats, FeedWithStats, FullTextMode, NewFeed, AddFeedResult, FeedPatch,
  UpdateFeedResult, RemoveFeedResult, FetchOutcomeKind, FetchRecord, RecordFetchResult, FetchLogEntry, StoredError,
} from './feed-types.ts';
export type {
  IncomingEntry, EntryOutcome, ArticleSummary, Revision, Article, GetArticleOptions, ListArticlesOptions, ArticlePage,
  DeleteArticleResult, CleanedBodyUpdate, RevisionOutcome,
} from './article-types.ts';
export type {
  PendingRevision, ExportRecordsOptions, ExportedFeed, ImportRecordsOptions, ImportRecordsResult,
} from './archive-types.ts';
