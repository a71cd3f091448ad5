/**
 * `tidings feeds [--json]`: every subscribed feed with its title, URL, articles, last
 * fetch, status and next check; the last error of failing feeds below the table.
 */
import type { FeedWithStats } from '../store/index.ts';
import { EXIT, printJson, type CliIo } from './cli-io.ts';
import { formatTable, formatTime, oneLine } from './format.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings feeds`. */
export interface FeedsOptions {
  json?: boolean;
  all?: boolean;
}

/** Runs `tidings feeds`; always exit 0. */
export async function runFeeds(io: CliIo, globals: GlobalOptions, options: FeedsOptions): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const feeds = await ctx.store.listFeeds({ includeRemoved: options.all === true });
    if (options.json === true) {
      printJson(io, { feeds });
      return EXIT.ok;
    }
    if (feeds.length === 0) {
      io.stdout('No feeds. Add one with: tidings add URL\n');
      return EXIT.ok;
    }
    const rows = [['ID', 'TITLE', 'ARTICLES', 'LAST FETCH', 'STATUS', 'NEXT CHECK', 'URL']];
    for (const feed of feeds) {
      rows.push([
        String(feed.id),
        oneLine(feed.title ?? '(untitled)', 40),
        String(feed.stats.articleCount),
        formatTime(feed.lastFetchedAt),
        feedStatus(feed),
        feed.removedAt === undefined ? formatTime(feed.nextCheckAt) : 'removed',
        feed.url,
      ]);
    }
    const errors = feeds
      .filter((f) => f.lastError !== undefined)
      .map((f) => `#${f.id} ${f.lastError!.code}: ${oneLine(f.lastError!.message, 120)}`);
    io.stdout(
      `${formatTable(rows)}\n${errors.length === 0 ? '' : `\nLast errors:\n${errors.map((e) => `  ${e}\n`).join('')}`}`,
    );
    return EXIT.ok;
  });
}

/** Returns a feed's status in one word or code: new, ok, or its last error code with the count in a row. */
export function feedStatus(feed: FeedWithStats | Omit<FeedWithStats, 'stats'>): string {
  if (feed.lastError !== undefined)
    return feed.errorCount > 1 ? `${feed.lastError.code} ×${feed.errorCount}` : feed.lastError.code;
  return feed.lastFetchedAt === undefined ? 'new' : 'ok';
}
