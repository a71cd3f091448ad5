/**
 * The reader's article actions, each a POST from a plain form (answered with a 303 back to
 * the page) or from the script (`Accept: application/json`, answered with the new state and
 * the unread total for the nav): read/unread, star, mark several read (a page, or what the
 * script saw scroll past), and mark everything of a view read.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { requireUser } from '../auth/index.ts';
import { answerAction, formString, positiveInt } from './ui.ts';

const MAX_IDS = 1000;

function articleId(c: HonoContext): number {
  const id = positiveInt(c.req.param('id'));
  if (id === undefined) throw new AppError('not-found', 'no such article');
  return id;
}

async function unreadTotal(ctx: Context, userId: number): Promise<number> {
  return (await ctx.store.unreadCounts(userId)).total;
}

/** POST /articles/:id/read with `read` 1 (default) or 0. */
export async function markReadAction(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const id = articleId(c);
  const form = await c.req.parseBody();
  const read = formString(form, 'read') !== '0';
  if ((await ctx.store.getArticle(id, { revisions: 'latest' })) === undefined)
    throw new AppError('not-found', 'no such article');
  await ctx.store.markRead(user.id, [id], read, ctx.now());
  return answerAction(c, form, `/articles/${id}`, { id, read, unread: await unreadTotal(ctx, user.id) });
}

/** POST /articles/:id/star with `starred` 1 (default) or 0. */
export async function starAction(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const id = articleId(c);
  const form = await c.req.parseBody();
  const starred = formString(form, 'starred') !== '0';
  if (!(await ctx.store.setStarred(user.id, id, starred, ctx.now())))
    throw new AppError('not-found', 'no such article');
  return answerAction(c, form, `/articles/${id}`, { id, starred, unread: await unreadTotal(ctx, user.id) });
}

/** POST /articles/mark-read with `ids` (comma-separated, at most 1000) and `read` 1 (default) or 0. */
export async function markManyReadAction(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const form = await c.req.parseBody();
  const ids = formString(form, 'ids')
    .split(',')
    .map((part) => positiveInt(part.trim()))
    .filter((id): id is number => id !== undefined);
  if (ids.length > MAX_IDS) throw new AppError('input.invalid', `at most ${MAX_IDS} articles at once`);
  const changed = await ctx.store.markRead(user.id, ids, formString(form, 'read') !== '0', ctx.now());
  return answerAction(c, form, '/unread', { changed, unread: await unreadTotal(ctx, user.id) });
}

/** POST /mark-all-read with optional `feed`, `category` and `before` (epoch ms: newer arrivals stay unread). */
export async function markAllReadAction(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const form = await c.req.parseBody();
  const feedId = positiveInt(formString(form, 'feed'));
  const category = formString(form, 'category').trim();
  const before = positiveInt(formString(form, 'before'));
  const changed = await ctx.store.markAllRead(user.id, {
    at: ctx.now(),
    ...(feedId === undefined ? {} : { feedId }),
    ...(category === '' ? {} : { category }),
    ...(before === undefined ? {} : { before }),
  });
  return answerAction(c, form, '/unread', { changed, unread: await unreadTotal(ctx, user.id) });
}
