/**
 * /api/v1/opml: the user's subscriptions as OPML 2.0 (their own titles, categories as
 * folders), and importing a list sent as the request body, both through the OPML use case
 * (ingest/subscriptions/opml.ts). Import fetches nothing (the next round does). Each feed is
 * reported; one bad entry never stops the rest.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { exportOpml, importOpmlDocument, type OpmlImportItem } from '../../ingest/index.ts';
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
  return c.body(await exportOpml(ctx, { user }), 200, {
    'content-type': 'text/x-opml; charset=utf-8',
    'content-disposition': 'attachment; filename="tidings.opml"',
  });
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
  const result = await importOpmlDocument(ctx, bytes, { userId: user.id });
  if (result.kind === 'failed') throw new AppError('input.invalid', result.error.message);
  const items = result.items.map(toEntry);
  return c.json({ items, problems: result.problems, wellFormed: result.wellFormed });
}

function toEntry(item: OpmlImportItem): OpmlImportEntry {
  if (item.kind === 'invalid' || item.feedId === undefined) {
    return { url: item.url, kind: 'invalid', reason: item.reason ?? 'invalid' };
  }
  const kind = item.subscription === 'added' ? 'subscribed' : 'already-subscribed';
  return { url: item.url, kind, feedId: item.feedId };
}
