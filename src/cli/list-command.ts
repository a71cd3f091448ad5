/**
 * `tidings list [--feed FEED] [--since DATE] [--limit N] [--json]`: the latest articles,
 * newest first (published time, else first seen). DATE is an ISO date/time or relative
 * (`7d`, `12h`, `30m`).
 */
import { findFeedByRef } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTable, formatTime, oneLine, parseSince } from './format.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings list`. */
export interface ListOptions {
  feed?: string;
  since?: string;
  limit?: string;
  json?: boolean;
}

const MAX_LIMIT = 10_000;

/** Runs `tidings list`; exit 2 for a bad --since or --limit, 1 for an unknown feed. */
export async function runList(io: CliIo, globals: GlobalOptions, options: ListOptions): Promise<number> {
  const limit = options.limit === undefined ? 20 : Number(options.limit);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return fail(io, `--limit must be a whole number from 1 to ${MAX_LIMIT}`, EXIT.usage);
  return withContext(io, globals, async (ctx) => {
    const since = options.since === undefined ? undefined : parseSince(options.since, ctx.now());
    if (options.since !== undefined && since === undefined)
      return fail(io, `--since: not a date: ${options.since}`, EXIT.usage);
    let feedId: number | undefined;
    if (options.feed !== undefined) {
      const feed = await findFeedByRef(ctx, options.feed);
      if (feed === undefined) return fail(io, `no feed ${options.feed}`);
      feedId = feed.id;
    }
    const { articles } = await ctx.store.listArticles({
      limit,
      ...(feedId === undefined ? {} : { feedId }),
      ...(since === undefined ? {} : { since }),
    });
    if (options.json === true) {
      printJson(io, { articles });
      return EXIT.ok;
    }
    if (articles.length === 0) {
      io.stdout('No articles.\n');
      return EXIT.ok;
    }
    const feeds = new Map((await ctx.store.listFeeds({ includeRemoved: true })).map((f) => [f.id, f.title ?? f.url]));
    const rows = [['ID', 'TIME', 'FEED', 'TITLE']];
    for (const a of articles) {
      const revisions = a.revisionCount > 1 ? ` (${a.revisionCount} revisions)` : '';
      rows.push([
        String(a.id),
        formatTime(a.time),
        oneLine(feeds.get(a.feedId), 24),
        `${oneLine(a.title ?? '(untitled)', 70)}${revisions}`,
      ]);
    }
    io.stdout(`${formatTable(rows)}\n`);
    return EXIT.ok;
  });
}
