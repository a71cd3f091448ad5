/**
 * Subscription lists in and out as OPML. Import adds every feed of the list with its
 * category (the first OPML folder path) and fetches nothing: a list of 500 feeds is
 * imported at once and the next round fetches them. Each feed is reported as added,
 * exists, restored or invalid; one bad entry never stops the rest. A broken document (cut
 * short, nested too deep) still gives what could be read, and the result says it was broken.
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
}

/** What an import did (`wellFormed` false: the document was broken and only what could be read was imported), or why the list could not be read at all. */
export type OpmlImportResult =
  | { kind: 'imported'; items: OpmlImportItem[]; problems: string[]; wellFormed: boolean }
  | { kind: 'failed'; error: AppError };

/** Imports the OPML list at `input` (a file path or an http(s) URL); never throws. */
export async function importOpml(ctx: IngestContext, input: string): Promise<OpmlImportResult> {
  const loaded = await loadInput(ctx, input);
  if (loaded instanceof AppError) return { kind: 'failed', error: loaded };
  const parsed = parseOpml(loaded.bytes, { url: loaded.url });
  if (parsed.kind === 'not-opml') return { kind: 'failed', error: parsed.error };
  const items: OpmlImportItem[] = [];
  for (const entry of parsed.feeds) items.push(await importEntry(ctx, entry));
  return { kind: 'imported', items, problems: parsed.problems, wellFormed: parsed.wellFormed };
}

/** Options of exportOpml: told of each feed left out because its URL may not leave Tidings (an `archive:` feed of a bare folder). */
export interface ExportOpmlOptions {
  onLeftOut?: (feedUrl: string) => void;
}

/** Returns every subscribed feed as an OPML 2.0 document, in folders by category (no date: the same subscriptions give the same bytes). */
export async function exportOpml(ctx: IngestContext, options: ExportOpmlOptions = {}): Promise<string> {
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
