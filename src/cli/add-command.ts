/**
 * `tidings add URL [--title T] [--category C] [--user NAME] [--json]`: subscribe to a feed, or to the
 * feed an HTML page leads to, and fetch it at once. `--user` also subscribes that reader
 * user (the feed row is shared: `--title`/`--category` stay the feed's own).
 */
import { flushPendingArchive, subscribe } from '../ingest/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTime } from './format.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings add`. */
export interface AddOptions {
  title?: string;
  category?: string;
  user?: string;
  json?: boolean;
}

/** Runs `tidings add`; exit 0 when added or already subscribed, 1 when no feed could be added. */
export async function runAdd(io: CliIo, globals: GlobalOptions, url: string, options: AddOptions): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const user = options.user === undefined ? undefined : await ctx.store.findUserByName(options.user);
    if (options.user !== undefined && user === undefined) return fail(io, `no user named ${options.user}`);
    await flushPendingArchive(ctx);
    const result = await subscribe(ctx, url, { title: options.title, category: options.category });
    if (result.kind === 'failed') return fail(io, `${result.error.code}: ${result.error.message}`);
    const followed =
      user === undefined
        ? undefined
        : await ctx.store.addSubscription({ userId: user.id, feedId: result.feed.id, at: ctx.now() });
    const userLine =
      user === undefined || followed === undefined
        ? ''
        : `  ${user.name} ${followed.kind === 'exists' ? 'already follows' : 'follows'} it\n`;
    if (options.json === true) {
      printJson(
        io,
        user === undefined ? result : { ...result, user: { name: user.name, subscription: followed?.kind } },
      );
      return EXIT.ok;
    }
    const { feed } = result;
    const name = `#${feed.id} ${feed.title ?? feed.url}`;
    if (result.kind === 'exists') {
      io.stdout(`Already subscribed: ${name}\n  ${feed.url}\n${userLine}`);
      return EXIT.ok;
    }
    const verb = result.kind === 'restored' ? 'Restored' : 'Added';
    const found = result.discoveredFrom === undefined ? '' : ` (found on ${result.discoveredFrom})`;
    const { refresh } = result;
    const fetched =
      refresh.kind === 'ok'
        ? `${refresh.itemCount} items, ${refresh.newArticles} new articles`
        : `first fetch: ${refresh.error?.code ?? refresh.kind}`;
    io.stdout(
      `${verb} feed ${name}\n  ${feed.url}${found}\n  ${fetched}; next check ${formatTime(feed.nextCheckAt)}\n${userLine}`,
    );
    return EXIT.ok;
  });
}
