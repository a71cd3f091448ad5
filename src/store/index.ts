/**
 * The store owns persistence: feeds, articles, every revision, the fetch log. Nothing
 * outside store/ writes SQL. It imports only tokenize/ (the search index is written with the
 * query side's tokens), domain/ and util/ (the archive record it exports and imports is a
 * domain type, so the store and archive/ never import each other).
 */
export { openScratchStore, openStore, storeExists } from './open-store.ts';
export type { ScratchStore } from './scratch-store.ts';
export type { StoreOptions } from './open-store.ts';
export type {
  Store,
  FeedStore,
  ArticleStore,
  ArchiveStore,
  SearchStore,
  CleaningStore,
  PreferenceStore,
  MaintenanceStore,
  RetentionResult,
  StateCopyResult,
  StoreCounts,
  IntegrityResult,
  DayCount,
} from './store.ts';
export type {
  AccountStore,
  AddSubscriptionResult,
  ApiToken,
  ArticleState,
  CreateUserResult,
  MarkAllReadOptions,
  NewApiToken,
  NewSession,
  NewSubscription,
  NewUser,
  Session,
  Subscription,
  SubscriptionLabel,
  SubscriptionPatch,
  TimelineArticle,
  TimelineItem,
  TimelineItemsPage,
  TimelineOptions,
  TimelinePage,
  TimelineView,
  TokenScope,
  UnreadCounts,
  User,
  UserCredentials,
  UserPatch,
} from './account-types.ts';
export { userNameKey } from './user-name-key.ts';
export type {
  Feed,
  FeedSettings,
  FeedSettingsPatch,
  FeedStats,
  FeedWithStats,
  FullTextMode,
  NewFeed,
  AddFeedResult,
  FeedPatch,
  UpdateFeedResult,
  RemoveFeedResult,
  FetchOutcomeKind,
  FetchRecord,
  FetchRecordOf,
  RecordFetchResult,
  FetchLogEntry,
  StoredError,
} from './feed-types.ts';
export type {
  IncomingEntry,
  EntryOutcome,
  ArticleSummary,
  Revision,
  Article,
  GetArticleOptions,
  ListArticlesOptions,
  ArticlePage,
  DeleteArticleResult,
  CleanedBodyUpdate,
  RevisionOutcome,
} from './article-types.ts';
export type {
  MatchNode,
  NewSavedSearch,
  ReindexOptions,
  ReindexResult,
  SavedSearch,
  SavedSearchOwner,
  SearchField,
  SearchHit,
  SearchPage,
  SearchRequest,
  SearchSort,
  SearchToken,
} from './search-types.ts';
export type {
  FeedCleaning,
  FeedCleaningPatch,
  ListRevisionBodiesOptions,
  RevisionBodies,
  StoredEntryState,
  StoredLearnedRule,
} from './cleaning-types.ts';
export type {
  PendingRevision,
  ExportRecordsOptions,
  ExportedFeed,
  ImportRecordsOptions,
  ImportRecordsResult,
} from './archive-types.ts';
