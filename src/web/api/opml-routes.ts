/**
 * /api/v1/opml: the user's subscriptions as OPML 2.0 (their own titles, categories as
 * folders), and importing a list sent as the request body. Import fetches nothing (the next
 * round does): a URL already in the archive only subscribes the user; a new one is added to
 * the fetch list first. Each feed is reported; one bad entry never stops the rest.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { normalizeInputUrl } from '../../ingest/index.ts';
import { parseOpml, writeOpml, type OpmlFeed } from '../../parse/opml/index.ts';
import { requireUser } from '../auth/index.ts';

/** The largest OPML body accepted, in bytes. */
export const MAX_OPML_BYTES = 5 * 1024 * 1024;

/** What became of one imported feed. */
export interface OpmlImportEntry {
  url: string;
  kind: 'subscribed' | 'already-subscribed' | 'invalid';
  feedId?: number;
  reason?: string;
}

/** GET /api/v1/opml: the user's subscriptions as an OPML 2.0 document. */
export async function exportOpmlRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const subs = await ctx.store.listSubscriptions(user.id);
  const body = writeOpml({
    title: `Tidings subscriptions of ${user.name}`,
    feeds: subs.map((sub) => ({
      xmlUrl: sub.feed.url,
      title: sub.displayTitle,
      ...(sub.feed.siteUrl === undefined ? {} : { htmlUrl: sub.feed.siteUrl }),
      categories: sub.displayCategory === undefined ? [] : [sub.displayCategory],
    })),
  });
  return c.body(body, 200, {
    'content-type': 'text/x-opml; charset=utf-8',
    'content-disposition': 'attachment; filename="tidings.opml"',
  });
}

async function importEntry(ctx: Context, userId: number, entry: OpmlFeed): Promise<OpmlImportEntry> {
  const url = /^https?:\/\//i.test(entry.xmlUrl.trim()) ? normalizeInputUrl(entry.xmlUrl) : undefined;
  if (url === undefined) return { url: entry.xmlUrl, kind: 'invalid', reason: 'not an http(s) URL' };
  const category = entry.categories[0];
  let feed = await ctx.store.findFeedByUrl(url);
  if (feed === undefined || feed.removedAt !== undefined) {
    const added = await ctx.store.addFeed({
      url,
      title: entry.title,
      category,
      siteUrl: entry.htmlUrl,
      now: ctx.now(),
    });
    if (added.kind === 'invalid') return { url, kind: 'invalid', reason: added.reason };
    feed = added.feed;
  }
  const sub = await ctx.store.addSubscription({ userId, feedId: feed.id, title: entry.title, category, at: ctx.now() });
  if (sub.kind === 'not-found') return { url, kind: 'invalid', reason: 'the feed or user disappeared' };
  return { url, kind: sub.kind === 'added' ? 'subscribed' : 'already-subscribed', feedId: feed.id };
}

/** POST /api/v1/opml (body: the OPML document): subscribes to every feed of the list; answers with one entry per feed. */
export async function importOpmlRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_OPML_BYTES)
    throw new AppError('input.too-large', `an OPML list may have at most ${MAX_OPML_BYTES} bytes`);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length > MAX_OPML_BYTES)
    throw new AppError('input.too-large', `an OPML list may have at most ${MAX_OPML_BYTES} bytes`);
  const parsed = parseOpml(bytes);
  if (parsed.kind === 'not-opml') throw new AppError('input.invalid', parsed.error.message);
  const items: OpmlImportEntry[] = [];
  for (const entry of parsed.feeds) items.push(await importEntry(ctx, user.id, entry));
  return c.json({ items, problems: parsed.problems, wellFormed: parsed.wellFormed });
}
