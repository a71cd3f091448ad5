/**
 * Subscription lists in and out as OPML, the one use case behind the CLI, the reader's
 * subscriptions page and the JSON API. Import adds every feed of the list to the fetch list
 * with its category (the first OPML folder path), and for a user also subscribes them with
 * the list's title and category; it fetches nothing: a list of 500 feeds is imported at once
 * and the next round fetches them. Each feed is reported as added, exists, restored or
 * invalid (and, for a user, whether the subscription is new); one bad entry never stops the
 * rest. A broken document (cut short, nested too deep) still gives what could be read, and
 * the result says it was broken. Export writes either everything in the fetch list or one
 * user's subscriptions with their own titles and categories.
 */
import { readFile } from 'node:fs/promises';
import { AppError, isAppError } from '../../domain/errors.ts';
import { outboundUrl } from '../../domain/outbound-url.ts';
import { fetchFeed } from '../../fetch/index.ts';
import { parseOpml, writeOpml, type OpmlFeed } from '../../parse/opml/index.ts';
import type { IngestContext } from '../ingest-context.ts';
import { fetchOptionsFor } from '../refresh/refresh-feed.ts';
import { normalizeInputUrl } from './subscribe.ts';

/** One feed of an imported list and what became of it. */
export interface OpmlImportItem {
  url: string;
  title?: string;
  category?: string;
  kind: 'added' | 'exists' | 'restored' | 'invalid';
  feedId?: number;
  reason?: string;
  /** For an import by a user: whether the user's subscription is new or was already there. */
  subscription?: 'added' | 'exists';
}

/** Who imports: a user is subscribed to every feed of the list; without one, feeds only join the fetch list. */
export interface OpmlImportOptions {
  userId?: number;
}

/** What an import did (`wellFormed` false: the document was broken and only what could be read was imported), or why the list could not be read at all. */
export type OpmlImportResult =
  | { kind: 'imported'; items: OpmlImportItem[]; problems: string[]; wellFormed: boolean }
  | { kind: 'failed'; error: AppError };

/** Imports the OPML list at `input` (a file path or an http(s) URL); never throws. */
export async function importOpml(
  ctx: IngestContext,
  input: string,
  options: OpmlImportOptions = {},
): Promise<OpmlImportResult> {
  const loaded = await loadInput(ctx, input);
  if (loaded instanceof AppError) return { kind: 'failed', error: loaded };
  return importOpmlDocument(ctx, loaded.bytes, { ...options, url: loaded.url });
}

/** Imports an OPML document given as bytes (`url`: where it came from, the base of relative links); never throws. */
export async function importOpmlDocument(
  ctx: IngestContext,
  bytes: Uint8Array,
  options: OpmlImportOptions & { url?: string } = {},
): Promise<OpmlImportResult> {
  const parsed = parseOpml(bytes, { url: options.url });
  if (parsed.kind === 'not-opml') return { kind: 'failed', error: parsed.error };
  const items: OpmlImportItem[] = [];
  for (const entry of parsed.feeds) {
    const item = await importEntry(ctx, entry);
    items.push(options.userId === undefined ? item : await subscribeTo(ctx, options.userId, item));
  }
  return { kind: 'imported', items, problems: parsed.problems, wellFormed: parsed.wellFormed };
}

/** Options of exportOpml: one user's subscriptions (else every feed of the fetch list), and who to tell of a feed left out because its URL may not leave Tidings. */
export interface ExportOpmlOptions {
  user?: { id: number; name: string };
  onLeftOut?: (feedUrl: string) => void;
}

/** Returns the subscriptions as an OPML 2.0 document, in folders by category (no date: the same subscriptions give the same bytes). */
export async function exportOpml(ctx: IngestContext, options: ExportOpmlOptions = {}): Promise<string> {
  if (options.user !== undefined) return exportUserOpml(ctx, options.user, options);
  const feeds = await ctx.store.listFeeds();
  for (const feed of feeds) if (outboundUrl(feed.url) === undefined) options.onLeftOut?.(feed.url);
  return writeOpml({
    title: 'Tidings subscriptions',
    feeds: feeds.map((feed) => ({
      xmlUrl: feed.url,
      ...(feed.title === undefined ? {} : { title: feed.title }),
      ...(feed.siteUrl === undefined ? {} : { htmlUrl: feed.siteUrl }),
      categories: feed.category === undefined ? [] : [feed.category],
    })),
  });
}

async function exportUserOpml(
  ctx: IngestContext,
  user: { id: number; name: string },
  options: ExportOpmlOptions,
): Promise<string> {
  const subs = await ctx.store.listSubscriptions(user.id);
  for (const sub of subs) if (outboundUrl(sub.feed.url) === undefined) options.onLeftOut?.(sub.feed.url);
  return writeOpml({
    title: `Tidings subscriptions of ${user.name}`,
    feeds: subs.map((sub) => ({
      xmlUrl: sub.feed.url,
      title: sub.displayTitle,
      ...(sub.feed.siteUrl === undefined ? {} : { htmlUrl: sub.feed.siteUrl }),
      categories: sub.displayCategory === undefined ? [] : [sub.displayCategory],
    })),
  });
}

async function subscribeTo(ctx: IngestContext, userId: number, item: OpmlImportItem): Promise<OpmlImportItem> {
  if (item.feedId === undefined) return item;
  const added = await ctx.store.addSubscription({
    userId,
    feedId: item.feedId,
    title: item.title,
    category: item.category,
    at: ctx.now(),
  });
  if (added.kind === 'not-found') return { ...item, kind: 'invalid', reason: 'the feed or user disappeared' };
  return { ...item, subscription: added.kind === 'added' ? 'added' : 'exists' };
}

async function importEntry(ctx: IngestContext, entry: OpmlFeed): Promise<OpmlImportItem> {
  const category = entry.categories[0];
  const item: OpmlImportItem = {
    url: entry.xmlUrl,
    kind: 'invalid',
    ...(entry.title === undefined ? {} : { title: entry.title }),
    ...(category === undefined ? {} : { category }),
  };
  const url = normalizeInputUrl(entry.xmlUrl);
  if (url === undefined || !/^https?:\/\//i.test(entry.xmlUrl.trim())) return { ...item, reason: 'not an http(s) URL' };
  const added = await ctx.store.addFeed({ url, title: entry.title, category, siteUrl: entry.htmlUrl, now: ctx.now() });
  if (added.kind === 'invalid') return { ...item, url, reason: added.reason };
  return { ...item, url, kind: added.kind, feedId: added.feed.id };
}

async function loadInput(ctx: IngestContext, input: string): Promise<{ bytes: Uint8Array; url?: string } | AppError> {
  if (/^https?:\/\//i.test(input)) {
    const fetched = await ctx.limiter.run(input, () =>
      fetchFeed(input, {
        ...fetchOptionsFor(ctx, undefined),
        accept: 'text/x-opml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8',
      }),
    );
    if (fetched.kind === 'ok') return { bytes: fetched.body, url: fetched.url };
    if (fetched.kind === 'failed') return fetched.error;
    return new AppError('fetch.http-status', `cannot fetch ${input}: ${fetched.kind}`);
  }
  try {
    return { bytes: await readFile(input) };
  } catch (error) {
    if (isAppError(error)) return error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return new AppError('input.unreadable', `cannot read ${input}: ${why}`, { cause: error });
  }
}
