/**
 * The OpenAPI 3.1 document of /api/v1, written as data (small builders keep each operation
 * one readable entry). openapi.test.ts checks that every /api/v1 route of the routes table
 * is described here and that nothing here is missing from the table.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema) => ({ content: { 'application/json': { schema } } });
const ok = (description: string, schema: Schema) => ({ description, ...json(schema) });
const list = (item: string, paged = false): Schema => ({
  type: 'object',
  required: ['items'],
  properties: {
    items: { type: 'array', items: ref(item) },
    ...(paged ? { nextCursor: { type: 'string', description: 'absent on the last page' } } : {}),
  },
});
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/E${s}` }]));
const query = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
  name,
  in: 'query',
  description,
  schema,
});
const idPath = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
const page = (fallback: number, max: number) => [
  query('limit', `items per page (default ${fallback})`, { type: 'integer', minimum: 1, maximum: max }),
  query('cursor', 'the nextCursor of the previous page'),
];
const body = (schema: Schema, type = 'application/json') => ({ required: true, content: { [type]: { schema } } });
const noContent = { 204: { description: 'done' } };
const object = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});

const str = { type: 'string' };
const time = { type: 'string', format: 'date-time' };
const int = { type: 'integer' };
const bool = { type: 'boolean' };
const person = { type: 'object', properties: { name: str, email: str, url: str } };

const schemas: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', description: 'a stable code, e.g. input.invalid, auth.unauthenticated, not-found' },
          message: str,
        },
      },
    },
  },
  User: {
    type: 'object',
    properties: { id: int, name: str, admin: bool, disabled: bool, createdAt: time, disabledAt: time },
  },
  Token: {
    type: 'object',
    properties: { id: int, name: str, scope: { enum: ['read', 'read-write'] }, createdAt: time, lastUsedAt: time },
  },
  Feed: {
    type: 'object',
    properties: {
      id: int,
      url: str,
      title: str,
      category: str,
      userTitle: str,
      userCategory: str,
      feedTitle: str,
      siteUrl: str,
      description: str,
      format: str,
      language: str,
      unread: int,
      status: { type: 'string', description: 'new, ok, or the last error code' },
      errorCount: int,
      lastError: { type: 'object', properties: { code: str, message: str } },
      lastFetchedAt: time,
      lastSuccessAt: time,
      nextCheckAt: time,
      subscribedAt: time,
      settings: ref('FeedSettings'),
    },
  },
  FeedSettings: object({
    fullText: { enum: ['off', 'auto', 'always'] },
    learnedBoilerplate: bool,
    encodingOverride: { type: ['string', 'null'] },
    minIntervalSeconds: { type: ['integer', 'null'] },
    maxIntervalSeconds: { type: ['integer', 'null'] },
    retentionDays: { type: ['integer', 'null'] },
  }),
  Article: {
    type: 'object',
    properties: {
      id: int,
      feedId: int,
      feedTitle: str,
      title: str,
      link: str,
      guid: str,
      authors: { type: 'array', items: person },
      categories: { type: 'array', items: str },
      enclosures: { type: 'array', items: { type: 'object', properties: { url: str, type: str, length: int } } },
      language: str,
      publishedAt: time,
      updatedAt: time,
      firstSeenAt: time,
      time,
      revisionCount: int,
      read: bool,
      starred: bool,
      readAt: time,
      starredAt: time,
    },
  },
  Revision: {
    type: 'object',
    properties: {
      number: int,
      title: str,
      link: str,
      summary: str,
      content: { type: 'string', description: 'the cleaned HTML' },
      rawContent: { type: 'string', description: 'the body as received (with raw=1)' },
      authors: { type: 'array', items: person },
      categories: { type: 'array', items: str },
      publishedAt: time,
      updatedAt: time,
      feedTitle: str,
      seenAt: time,
    },
  },
  ArticleDetail: {
    allOf: [ref('Article'), { type: 'object', properties: { revisions: { type: 'array', items: ref('Revision') } } }],
  },
  SearchResult: {
    type: 'object',
    properties: {
      id: int,
      feedId: int,
      feedTitle: str,
      title: str,
      link: str,
      authors: { type: 'array', items: person },
      language: str,
      time,
      score: { type: 'number' },
      snippet: {
        type: 'object',
        properties: {
          text: str,
          highlights: { type: 'array', items: { type: 'array', items: int, minItems: 2, maxItems: 2 } },
        },
      },
    },
  },
  SavedSearch: {
    type: 'object',
    properties: { id: int, name: str, query: str, sort: { enum: ['relevance', 'newest'] }, createdAt: time },
  },
  RefreshOutcome: {
    type: 'object',
    properties: {
      feedId: int,
      outcome: { enum: ['ok', 'not-modified', 'rate-limited', 'failed'] },
      httpStatus: int,
      error: { type: 'object', properties: { code: str, message: str } },
      items: int,
      newArticles: int,
      newRevisions: int,
      durationMs: int,
      nextCheckAt: time,
    },
  },
  Changed: { type: 'object', properties: { changed: int } },
};

const errorResponse = (description: string) => ({ description, ...json(ref('Error')) });

/** The OpenAPI 3.1 document of the JSON API. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Tidings API',
    version: '1',
    description:
      'The JSON API of a Tidings news archive. Authenticate with the session cookie (unsafe methods then need the X-CSRF-Token header) or an API token: `Authorization: Bearer tdg_…`. A read token may only GET. Errors are `{ "error": { "code", "message" } }`.',
  },
  servers: [{ url: '/' }],
  security: [{ bearerAuth: [] }, { sessionCookie: [] }],
  components: {
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'An API token (tidings token create, or the settings page).',
      },
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tidings_session' },
    },
    responses: {
      E400: errorResponse('input.invalid (or another input error): the request is malformed'),
      E401: errorResponse('auth.unauthenticated: no valid session or token'),
      E403: errorResponse('auth.forbidden (a read token on a write, not an admin) or auth.csrf'),
      E404: errorResponse('not-found'),
      E409: errorResponse('a conflict, e.g. user.exists or user.last-admin'),
      E413: errorResponse('input.too-large'),
      E422: errorResponse('discover.no-feed or parse.not-a-feed: nothing usable at the URL'),
      E502: errorResponse('fetch.*: the feed could not be fetched'),
    },
    schemas,
  },
  paths: {
    '/api/v1/openapi.json': {
      get: {
        summary: 'This document',
        operationId: 'openapi',
        responses: { 200: ok('the OpenAPI document', { type: 'object' }), ...errors(401) },
      },
    },
    '/api/v1/me': {
      get: {
        summary: 'Who is asking',
        operationId: 'me',
        responses: {
          200: ok('the user', object({ user: ref('User'), via: { enum: ['session', 'token'] }, scope: str })),
          ...errors(401),
        },
      },
    },
    '/api/v1/feeds': {
      get: {
        summary: "The user's subscriptions",
        operationId: 'listFeeds',
        responses: { 200: ok('feeds', list('Feed')), ...errors(401) },
      },
      post: {
        summary: 'Subscribe to a feed (or a page that leads to one)',
        operationId: 'addFeed',
        requestBody: body(object({ url: str, title: str, category: str }, ['url'])),
        responses: {
          200: ok('already subscribed', ref('Feed')),
          201: ok('subscribed', ref('Feed')),
          ...errors(400, 401, 403, 422, 502),
        },
      },
    },
    '/api/v1/feeds/{id}': {
      parameters: [idPath],
      get: {
        summary: 'One subscription',
        operationId: 'getFeed',
        responses: { 200: ok('the feed', ref('Feed')), ...errors(400, 401, 404) },
      },
      patch: {
        summary: "Change the user's title or category (null clears), or (admins) the feed's settings",
        operationId: 'updateFeed',
        requestBody: body(
          object({
            title: { type: ['string', 'null'] },
            category: { type: ['string', 'null'] },
            settings: ref('FeedSettings'),
          }),
        ),
        responses: { 200: ok('the feed', ref('Feed')), ...errors(400, 401, 403, 404) },
      },
      delete: {
        summary: 'Unsubscribe (articles are kept)',
        operationId: 'removeFeed',
        responses: { ...noContent, ...errors(400, 401, 403, 404) },
      },
    },
    '/api/v1/feeds/{id}/refresh': {
      parameters: [idPath],
      post: {
        summary: 'Fetch the feed now',
        operationId: 'refreshFeed',
        responses: { 200: ok('what the fetch did', ref('RefreshOutcome')), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/v1/articles': {
      get: {
        summary: "The user's timeline, newest first",
        operationId: 'listArticles',
        parameters: [
          query('view', 'default all', { enum: ['all', 'unread', 'starred'] }),
          query('feed', 'a feed id', { type: 'integer' }),
          query('category', 'a category and its subfolders'),
          ...page(50, 500),
        ],
        responses: { 200: ok('a page', list('Article', true)), ...errors(400, 401) },
      },
    },
    '/api/v1/articles/search': {
      get: {
        summary: 'Search the archive (the query language of tidings search)',
        operationId: 'searchArticles',
        parameters: [
          { ...query('q', 'the query'), required: true },
          query('sort', 'default relevance', { enum: ['relevance', 'newest'] }),
          query('feed', 'a feed id', { type: 'integer' }),
          ...page(20, 100),
        ],
        responses: {
          200: ok('a page of results', {
            allOf: [
              list('SearchResult', true),
              { type: 'object', properties: { problems: { type: 'array', items: str } } },
            ],
          }),
          ...errors(400, 401),
        },
      },
    },
    '/api/v1/articles/{id}': {
      parameters: [idPath],
      get: {
        summary: 'One article with its revisions',
        operationId: 'getArticle',
        parameters: [
          query('revisions', 'default all', { enum: ['all', 'latest'] }),
          query('raw', 'add the bodies as received', { enum: ['0', '1', 'false', 'true'] }),
        ],
        responses: { 200: ok('the article', ref('ArticleDetail')), ...errors(400, 401, 404) },
      },
      patch: {
        summary: 'Mark read or unread, star or unstar',
        operationId: 'updateArticle',
        requestBody: body(object({ read: bool, starred: bool })),
        responses: {
          200: ok('the state', object({ id: int, read: bool, starred: bool })),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    '/api/v1/articles/mark-read': {
      post: {
        summary: 'Mark up to 1000 articles read (or unread with read: false)',
        operationId: 'markArticlesRead',
        requestBody: body(
          object({ ids: { type: 'array', items: int, minItems: 1, maxItems: 1000 }, read: bool }, ['ids']),
        ),
        responses: { 200: ok('how many changed', ref('Changed')), ...errors(400, 401, 403) },
      },
    },
    '/api/v1/articles/mark-all-read': {
      post: {
        summary: 'Mark every unread article (of a feed or category, seen before a time) read',
        operationId: 'markAllRead',
        requestBody: body(
          object({
            feedId: int,
            category: str,
            before: { type: ['string', 'integer'], description: 'ISO time or epoch ms' },
          }),
        ),
        responses: { 200: ok('how many changed', ref('Changed')), ...errors(400, 401, 403) },
      },
    },
    '/api/v1/unread-counts': {
      get: {
        summary: 'Unread articles in total, per feed and per category',
        operationId: 'unreadCounts',
        responses: {
          200: ok('counts', {
            type: 'object',
            properties: {
              total: int,
              feeds: { type: 'array', items: object({ feedId: int, unread: int }) },
              categories: { type: 'array', items: object({ category: str, unread: int }) },
            },
          }),
          ...errors(401),
        },
      },
    },
    '/api/v1/opml': {
      get: {
        summary: "The user's subscriptions as OPML 2.0",
        operationId: 'exportOpml',
        responses: { 200: { description: 'OPML', content: { 'text/x-opml': { schema: str } } }, ...errors(401) },
      },
      post: {
        summary: 'Subscribe to every feed of an OPML list (nothing is fetched now)',
        operationId: 'importOpml',
        requestBody: body(str, 'text/x-opml'),
        responses: {
          200: ok(
            'one entry per feed',
            object({
              items: {
                type: 'array',
                items: object({
                  url: str,
                  kind: { enum: ['subscribed', 'already-subscribed', 'invalid'] },
                  feedId: int,
                  reason: str,
                }),
              },
              problems: { type: 'array', items: str },
            }),
          ),
          ...errors(400, 401, 403, 413),
        },
      },
    },
    '/api/v1/searches': {
      get: {
        summary: "The user's saved searches, by name",
        operationId: 'listSavedSearches',
        responses: { 200: ok('saved searches', list('SavedSearch')), ...errors(401) },
      },
      post: {
        summary: "Save a search of the user's (a name the user already used is replaced)",
        operationId: 'createSavedSearch',
        requestBody: body(
          object({ name: str, query: str, sort: { enum: ['relevance', 'newest'] } }, ['name', 'query']),
        ),
        responses: { 201: ok('saved', ref('SavedSearch')), ...errors(400, 401, 403) },
      },
    },
    '/api/v1/searches/{id}': {
      parameters: [idPath],
      delete: {
        summary: "Delete one of the user's saved searches (404 for another user's)",
        operationId: 'deleteSavedSearch',
        responses: { ...noContent, ...errors(400, 401, 403, 404) },
      },
    },
    '/api/v1/searches/{id}/articles': {
      parameters: [idPath],
      get: {
        summary: "Run one of the user's saved searches (404 for another user's)",
        operationId: 'savedSearchArticles',
        parameters: page(20, 100),
        responses: {
          200: ok('a page of results', {
            allOf: [
              list('SearchResult', true),
              { type: 'object', properties: { search: ref('SavedSearch'), problems: { type: 'array', items: str } } },
            ],
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    '/api/v1/tokens': {
      get: {
        summary: "The user's API tokens",
        operationId: 'listTokens',
        responses: { 200: ok('tokens', list('Token')), ...errors(401) },
      },
      post: {
        summary: 'Create an API token (the secret is shown in this answer only)',
        operationId: 'createToken',
        requestBody: body(object({ name: str, scope: { enum: ['read', 'read-write'] } }, ['name'])),
        responses: {
          201: ok('the token', { allOf: [ref('Token'), { type: 'object', properties: { token: str } }] }),
          ...errors(400, 401, 403),
        },
      },
    },
    '/api/v1/tokens/{id}': {
      parameters: [idPath],
      delete: {
        summary: "Revoke one of the user's tokens",
        operationId: 'revokeToken',
        responses: { ...noContent, ...errors(400, 401, 403, 404) },
      },
    },
    '/api/v1/users': {
      get: {
        summary: 'Every user (admin)',
        operationId: 'listUsers',
        responses: { 200: ok('users', list('User')), ...errors(401, 403) },
      },
      post: {
        summary: 'Create a user (admin)',
        operationId: 'createUser',
        requestBody: body(object({ name: str, password: str, admin: bool }, ['name', 'password'])),
        responses: { 201: ok('the user', ref('User')), ...errors(400, 401, 403, 409) },
      },
    },
    '/api/v1/users/{id}': {
      parameters: [idPath],
      patch: {
        summary: 'Reset the password, grant or take admin rights, disable or enable (admin)',
        operationId: 'updateUser',
        requestBody: body(object({ password: str, admin: bool, disabled: bool })),
        responses: { 200: ok('the user', ref('User')), ...errors(400, 401, 403, 404, 409) },
      },
      delete: {
        summary: 'Delete a user and everything of it (admin)',
        operationId: 'deleteUser',
        responses: { ...noContent, ...errors(400, 401, 403, 404, 409) },
      },
    },
  },
} as const;

/** GET /api/v1/openapi.json: the OpenAPI document. */
export function openApiRoute(c: HonoContext, _ctx: Context): Response {
  return c.json(OPENAPI_DOCUMENT);
}
