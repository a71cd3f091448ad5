/**
 * A user following a feed. The global feed row is the fetch list, so a URL several users
 * follow is fetched once: subscribing to a URL already in the list (as typed, or as the
 * feed a page leads to) only adds the user's subscription row; a new URL goes through
 * ingest's `subscribe` (discovery and first fetch) first. The user's title and category
 * go on the subscription, never on the shared feed. When the last subscriber leaves, the
 * feed leaves the fetch list too (articles kept; `tidings add` brings it back), unless the
 * caller keeps it.
 */
import { AppError } from '../domain/errors.ts';
import { normalizeInputUrl, subscribe, type IngestContext, type RefreshOutcome } from '../ingest/index.ts';
import type { Feed, Subscription } from '../store/index.ts';
import { dropUndefined } from '../util/drop-undefined.ts';

/** The user's own title and category for the feed. */
export interface SubscribeUserOptions {
  title?: string;
  category?: string;
  signal?: AbortSignal;
}

/** `subscribed` with `feedAdded` when the URL was new to the fetch list (then `refresh` is its first fetch). */
export type SubscribeUserResult =
  | {
      kind: 'subscribed';
      subscription: Subscription;
      feedAdded: boolean;
      refresh?: RefreshOutcome;
      discoveredFrom?: string;
    }
  | { kind: 'already-subscribed'; subscription: Subscription }
  | { kind: 'failed'; error: AppError };

/** What unsubscribing did; `feedRemoved` when nobody follows the feed any more and it left the fetch list. */
export type UnsubscribeUserResult = { kind: 'unsubscribed'; feedRemoved: boolean } | { kind: 'not-subscribed' };

/** Subscribes the user to `url` (a feed, or a page that leads to one); never throws for fetch or discovery problems. */
export async function subscribeUser(
  ctx: IngestContext,
  userId: number,
  url: string,
  options: SubscribeUserOptions = {},
): Promise<SubscribeUserResult> {
  const normalized = normalizeInputUrl(url);
  const known = normalized === undefined ? undefined : await ctx.store.findFeedByUrl(normalized);
  let feed: Feed;
  let extra: { feedAdded: boolean; refresh?: RefreshOutcome; discoveredFrom?: string } = { feedAdded: false };
  if (known !== undefined && known.removedAt === undefined) {
    feed = known;
  } else {
    const result = await subscribe(ctx, url, { signal: options.signal });
    if (result.kind === 'failed') return result;
    feed = result.feed;
    if (result.kind !== 'exists')
      extra = { feedAdded: true, refresh: result.refresh, discoveredFrom: result.discoveredFrom };
  }
  const added = await ctx.store.addSubscription({
    userId,
    feedId: feed.id,
    title: options.title,
    category: options.category,
    at: ctx.now(),
  });
  if (added.kind === 'not-found') return { kind: 'failed', error: new AppError('not-found', `no user ${userId}`) };
  if (added.kind === 'exists') return { kind: 'already-subscribed', subscription: added.subscription };
  return { kind: 'subscribed', subscription: added.subscription, ...dropUndefined(extra) };
}

/** Unsubscribes the user; the feed stops being fetched when it was the last subscriber, unless `keepFetching`. */
export async function unsubscribeUser(
  ctx: IngestContext,
  userId: number,
  feedId: number,
  options: { keepFetching?: boolean } = {},
): Promise<UnsubscribeUserResult> {
  if (!(await ctx.store.removeSubscription(userId, feedId))) return { kind: 'not-subscribed' };
  if (options.keepFetching === true || (await ctx.store.countSubscribers(feedId)) > 0)
    return { kind: 'unsubscribed', feedRemoved: false };
  const removed = await ctx.store.removeFeed(feedId, { at: ctx.now() });
  return { kind: 'unsubscribed', feedRemoved: removed.kind === 'removed' };
}
