/**
 * Subscribing to a URL the user typed: when it is a feed, add it; when it is an HTML page,
 * discover its feed (the `<link rel="alternate">` it advertises, then the usual paths,
 * probed one by one through the shared host limiter, so politely) and add the first
 * candidate that parses as a feed. The fetch that found the feed becomes the feed's first
 * refresh, so `tidings add` shows articles at once without fetching twice.
 */
import { AppError } from '../../domain/errors.ts';
import { fetchFeed, type FetchResult } from '../../fetch/index.ts';
import { findFeedLinks } from '../../parse/find-feed-links.ts';
import { parseFeed } from '../../parse/index.ts';
import type { Feed } from '../../store/index.ts';
import type { IngestContext } from '../ingest-context.ts';
import type { RefreshOutcome } from '../refresh-outcome.ts';
import { applyFetchResult, fetchOptionsFor } from '../refresh/refresh-feed.ts';

/** What the user may set when subscribing. */
export interface SubscribeOptions {
  title?: string;
  category?: string;
  signal?: AbortSignal;
}

/** `exists` for a feed already subscribed (found at the URL or by discovery); `failed` says why nothing was added. */
export type SubscribeResult =
  | { kind: 'added' | 'restored'; feed: Feed; refresh: RefreshOutcome; discoveredFrom?: string }
  | { kind: 'exists'; feed: Feed }
  | { kind: 'failed'; error: AppError };

/** How many discovered candidates are probed at most. */
export const MAX_PROBES = 12;

type Found = { kind: 'found'; url: string; fetched: Extract<FetchResult, { kind: 'ok' }>; startedAt: number };

/** Subscribes to `input` (a feed or a page that leads to one) and runs its first refresh; never throws. */
export async function subscribe(
  ctx: IngestContext,
  input: string,
  options: SubscribeOptions = {},
): Promise<SubscribeResult> {
  try {
    const url = normalizeInputUrl(input);
    if (url === undefined) return failed('fetch.invalid-url', `not an http(s) URL: ${input}`);
    const existing = await subscribedFeed(ctx, url);
    if (existing !== undefined) return { kind: 'exists', feed: existing };
    const found = await findFeed(ctx, url, options.signal);
    if (found.kind === 'failed') return found;
    if (found.kind === 'exists') return found;
    const added = await ctx.store.addFeed({
      url: found.url,
      title: blankToUndefined(options.title),
      category: blankToUndefined(options.category),
      now: ctx.now(),
    });
    if (added.kind === 'invalid') return failed('input.invalid', added.reason);
    if (added.kind === 'exists') return { kind: 'exists', feed: added.feed };
    const refresh = await applyFetchResult(ctx, added.feed, found.fetched, found.startedAt);
    const feed = (await ctx.store.getFeed(added.feed.id)) ?? added.feed;
    return { kind: added.kind, feed, refresh, ...(found.url === url ? {} : { discoveredFrom: url }) };
  } catch (error) {
    return {
      kind: 'failed',
      error: error instanceof AppError ? error : new AppError('internal', String(error), { cause: error }),
    };
  }
}

/** Returns `input` as an absolute http(s) URL (a bare host gets https://), or undefined. */
export function normalizeInputUrl(input: string): string | undefined {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

async function findFeed(
  ctx: IngestContext,
  url: string,
  signal?: AbortSignal,
): Promise<Found | { kind: 'exists'; feed: Feed } | { kind: 'failed'; error: AppError }> {
  const first = await probe(ctx, url, signal);
  if (first.fetched.kind !== 'ok') return { kind: 'failed', error: fetchError(first.fetched) };
  const page = first.fetched;
  const parsed = parseFeed(page.body, {
    url: page.url,
    contentType: page.headers['content-type'],
    headers: page.headers,
  });
  if (parsed.kind === 'feed')
    return { kind: 'found', url: page.permanentRedirect ?? url, fetched: page, startedAt: first.startedAt };
  if (!looksLikeHtml(page.body, page.contentType)) return { kind: 'failed', error: parsed.error };
  const candidates = findFeedLinks(decodePage(page.body, page.charset), page.url).slice(0, MAX_PROBES);
  for (const candidate of candidates) {
    if (signal?.aborted === true) break;
    const existing = await subscribedFeed(ctx, candidate.url);
    if (existing !== undefined) return { kind: 'exists', feed: existing };
    const attempt = await probe(ctx, candidate.url, signal);
    if (attempt.fetched.kind !== 'ok') continue;
    const result = attempt.fetched;
    const feed = parseFeed(result.body, {
      url: result.url,
      contentType: result.headers['content-type'],
      headers: result.headers,
    });
    if (feed.kind === 'feed')
      return {
        kind: 'found',
        url: result.permanentRedirect ?? candidate.url,
        fetched: result,
        startedAt: attempt.startedAt,
      };
  }
  return failed(
    'discover.no-feed',
    `no feed found at ${url}: the page advertises none that works, and none of the usual places (/feed, /rss.xml, /atom.xml, …) has one`,
  );
}

async function probe(
  ctx: IngestContext,
  url: string,
  signal?: AbortSignal,
): Promise<{ fetched: FetchResult; startedAt: number }> {
  const startedAt = ctx.now();
  const fetched = await ctx.limiter.run(url, () => fetchFeed(url, fetchOptionsFor(ctx, undefined, signal)));
  return { fetched, startedAt };
}

async function subscribedFeed(ctx: IngestContext, url: string): Promise<Feed | undefined> {
  const feed = await ctx.store.findFeedByUrl(url);
  return feed !== undefined && feed.removedAt === undefined ? feed : undefined;
}

function fetchError(fetched: Exclude<FetchResult, { kind: 'ok' }>): AppError {
  switch (fetched.kind) {
    case 'failed':
      return fetched.error;
    case 'rate-limited':
      return new AppError(
        'fetch.rate-limited',
        `HTTP ${fetched.status}: the server asks to slow down; try again later`,
      );
    case 'not-modified':
      return new AppError('fetch.http-status', 'HTTP 304 to a request without validators');
  }
}

function looksLikeHtml(body: Uint8Array, contentType: string | undefined): boolean {
  if (contentType !== undefined && /html/i.test(contentType)) return true;
  const head = new TextDecoder('latin1').decode(body.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<head');
}

function decodePage(body: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function failed(code: ConstructorParameters<typeof AppError>[0], message: string): { kind: 'failed'; error: AppError } {
  return { kind: 'failed', error: new AppError(code, message) };
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
