// ingest/ owns the use cases: refresh one feed, refresh rounds, the scheduler, subscribe,
// OPML and archive transfer, rebuild. It imports stages, store, archive and domain; never context, config, cli or web.
export type { IngestContext, IngestSettings } from './ingest-context.ts';
export { refreshFeed, applyFetchResult, fetchOptionsFor } from './refresh/refresh-feed.ts';
export type { RefreshFeedOptions, ApplyFetchOptions } from './refresh/refresh-feed.ts';
export type { RefreshOutcome } from './refresh-outcome.ts';
export { refreshRound, refreshDue, insideRetryAfter } from './refresh/refresh-round.ts';
export type { RefreshRoundOptions, RoundProgress, RoundSummary } from './refresh/refresh-round.ts';
export { flushPendingArchive, moveArchiveFolder } from './archive-jobs/write-pending-archive.ts';
export type { FlushResult } from './archive-jobs/write-pending-archive.ts';
export { subscribe, normalizeInputUrl, MAX_PROBES } from './subscriptions/subscribe.ts';
export type { SubscribeOptions, SubscribeResult } from './subscriptions/subscribe.ts';
export { importOpml, importOpmlDocument, exportOpml } from './subscriptions/opml.ts';
export type { ExportOpmlOptions, OpmlImportItem, OpmlImportOptions, OpmlImportResult } from './subscriptions/opml.ts';
export { exportArchive, importArchive } from './archive-jobs/archive-transfer.ts';
export type {
  ExportArchiveOptions,
  ExportArchiveResult,
  ImportArchiveResult,
  ImportedFolder,
} from './archive-jobs/archive-transfer.ts';
export { rebuildDatabase } from './archive-jobs/rebuild-database.ts';
export { archiveJobsFor, commitArchiveRound, settleArchiveJobs } from './archive-jobs/commit-archive-round.ts';
export type { ArchiveCommitOutcome, ArchiveJobs } from './archive-jobs/commit-archive-round.ts';
export { createMirrorPusher, backoffMs, isDue } from './archive-jobs/mirror-pusher.ts';
export type { MirrorPusher, MirrorStatus } from './archive-jobs/mirror-pusher.ts';
export { exportGitHistory, ROUND_WINDOW_MS } from './archive-jobs/export-git-history.ts';
export type { ExportGitOptions, ExportGitResult } from './archive-jobs/export-git-history.ts';
export type { ArchiveGitConfig, MirrorRemote } from './archive-jobs/archive-git-config.ts';
export type { RebuildResult } from './archive-jobs/rebuild-database.ts';
export { createScheduler } from './scheduler/scheduler.ts';
export type { Scheduler, SchedulerOptions } from './scheduler/scheduler.ts';
export { findFeedByRef, findFeedIdsByRefs } from './subscriptions/find-feed-by-ref.ts';
export { buildEntries, prepareEntries } from './refresh/build-entries.ts';
export type { BuildEntriesOptions, PreparedEntry } from './refresh/build-entries.ts';
export { cleanSource } from './bodies/clean-source.ts';
export type { BodyCleaningOptions, CleanSource } from './bodies/clean-source.ts';
export { readArticlePage } from './bodies/read-article-page.ts';
export type { ArticlePageInput, ArticlePageResult } from './bodies/read-article-page.ts';
export { recleanFeeds, cleanInputOf, RECLEAN_BATCH } from './cleaning/reclean.ts';
export type { RecleanOptions, RecleanFeedResult, RecleanResult } from './cleaning/reclean.ts';
export { exportArticles, formatArticle } from './archive-jobs/export-articles.ts';
export type { ArticleFormat, ExportArticlesOptions, ExportArticlesResult } from './archive-jobs/export-articles.ts';
export { relearnBoilerplate, shouldRelearn, LEARN_SAMPLE, RELEARN_EVERY } from './refresh/learn-feed-boilerplate.ts';
export { wantsFullText, PAGE_CONCURRENCY } from './refresh/full-text.ts';
