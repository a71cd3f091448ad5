// web/republish/ owns the republished feeds (every feed, category, saved search and the archive as RSS, Atom, JSON Feed).
// It imports context, accounts, search, clean, store types, publish/ and web/metrics (search latency); never pages or api.
export {
  feedDocumentRoute,
  categoryDocumentRoute,
  searchDocumentRoute,
  archiveDocumentRoute,
  isFeedDocumentPath,
  DOCUMENT_FILE,
} from './republish-routes.ts';
export { feedReader, publicRequestUrl } from './feed-access.ts';
export { readFeedQuery, splitFileName, parseDocumentId, DEFAULT_LIMIT, MAX_LIMIT } from './feed-query.ts';
export type { FeedQuery } from './feed-query.ts';
export { matchFilter, checkPattern, MAX_PATTERN_LENGTH, MAX_FILTER_TEXT, FILTER_TIME_LIMIT_MS } from './safe-filter.ts';
export type { ItemFilter } from './safe-filter.ts';
export { chineseConverter, isChineseConversion } from './convert-chinese.ts';
export type { ChineseConversion } from './convert-chinese.ts';
export { buildDocument, articleItem } from './build-document.ts';
export { feedSource, categorySource, searchSource, archiveSource } from './feed-sources.ts';
export type { FeedSource } from './feed-sources.ts';
