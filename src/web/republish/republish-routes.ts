/**
 * The republished feeds: `/feeds/{id}.{rss|atom|json}`, `/categories/{name}.{…}`,
 * `/searches/{savedId}.{…}` and `/all.{…}`, each also under `/t/{token}/…` for feed readers
 * that drop query strings. The reader is found first (feed-access.ts), then the query
 * (feed-query.ts), then the document is built (build-document.ts). Documents are private to
 * their reader: `Cache-Control: private`.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import type { User } from '../../store/index.ts';
import { buildDocument } from './build-document.ts';
import { feedReader, publicRequestUrl } from './feed-access.ts';
import { parseDocumentId, readFeedQuery, splitFileName } from './feed-query.ts';
import { archiveSource, categorySource, feedSource, searchSource, type FeedSource } from './feed-sources.ts';

/** The path pattern of a document file: a name, a dot and a format. */
export const DOCUMENT_FILE = '{.+\\.(?:rss|atom|json)}';

async function serve(
  c: HonoContext,
  ctx: Context,
  source: (user: User, name: string) => Promise<FeedSource>,
): Promise<Response> {
  const user = await feedReader(c, ctx);
  const { name, format } = splitFileName(c.req.param('file') ?? '');
  const query = readFeedQuery(c, format);
  const document = await buildDocument(
    ctx,
    await source(user, name),
    query,
    publicRequestUrl(c, ctx.settings.trustProxy),
  );
  return c.body(document.body, 200, { 'content-type': document.contentType, 'cache-control': 'private, max-age=300' });
}

/** GET /feeds/:file: one archive feed. */
export function feedDocumentRoute(c: HonoContext, ctx: Context): Promise<Response> {
  return serve(c, ctx, (_user, name) => feedSource(ctx, parseDocumentId(name)));
}

/** GET /categories/:file: one of the reader's categories (subfolders included). */
export function categoryDocumentRoute(c: HonoContext, ctx: Context): Promise<Response> {
  return serve(c, ctx, (user, name) => categorySource(ctx, user, name));
}

/** GET /searches/:file: one of the reader's saved searches. */
export function searchDocumentRoute(c: HonoContext, ctx: Context): Promise<Response> {
  return serve(c, ctx, (user, name) => searchSource(ctx, user, parseDocumentId(name)));
}

/** GET /:file{all.…}: the newest articles of the whole archive. */
export function archiveDocumentRoute(c: HonoContext, ctx: Context): Promise<Response> {
  return serve(c, ctx, async () => archiveSource(ctx));
}

/** Returns true for a path of a republished feed document (not a page: no redirect to the login form). */
export function isFeedDocumentPath(path: string): boolean {
  return (
    /^\/(?:t\/[^/]+\/)?(?:feeds|categories|searches)\/.+\.(?:rss|atom|json)$/.test(path) ||
    /^\/(?:t\/[^/]+\/)?all\.(?:rss|atom|json)$/.test(path)
  );
}
