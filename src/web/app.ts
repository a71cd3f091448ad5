/**
 * The web app (Hono): every route in one table, one file per page, one onError that maps
 * error codes to HTTP statuses. In-process tests call `app.request('/path')`; `tidings
 * serve` hands `app.fetch` to @hono/node-server.
 */
import { Hono, type Context as HonoContext } from 'hono';
import type { Context } from '../context.ts';
import { isAppError } from '../domain/errors.ts';
import { healthz } from './healthz.ts';
import { homePage } from './home-page.ts';

/** One route: method, path (Hono syntax) and its handler. */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handler: (c: HonoContext, ctx: Context) => Response | Promise<Response>;
}

/** All routes of the app. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/', handler: homePage },
  { method: 'GET', path: '/healthz', handler: healthz },
];

/** Returns the HTTP status for an error code: input → 400, store → 503, anything else 500. */
export function statusForError(code: string): 400 | 503 | 500 {
  if (code.startsWith('input.')) return 400;
  if (code.startsWith('store.')) return 503;
  return 500;
}

/** Returns the app serving ROUTES over `ctx`. */
export function createApp(ctx: Context): Hono {
  const app = new Hono();
  for (const route of ROUTES) {
    const handle = (c: HonoContext) => route.handler(c, ctx);
    if (route.method === 'GET') app.get(route.path, handle);
    else app.post(route.path, handle);
  }
  app.notFound((c) => c.json({ error: { code: 'not-found', message: 'no such page' } }, 404));
  app.onError((error, c) => {
    const code = isAppError(error) ? error.code : 'internal';
    return c.json({ error: { code, message: isAppError(error) ? error.message : 'internal error' } }, statusForError(code));
  });
  return app;
}
