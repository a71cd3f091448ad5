/**
 * Full text for summary-only feeds: deciding whether a feed only carries summaries, and
 * extracting the article from a page it is GIVEN (it never fetches; ingest fetches with the
 * same fetcher as feeds). Must not import fetch/, store/, ingest/ or clean/: the caller
 * cleans the extracted content with the clean pipeline.
 */
export { extractArticle, type ExtractArticleOptions, type ExtractedArticle } from './extract-article.ts';
export { decodeHtmlPage } from './decode-html-page.ts';
export { looksLikeSummaryOnly, isSummaryItem, type SummaryProbeItem } from './looks-like-summary-only.ts';
