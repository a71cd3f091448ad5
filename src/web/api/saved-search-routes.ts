/**
 * /api/v1/searches: the user's own named searches: list, save (a name the user already used
 * is replaced), delete, and run one a page at a time. Another user's saved search answers
 * 404, as if it did not exist (its id tells nothing). A saved search is also a republished
 * feed for its owner: /searches/{id}.rss and kin.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { searchArticles } from '../../search/index.ts';
import type { SearchSort } from '../../store/index.ts';
import { requireUser } from '../auth/index.ts';
import { observeSearch } from '../metrics/index.ts';
import { idParam, onlyKeys, optionalEnum, pageQuery, readJsonBody, requiredString } from './api-input.ts';
import { savedSearchJson, searchResultJson } from './api-shapes.ts';

const SORTS: readonly SearchSort[] = ['relevance', 'newest'];

/** GET /api/v1/searches: the user's saved searches, by name. */
export async function listSavedSearchesRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  return c.json({ items: (await ctx.store.listSavedSearches({ userId: user.id })).map(savedSearchJson) });
}

/** POST /api/v1/searches `{ name, query, sort? }`: saves a search of the user's (201). */
export async function createSavedSearchRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const body = await readJsonBody(c);
  onlyKeys(body, ['name', 'query', 'sort']);
  const name = requiredString(body, 'name', 200);
  const query = requiredString(body, 'query', 1000);
  const sort = optionalEnum(body, 'sort', SORTS);
  const saved = await ctx.store.saveSearch({
    userId: user.id,
    name,
    query,
    at: ctx.now(),
    ...(sort === undefined ? {} : { sort }),
  });
  return c.json(savedSearchJson(saved), 201);
}

/** DELETE /api/v1/searches/:id: deletes one of the user's saved searches (204). */
export async function deleteSavedSearchRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const id = idParam(c);
  if (!(await ctx.store.deleteSavedSearch(id, { userId: user.id })))
    throw new AppError('not-found', `no saved search ${id}`);
  return c.body(null, 204);
}

/** GET /api/v1/searches/:id/articles?limit=&cursor=: one page of the results of one of the user's saved searches. */
export async function savedSearchArticlesRoute(c: HonoContext, ctx: Context): Promise<Response> {
  const user = requireUser(c);
  const id = idParam(c);
  const saved = await ctx.store.getSavedSearch(id, { userId: user.id });
  if (saved === undefined) throw new AppError('not-found', `no saved search ${id}`);
  const started = performance.now();
  const found = await searchArticles(ctx.searcher ?? ctx.store, saved.query, {
    sort: saved.sort,
    ...pageQuery(c, 20, 100),
  });
  observeSearch(ctx, performance.now() - started);
  return c.json({
    search: savedSearchJson(saved),
    items: found.results.map(searchResultJson),
    nextCursor: found.nextCursor,
    problems: found.problems,
  });
}
