/**
 * Full text for summary-only feeds, inside a refresh: for the entries the store
 * will actually keep (new ones, and known ones whose fingerprint or title changed: a revision
 * that stored only the teaser would lose the full text the previous revision had), the
 * article page is fetched with the feed fetcher under the same host limiter (politeness,
 * limits, private-address refusal), and its article read and cleaned the way every page is
 * (bodies/read-article-page.ts).
 *
 * What is stored: `rawBody` is the extracted article HTML before cleaning, so that
 * `tidings reclean` can clean it again without fetching; `summary` is the feed's own body,
 * cleaned; the fingerprint stays the one of the feed's own body, so page chrome that changes
 * on every visit (related links, counters, ads) never makes a revision, and the next refresh
 * of an unchanged item compares equal without fetching the page. A page that cannot be
 * fetched or has no article keeps the feed's own body and adds a warning: never a failure
 * of the feed. At most PAGE_CONCURRENCY pages of one feed are fetched at once; the limiter
 * bounds the round as a whole.
 */
import { isNewRevision } from '../../domain/revision-rule.ts';
import { looksLikeSummaryOnly, type SummaryProbeItem } from '../../extract/index.ts';
import { fetchFeed, type FetchOptions, type HostLimiter } from '../../fetch/index.ts';
import type { FullTextMode, IncomingEntry, StoredEntryState, StoredError } from '../../store/index.ts';
import type { BodyCleaningOptions } from '../bodies/clean-source.ts';
import { readArticlePage } from '../bodies/read-article-page.ts';
import type { PreparedEntry } from './build-entries.ts';
import type { IngestContext } from '../ingest-context.ts';

/** Article pages of one feed fetched at once. */
export const PAGE_CONCURRENCY = 4;

/** The Accept header for article pages. */
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** How addFullText fetches and cleans. */
export interface FullTextOptions {
  /** The politeness limiter page fetches run under (a slot per page; never one already held). */
  limiter: HostLimiter;
  /** The fetch options for a page (settings, dispatcher, signal); the Accept header is replaced. */
  fetchOptions: FetchOptions;
  /** The document's cleaning options (packs, learned rules, feed URL, generator). */
  clean: BodyCleaningOptions;
}

/** The entries with full text where it could be had; `pages` counts pages fetched and used. */
export interface FullTextResult {
  prepared: PreparedEntry[];
  pages: number;
  warnings: StoredError[];
}

/** Returns true when the feed's mode and items call for full text: `always`, or `auto` on summary-only items. */
export function wantsFullText(mode: FullTextMode, items: readonly SummaryProbeItem[]): boolean {
  return mode === 'always' || (mode === 'auto' && looksLikeSummaryOnly(items));
}

/** Returns the prepared entries with extracted full text for those that will be stored; never throws for a page. */
export async function addFullText(
  ctx: IngestContext,
  feedId: number,
  prepared: readonly PreparedEntry[],
  options: FullTextOptions,
): Promise<FullTextResult> {
  const states = await ctx.store.entryStates(
    feedId,
    prepared.map((p) => p.entry.identity),
  );
  const result: FullTextResult = { prepared: [...prepared], pages: 0, warnings: [] };
  const wanted = prepared
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => isWebUrl(p.entry.link) && willStore(p.entry, states.get(p.entry.identity)));
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const { p, i } = wanted[next++];
      const page = await fetchArticle(p.entry.link!, options);
      if (page.kind === 'failed') {
        result.warnings.push(page.warning);
        continue;
      }
      result.prepared[i] = withFullText(p, page);
      result.pages++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGE_CONCURRENCY, wanted.length) }, worker));
  return result;
}

/** True when storing `entry` will make a new article or revision (the store's own rule, domain/revision-rule.ts). */
export function willStore(entry: IncomingEntry, state: StoredEntryState | undefined): boolean {
  if (state === undefined) return true;
  return !state.deleted && isNewRevision(state, entry);
}

type Page = { kind: 'ok'; url: string; content: string; cleaned: string } | { kind: 'failed'; warning: StoredError };

async function fetchArticle(link: string, options: FullTextOptions): Promise<Page> {
  const fetched = await options.limiter
    .run(link, () =>
      fetchFeed(link, { ...options.fetchOptions, accept: PAGE_ACCEPT, etag: undefined, lastModified: undefined }),
    )
    .catch((error: unknown) => ({
      kind: 'failed' as const,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
      durationMs: 0,
    }));
  if (fetched.kind === 'rate-limited')
    return failed('fetch.rate-limited', `${link}: HTTP ${fetched.status}, rate limited`);
  if (fetched.kind === 'failed') return failed(fetched.error.code, `${link}: ${fetched.error.message}`);
  if (fetched.kind !== 'ok') return failed('fetch.unexpected', `${link}: no page in the answer`);
  const page = readArticlePage({
    bytes: fetched.body,
    url: fetched.url,
    link,
    contentType: fetched.headers['content-type'],
    clean: options.clean,
  });
  if (page.kind === 'failed') return { kind: 'failed', warning: page.error };
  return { kind: 'ok', url: page.url, content: page.article.content, cleaned: page.cleaned };
}

function withFullText(p: PreparedEntry, page: Extract<Page, { kind: 'ok' }>): PreparedEntry {
  const source = { html: page.content, itemUrl: p.item.link, baseUrl: page.url };
  const entry: IncomingEntry = {
    ...p.entry,
    rawBody: page.content,
    cleanedBody: page.cleaned,
    summary: p.entry.cleanedBody,
    contentTokens: undefined,
  };
  return { entry, item: p.item, source };
}

function failed(code: string, message: string): Page {
  return { kind: 'failed', warning: { code, message } };
}

function isWebUrl(link: string | undefined): boolean {
  return link !== undefined && /^https?:\/\//i.test(link);
}
