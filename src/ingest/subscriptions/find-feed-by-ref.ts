/**
 * How commands and pages name a feed: by its id (`3`, `#3`) or by its URL (exactly as
 * stored, or as `normalizeInputUrl` writes what the user typed).
 */
import type { Feed } from '../../store/index.ts';
import type { IngestContext } from '../ingest-context.ts';
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

/** Returns the ids of the feeds `refs` name (undefined ids when `refs` is empty: all feeds), or the first ref that names none. */
export async function findFeedIdsByRefs(
  ctx: IngestContext,
  refs: readonly string[] | undefined,
): Promise<{ kind: 'ok'; feedIds?: number[] } | { kind: 'missing'; ref: string }> {
  if (refs === undefined || refs.length === 0) return { kind: 'ok' };
  const feedIds: number[] = [];
  for (const ref of refs) {
    const feed = await findFeedByRef(ctx, ref);
    if (feed === undefined) return { kind: 'missing', ref };
    feedIds.push(feed.id);
  }
  return { kind: 'ok', feedIds };
}
