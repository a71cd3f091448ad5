/**
 * `tidings remove FEED [--purge] [--json]`: unsubscribe (articles and archive files are
 * kept; `tidings add` restores the feed), or with --purge delete the feed and all its
 * articles from the database (the plain-file archive is never deleted by Tidings).
 */
import { findFeedByRef } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings remove`. */
export interface RemoveOptions {
  purge?: boolean;
  json?: boolean;
}

/** Runs `tidings remove`; exit 1 when no such feed. */
export async function runRemove(
  io: CliIo,
  globals: GlobalOptions,
  ref: string,
  options: RemoveOptions,
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const feed = await findFeedByRef(ctx, ref);
    if (feed === undefined) return fail(io, `no feed ${ref}`);
    const result = await ctx.store.removeFeed(feed.id, { purge: options.purge === true, at: ctx.now() });
    if (result.kind === 'not-found') return fail(io, `no feed ${ref}`);
    if (options.json === true) printJson(io, { kind: result.kind, feedId: feed.id, url: feed.url });
    else if (result.kind === 'purged')
      io.stdout(`Purged feed #${feed.id} ${feed.title ?? feed.url} and its articles from the database\n`);
    else
      io.stdout(
        `Removed feed #${feed.id} ${feed.title ?? feed.url} (articles kept; \`tidings add ${feed.url}\` restores it)\n`,
      );
    return EXIT.ok;
  });
}
