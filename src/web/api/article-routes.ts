/**
 * /api/v1/articles: the user's timeline (unread, all or starred; by feed or category; keyset
 * cursor pages), search (the same query language as `tidings search`), one article with
 * every revision, and read and star state, one by one or in bulk. The archive is shared by
 * the users of one Tidings: any user may open any article that is not deleted.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { searchArticles } from '../../search/index.ts';
import type { TimelineView } from '../../store/index.ts';
import { requireUser } from '../auth/index.ts';
import { observeSearch } from '../metrics/index.ts';
import {
  enumQuery,
  idParam,
  onlyKeys,
  optionalBoolean,
  optionalIdQuery,
  optionalInteger,
  optionalString,
  optionalTime,
  pageQuery,
  readJsonBody,
} from './api-input.ts';
import { articleDetailJson, articleJson, searchResultJson } from './api-shapes.ts';

const VIEWS: readonly TimelineView[] = ['all', 'unread', 'starred'];

/** The most ids one mark-read call takes. */
export const MAX_MARK_IDS = 1000;

/** GET /api/v1/articles?view=&feed=&category=&limit=&cursor=: a timeline page, newest first. */
export async function listArticlesRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const view = enumQuery(c, 'view', VIEWS, 'all');
  const feedId = optionalIdQuery(c, 'feed');
  const category = c.req.query('category');
  const page = await ctx.store.listTimeline({
    userId: user.id,
    view,
    ...pageQuery(c),
    ...(feedId === undefined ? {} : { feedId }),
    ...(category ? { category } : {}),
  });
  return c.json({ items: page.articles.map(articleJson), nextCursor: page.nextCursor });
}

/** GET /api/v1/articles/search?q=&sort=&feed=&limit=&cursor=: one page of results with snippets. */
export async function searchArticlesRoute(c: HonoContext, ctx: Context): Promise<Response> {
  requireUser(c);
  const query = c.req.query('q') ?? '';
  if (query.trim() === '') throw new AppError('input.invalid', 'q is required');
  if (query.length > 1000) throw new AppError('input.invalid', 'q must be at most 1000 characters');
  const sort = enumQuery(c, 'sort', ['relevance', 'newest'] as const, 'relevance');
  const feedId = optionalIdQuery(c, 'feed');
  const started = performance.now();
  const found = await searchArticles(ctx.searcher ?? ctx.store, query, {
    sort,
    ...pageQuery(c, 20, 100),
    ...(feedId === undefined ? {} : { feedId }),
  });
  observeSearch(ctx, performance.now() - started);
  return c.json({ items: found.results.map(searchResultJson), nextCursor: found.nextCursor, problems: found.problems });
}

/** GET /api/v1/articles/:id?revisions=all|latest&raw=1: the article with the user's state and its revisions. */
export async function getArticleRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const id = idParam(c);
  const revisions = enumQuery(c, 'revisions', ['all', 'latest'] as const, 'all');
  const raw = enumQuery(c, 'raw', ['0', '1', 'false', 'true'] as const, '0');
  const article = await ctx.store.getArticle(id, { revisions });
  if (article === undefined || article.deletedAt !== undefined) throw new AppError('not-found', `no article ${id}`);
  const state = (await ctx.store.articleStates(user.id, [id])).get(id) ?? { read: false, starred: false };
  return c.json(articleDetailJson(article, state, raw === '1' || raw === 'true'));
}

/** PATCH /api/v1/articles/:id `{ read?, starred? }`: changes the user's state; answers with it. */
export async function updateArticleRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const id = idParam(c);
  const body = await readJsonBody(c);
  onlyKeys(body, ['read', 'starred']);
  const read = optionalBoolean(body, 'read');
  const starred = optionalBoolean(body, 'starred');
  const article = await ctx.store.getArticle(id, { revisions: 'latest' });
  if (article === undefined || article.deletedAt !== undefined) throw new AppError('not-found', `no article ${id}`);
  const at = ctx.now();
  if (read !== undefined) await ctx.store.markRead(user.id, [id], read, at);
  if (starred !== undefined) await ctx.store.setStarred(user.id, id, starred, at);
  const state = (await ctx.store.articleStates(user.id, [id])).get(id) ?? { read: false, starred: false };
  return c.json({ id, read: state.read, starred: state.starred });
}

/** POST /api/v1/articles/mark-read `{ ids, read? }`: marks up to 1000 articles read (or unread); answers how many changed. */
export async function markArticlesReadRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const body = await readJsonBody(c);
  onlyKeys(body, ['ids', 'read']);
  const ids = body.ids;
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > MAX_MARK_IDS ||
    !ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0)
  ) {
    throw new AppError('input.invalid', `ids must be a list of 1 to ${MAX_MARK_IDS} article ids`);
  }
  const changed = await ctx.store.markRead(user.id, ids as number[], optionalBoolean(body, 'read') ?? true, ctx.now());
  return c.json({ changed });
}

/** POST /api/v1/articles/mark-all-read `{ feedId?, category?, before? }`: marks the unread articles read; answers how many. */
export async function markAllReadRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const body = await readJsonBody(c);
  onlyKeys(body, ['feedId', 'category', 'before']);
  const feedId = optionalInteger(body, 'feedId');
  const category = optionalString(body, 'category', 300);
  const before = optionalTime(body, 'before');
  const changed = await ctx.store.markAllRead(user.id, {
    at: ctx.now(),
    ...(feedId === undefined ? {} : { feedId }),
    ...(category ? { category } : {}),
    ...(before === undefined ? {} : { before }),
  });
  return c.json({ changed });
}

/** GET /api/v1/unread-counts: unread articles in total, per feed and per category. */
export async function unreadCountsRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const counts = await ctx.store.unreadCounts(user.id);
  return c.json({
    total: counts.total,
    feeds: counts.feeds.map((f) => ({ ...f })),
    categories: counts.categories.map((x) => ({ ...x })),
  });
}
