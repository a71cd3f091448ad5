/**
 * The web app (Hono): every route in one table, one file per page, one onError that maps
 * error codes to HTTP statuses. In-process tests call `app.request('/path')`; `tidings
 * serve` hands `app.fetch` to @hono/node-server. Every request is authenticated first
 * (web/auth: session cookie or API token, then CSRF checks on unsafe methods); a route
 * says who may use it with `access`. Pages are server-rendered with the escaping `html`
 * template of html.ts (no JSX build step, no inline scripts).
 */
import { Hono, type Context as HonoContext } from 'hono';
import type { Context } from '../context.ts';
import { isAppError } from '../domain/errors.ts';
import {
  apiAuth,
  csrfProtection,
  loginPage,
  loginSubmit,
  logoutSubmit,
  requireAdminUser,
  requireUser,
  sessionMiddleware,
  setupPage,
  setupSubmit,
  untrustedProxyWatch,
} from './auth/index.ts';
import {
  addFeedRoute,
  createSavedSearchRoute,
  createTokenRoute,
  createUserRoute,
  deleteSavedSearchRoute,
  deleteUserRoute,
  exportOpmlRoute,
  getArticleRoute,
  getFeedRoute,
  importOpmlRoute,
  listArticlesRoute,
  listFeedsRoute,
  listSavedSearchesRoute,
  listTokensRoute,
  listUsersRoute,
  markAllReadRoute,
  markArticlesReadRoute,
  meRoute,
  openApiRoute,
  refreshFeedRoute,
  removeFeedRoute,
  revokeTokenRoute,
  savedSearchArticlesRoute,
  searchArticlesRoute,
  unreadCountsRoute,
  updateArticleRoute,
  updateFeedRoute,
  updateUserRoute,
} from './api/index.ts';
import { healthz } from './healthz.ts';
import { httpMetrics, metricsPage } from './metrics/index.ts';
import {
  archiveDocumentRoute,
  categoryDocumentRoute,
  DOCUMENT_FILE,
  feedDocumentRoute,
  isFeedDocumentPath,
  searchDocumentRoute,
} from './republish/index.ts';
import {
  addSubscriptionAction,
  articlePage,
  deleteSavedSearchAction,
  exportOpmlAction,
  feedSettingsPage,
  healthPage,
  helpPage,
  homeRedirect,
  importOpmlAction,
  markAllReadAction,
  markManyReadAction,
  markReadAction,
  refreshFeedAction,
  revisionsPage,
  saveFeedSettingsAction,
  saveSearchAction,
  saveSettingsAction,
  saveThemeAction,
  searchPage,
  securityHeaders,
  serveAsset,
  serveFavicon,
  settingsPage,
  starAction,
  subscriptionsPage,
  timelinePage,
  unsubscribeAction,
} from './pages/index.ts';

/** Who may use a route: anyone (default), a logged-in user, or an admin. Everything under /api/ needs a user anyway. */
export type RouteAccess = 'public' | 'user' | 'admin';

/** One route: method, path (Hono syntax), its handler, and who may use it. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: (c: HonoContext, ctx: Context) => Response | Promise<Response>;
  access?: RouteAccess;
}

/** All routes of the app. */
export const ROUTES: readonly Route[] = [
  // The reader (web/pages): every page needs a login; assets are public (the login page may use them).
  { method: 'GET', path: '/', handler: homeRedirect, access: 'user' },
  { method: 'GET', path: '/unread', handler: timelinePage, access: 'user' },
  { method: 'GET', path: '/all', handler: timelinePage, access: 'user' },
  { method: 'GET', path: '/starred', handler: timelinePage, access: 'user' },
  { method: 'GET', path: '/articles/:id', handler: articlePage, access: 'user' },
  { method: 'GET', path: '/articles/:id/revisions', handler: revisionsPage, access: 'user' },
  { method: 'POST', path: '/articles/mark-read', handler: markManyReadAction, access: 'user' },
  { method: 'POST', path: '/articles/:id/read', handler: markReadAction, access: 'user' },
  { method: 'POST', path: '/articles/:id/star', handler: starAction, access: 'user' },
  { method: 'POST', path: '/mark-all-read', handler: markAllReadAction, access: 'user' },
  { method: 'GET', path: '/search', handler: searchPage, access: 'user' },
  { method: 'POST', path: '/search/saved', handler: saveSearchAction, access: 'user' },
  { method: 'POST', path: '/search/saved/:id/delete', handler: deleteSavedSearchAction, access: 'user' },
  { method: 'GET', path: '/subscriptions', handler: subscriptionsPage, access: 'user' },
  { method: 'POST', path: '/subscriptions', handler: addSubscriptionAction, access: 'user' },
  { method: 'POST', path: '/subscriptions/import', handler: importOpmlAction, access: 'user' },
  { method: 'GET', path: '/subscriptions/export.opml', handler: exportOpmlAction, access: 'user' },
  { method: 'GET', path: '/feeds/health', handler: healthPage, access: 'user' },
  { method: 'GET', path: '/feeds/:id/settings', handler: feedSettingsPage, access: 'user' },
  { method: 'POST', path: '/feeds/:id/settings', handler: saveFeedSettingsAction, access: 'user' },
  { method: 'POST', path: '/feeds/:id/unsubscribe', handler: unsubscribeAction, access: 'user' },
  { method: 'POST', path: '/feeds/:id/refresh', handler: refreshFeedAction, access: 'user' },
  { method: 'GET', path: '/settings', handler: settingsPage, access: 'user' },
  { method: 'POST', path: '/settings', handler: saveSettingsAction, access: 'user' },
  { method: 'POST', path: '/settings/theme', handler: saveThemeAction, access: 'user' },
  { method: 'GET', path: '/help', handler: helpPage, access: 'user' },
  { method: 'GET', path: '/assets/:file', handler: serveAsset },
  { method: 'GET', path: '/favicon.ico', handler: serveFavicon },
  { method: 'GET', path: '/healthz', handler: healthz },
  { method: 'GET', path: '/login', handler: loginPage },
  { method: 'POST', path: '/login', handler: loginSubmit },
  { method: 'POST', path: '/logout', handler: logoutSubmit },
  { method: 'GET', path: '/setup', handler: setupPage },
  { method: 'POST', path: '/setup', handler: setupSubmit },
  { method: 'GET', path: '/metrics', handler: metricsPage },
  // The JSON API (web/api/; described in web/api/openapi.ts). A static segment comes before `:id` on the same level.
  { method: 'GET', path: '/api/v1/openapi.json', handler: openApiRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/me', handler: meRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/feeds', handler: listFeedsRoute, access: 'user' },
  { method: 'POST', path: '/api/v1/feeds', handler: addFeedRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/feeds/:id', handler: getFeedRoute, access: 'user' },
  { method: 'PATCH', path: '/api/v1/feeds/:id', handler: updateFeedRoute, access: 'user' },
  { method: 'DELETE', path: '/api/v1/feeds/:id', handler: removeFeedRoute, access: 'user' },
  { method: 'POST', path: '/api/v1/feeds/:id/refresh', handler: refreshFeedRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/articles', handler: listArticlesRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/articles/search', handler: searchArticlesRoute, access: 'user' },
  { method: 'POST', path: '/api/v1/articles/mark-read', handler: markArticlesReadRoute, access: 'user' },
  { method: 'POST', path: '/api/v1/articles/mark-all-read', handler: markAllReadRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/articles/:id', handler: getArticleRoute, access: 'user' },
  { method: 'PATCH', path: '/api/v1/articles/:id', handler: updateArticleRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/unread-counts', handler: unreadCountsRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/opml', handler: exportOpmlRoute, access: 'user' },
  { method: 'POST', path: '/api/v1/opml', handler: importOpmlRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/searches', handler: listSavedSearchesRoute, access: 'user' },
  { method: 'POST', path: '/api/v1/searches', handler: createSavedSearchRoute, access: 'user' },
  { method: 'DELETE', path: '/api/v1/searches/:id', handler: deleteSavedSearchRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/searches/:id/articles', handler: savedSearchArticlesRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/tokens', handler: listTokensRoute, access: 'user' },
  { method: 'POST', path: '/api/v1/tokens', handler: createTokenRoute, access: 'user' },
  { method: 'DELETE', path: '/api/v1/tokens/:id', handler: revokeTokenRoute, access: 'user' },
  { method: 'GET', path: '/api/v1/users', handler: listUsersRoute, access: 'admin' },
  { method: 'POST', path: '/api/v1/users', handler: createUserRoute, access: 'admin' },
  { method: 'PATCH', path: '/api/v1/users/:id', handler: updateUserRoute, access: 'admin' },
  { method: 'DELETE', path: '/api/v1/users/:id', handler: deleteUserRoute, access: 'admin' },
  // Republished feeds (web/republish/): a read token in ?token= or /t/{token}/, or a session.
  { method: 'GET', path: `/feeds/:file${DOCUMENT_FILE}`, handler: feedDocumentRoute },
  { method: 'GET', path: `/categories/:file${DOCUMENT_FILE}`, handler: categoryDocumentRoute },
  { method: 'GET', path: `/searches/:file${DOCUMENT_FILE}`, handler: searchDocumentRoute },
  { method: 'GET', path: '/:file{all\\.(?:rss|atom|json)}', handler: archiveDocumentRoute },
  { method: 'GET', path: `/t/:token/feeds/:file${DOCUMENT_FILE}`, handler: feedDocumentRoute },
  { method: 'GET', path: `/t/:token/categories/:file${DOCUMENT_FILE}`, handler: categoryDocumentRoute },
  { method: 'GET', path: `/t/:token/searches/:file${DOCUMENT_FILE}`, handler: searchDocumentRoute },
  { method: 'GET', path: '/t/:token/:file{all\\.(?:rss|atom|json)}', handler: archiveDocumentRoute },
];

/** The statuses errors map to. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502 | 503;

const STATUS_BY_CODE: Readonly<Record<string, ErrorStatus>> = {
  'not-found': 404,
  'auth.unauthenticated': 401,
  'auth.invalid-credentials': 401,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.rate-limited': 429,
  'user.exists': 409,
  'user.last-admin': 409,
  'feed.url-taken': 409,
  'user.invalid-name': 400,
  'user.weak-password': 400,
  'input.too-large': 413,
  'fetch.invalid-url': 400,
  'fetch.private-address': 400,
  'discover.no-feed': 422,
  'parse.not-a-feed': 422,
  'parse.not-opml': 400,
};

/** Returns the HTTP status for an error code: the table above, `*.not-found` → 404, input → 400, other fetch errors (the feed's server) → 502, store → 503, anything else 500. */
export function statusForError(code: string): ErrorStatus {
  const exact = STATUS_BY_CODE[code];
  if (exact !== undefined) return exact;
  if (code.endsWith('.not-found')) return 404;
  if (code.startsWith('input.')) return 400;
  if (code.startsWith('fetch.')) return 502;
  if (code.startsWith('store.')) return 503;
  return 500;
}

const GUARDS: Record<RouteAccess, (c: HonoContext) => unknown> = {
  public: () => undefined,
  user: requireUser,
  admin: requireAdminUser,
};

/** Options of createApp: where the server's warnings go (default nowhere, for in-process tests). */
export interface AppOptions {
  log?: (line: string) => void;
}

/** Returns the app serving ROUTES over `ctx`. */
export function createApp(ctx: Context, options: AppOptions = {}): Hono {
  const app = new Hono();
  app.use('*', httpMetrics(ctx));
  app.use('*', untrustedProxyWatch(ctx, options.log ?? (() => undefined)));
  app.use('*', securityHeaders);
  app.use('*', sessionMiddleware(ctx));
  app.use('/api/*', apiAuth);
  app.use('*', csrfProtection(ctx));
  for (const route of ROUTES) {
    const guard = GUARDS[route.access ?? 'public'];
    const handle = (c: HonoContext) => {
      guard(c);
      return route.handler(c, ctx);
    };
    app.on(route.method, route.path, handle);
  }
  app.notFound((c) => c.json({ error: { code: 'not-found', message: 'no such page' } }, 404));
  app.onError((error, c) => {
    const code = isAppError(error) ? error.code : 'internal';
    // A page that needs a login sends the browser to the login form and back (feed documents and /metrics are not pages).
    const isPage = !c.req.path.startsWith('/api/') && !isFeedDocumentPath(c.req.path) && c.req.path !== '/metrics';
    if (
      code === 'auth.unauthenticated' &&
      c.req.method === 'GET' &&
      isPage &&
      c.req.header('authorization') === undefined
    ) {
      const url = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    if (code === 'auth.unauthenticated') c.header('WWW-Authenticate', 'Bearer realm="tidings"');
    return c.json(
      { error: { code, message: isAppError(error) ? error.message : 'internal error' } },
      statusForError(code),
    );
  });
  return app;
}
