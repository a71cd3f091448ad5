// ingest/ owns the use cases: refresh one feed, refresh rounds, the scheduler, subscribe,
// OPML and archive transfer, rebuild. It imports stages, store, archive and domain; never context, config, cli or web.
export type { IngestContext, IngestSettings } from './ingest-context.ts';
export { refreshFeed, applyFetchResult, fetchOptionsFor } from './refresh-feed.ts';
export type { RefreshOutcome, RefreshFeedOptions, ApplyFetchOptions } from './refresh-feed.ts';
export { refreshRound, refreshDue, insideRetryAfter } from './refresh-round.ts';
export type { RefreshRoundOptions, RoundProgress, RoundSummary } from './refresh-round.ts';
export { flushPendingArchive, moveArchiveFolder } from './archive-writer.ts';
export type { FlushResult } from './archive-writer.ts';
export { subscribe, normalizeInputUrl, MAX_PROBES } from './subscribe.ts';
export type { SubscribeOptions, SubscribeResult } from './subscribe.ts';
export { importOpml, exportOpml } from './opml.ts';
export type { OpmlImportItem, OpmlImportResult } from './opml.ts';
export { exportArchive, importArchive } from './archive-transfer.ts';
export type {
  ExportArchiveOptions,
  ExportArchiveResult,
  ImportArchiveResult,
  ImportedFolder,
} from './archive-transfer.ts';
export { rebuildDatabase } from './rebuild-database.ts';
export type { RebuildResult } from './rebuild-database.ts';
export { createScheduler } from './scheduler.ts';
export type { Scheduler, SchedulerOptions } from './scheduler.ts';
export { findFeedByRef, findFeedIdsByRefs } from './find-feed-by-ref.ts';
export { buildEntries, prepareEntries, cleanSource } from './build-entries.ts';
export type { BuildEntriesOptions, CleanSource, PreparedEntry } from './build-entries.ts';
export { recleanFeeds, cleanInputOf, RECLEAN_BATCH } from './reclean.ts';
export type { RecleanOptions, RecleanFeedResult, RecleanResult } from './reclean.ts';
export { exportArticles, formatArticle } from './export-articles.ts';
export type { ArticleFormat, ExportArticlesOptions, ExportArticlesResult } from './export-articles.ts';
export { relearnBoilerplate, shouldRelearn, LEARN_SAMPLE, RELEARN_EVERY } from './learn-feed-boilerplate.ts';
export { wantsFullText, PAGE_CONCURRENCY } from './full-text.ts';
