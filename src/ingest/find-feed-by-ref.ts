/**
 * How commands and pages name a feed: by its id (`3`, `#3`) or by its URL (exactly as
 * stored, or as `normalizeInputUrl` writes what the user typed).
 */
import type { Feed } from '../store/index.ts';
import type { IngestContext } from './ingest-context.ts';
import { normalizeInputUrl } from './subscribe.ts';

/** Returns the feed named by `ref` (removed feeds too), or undefined. */
export async function findFeedByRef(ctx: IngestContext, ref: string): Promise<Feed | undefined> {
  const text = ref.trim();
  const id = /^#?\d+$/.test(text) ? Number(text.replace('#', '')) : undefined;
  if (id !== undefined && Number.isSafeInteger(id)) return ctx.store.getFeed(id);
  const exact = await ctx.store.findFeedByUrl(text);
  if (exact !== undefined) return exact;
  const normalized = normalizeInputUrl(text);
  return normalized === undefined || normalized === text ? undefined : ctx.store.findFeedByUrl(normalized);
}
