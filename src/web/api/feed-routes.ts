/**
 * /api/v1/feeds: the user's subscriptions. Adding a URL new to the archive discovers and
 * fetches it (accounts' subscribeUser); removing unsubscribes (the feed leaves the fetch list
 * when nobody follows it any more; its articles stay). A subscription's title and category
 * are the user's own; a feed's fetch settings are shared by every subscriber, so only an
 * admin may change them.
 */
import type { Context as HonoContext } from 'hono';
import { subscribeUser, unsubscribeUser } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { refreshFeed } from '../../ingest/index.ts';
import type { FeedSettingsPatch, FullTextMode, Subscription } from '../../store/index.ts';
import { requireUser } from '../auth/index.ts';
import {
  idParam,
  nullableInteger,
  nullableString,
  onlyKeys,
  optionalBoolean,
  optionalEnum,
  optionalString,
  readJsonBody,
  requiredString,
  type JsonBody,
} from './api-input.ts';
import { feedJson, isoTime } from './api-shapes.ts';
import { dropUndefined } from '../../util/drop-undefined.ts';

const FULL_TEXT_MODES: readonly FullTextMode[] = ['off', 'auto', 'always'];

async function requireSubscription(ctx: Context, userId: number, feedId: number): Promise<Subscription> {
  const sub = await ctx.store.getSubscription(userId, feedId);
  if (sub === undefined) throw new AppError('not-found', `you do not follow feed ${feedId}`);
  return sub;
}

/** GET /api/v1/feeds: the user's subscriptions with unread counts. */
export async function listFeedsRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const [subs, counts] = await Promise.all([ctx.store.listSubscriptions(user.id), ctx.store.unreadCounts(user.id)]);
  const unread = new Map(counts.feeds.map((f) => [f.feedId, f.unread]));
  return c.json({ items: subs.map((sub) => feedJson(sub, unread.get(sub.feed.id) ?? 0)) });
}

/** POST /api/v1/feeds `{ url, title?, category? }`: subscribes (201, or 200 when already subscribed). */
export async function addFeedRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const body = await readJsonBody(c);
  onlyKeys(body, ['url', 'title', 'category']);
  const url = requiredString(body, 'url', 2048);
  const result = await subscribeUser(ctx, user.id, url, {
    title: optionalString(body, 'title', 300),
    category: optionalString(body, 'category', 300),
  });
  if (result.kind === 'failed') throw result.error;
  if (result.kind === 'already-subscribed') return c.json(feedJson(result.subscription), 200);
  return c.json(feedJson(result.subscription), 201);
}

/** GET /api/v1/feeds/:id: one subscription. */
export async function getFeedRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const feedId = idParam(c);
  const sub = await requireSubscription(ctx, user.id, feedId);
  const counts = await ctx.store.unreadCounts(user.id);
  return c.json(feedJson(sub, counts.feeds.find((f) => f.feedId === feedId)?.unread ?? 0));
}

function readSettings(body: JsonBody): FeedSettingsPatch | undefined {
  const value = body.settings;
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new AppError('input.invalid', 'settings must be an object');
  const s = value as JsonBody;
  onlyKeys(s, [
    'fullText',
    'learnedBoilerplate',
    'encodingOverride',
    'minIntervalSeconds',
    'maxIntervalSeconds',
    'retentionDays',
  ]);
  const patch: FeedSettingsPatch = {
    fullText: optionalEnum(s, 'fullText', FULL_TEXT_MODES),
    learnedBoilerplate: optionalBoolean(s, 'learnedBoilerplate'),
    encodingOverride: nullableString(s, 'encodingOverride', 64),
    minIntervalSeconds: nullableInteger(s, 'minIntervalSeconds'),
    maxIntervalSeconds: nullableInteger(s, 'maxIntervalSeconds'),
    retentionDays: nullableInteger(s, 'retentionDays'),
  };
  return dropUndefined(patch);
}

/** PATCH /api/v1/feeds/:id `{ title?, category?, settings? }`: null or '' clears the user's title or category; settings are admin-only. */
export async function updateFeedRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const feedId = idParam(c);
  const body = await readJsonBody(c);
  onlyKeys(body, ['title', 'category', 'settings']);
  const title = nullableString(body, 'title', 300);
  const category = nullableString(body, 'category', 300);
  const settings = readSettings(body);
  await requireSubscription(ctx, user.id, feedId);
  if (settings !== undefined && !user.admin)
    throw new AppError('auth.forbidden', 'only an admin may change how a feed is fetched');
  if (settings !== undefined) {
    const updated = await ctx.store.updateFeed(feedId, { settings });
    if (updated.kind === 'invalid') throw new AppError('input.invalid', updated.reason);
    if (updated.kind !== 'updated') throw new AppError('not-found', `no feed ${feedId}`);
  }
  if (title !== undefined || category !== undefined) {
    await ctx.store.updateSubscription(user.id, feedId, {
      ...(title === undefined ? {} : { title: title === '' ? null : title }),
      ...(category === undefined ? {} : { category: category === '' ? null : category }),
    });
  }
  return c.json(feedJson(await requireSubscription(ctx, user.id, feedId)));
}

/** DELETE /api/v1/feeds/:id: unsubscribes (204). */
export async function removeFeedRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const result = await unsubscribeUser(ctx, user.id, idParam(c));
  if (result.kind === 'not-subscribed') throw new AppError('not-found', 'you do not follow this feed');
  return c.body(null, 204);
}

/** POST /api/v1/feeds/:id/refresh: fetches the feed now and answers with what the fetch did. */
export async function refreshFeedRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const sub = await requireSubscription(ctx, user.id, idParam(c));
  if (sub.feed.removedAt !== undefined) throw new AppError('not-found', 'this feed is no longer fetched');
  const outcome = await refreshFeed(ctx, sub.feed);
  return c.json({
    feedId: outcome.feedId,
    outcome: outcome.kind,
    httpStatus: outcome.httpStatus,
    error: outcome.error,
    items: outcome.itemCount,
    newArticles: outcome.newArticles,
    newRevisions: outcome.newRevisions,
    durationMs: outcome.durationMs,
    nextCheckAt: isoTime(outcome.nextCheckAt),
  });
}
