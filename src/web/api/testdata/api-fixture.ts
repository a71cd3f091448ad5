/**
 * The web tests' world: a Context over a temporary folder (allowed to fetch from
 * 127.0.0.1), the app, an admin `ann` and a user `bob` with read and read-write tokens and
 * a session for ann, two feeds with articles (one Chinese, one revised), and `call`, which
 * sends a request as one of them in process (`app.request`, no port).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApiToken, createLoginLimiter, createUser, login, sessionCsrfToken } from '../../../accounts/index.ts';
import { DEFAULT_SETTINGS } from '../../../config/index.ts';
import { closeContext, createContext, type Context } from '../../../context.ts';
import type { ParsedItem } from '../../../domain/parsed-feed.ts';
import { buildEntries } from '../../../ingest/index.ts';
import { createApp } from '../../app.ts';

/** Who a request is sent as. */
export type Caller = 'anonymous' | 'annRead' | 'annWrite' | 'bobRead' | 'bobWrite' | 'annSession';

/** What `call` takes besides method and path. */
export interface CallOptions {
  as?: Caller;
  body?: unknown;
  headers?: Record<string, string>;
  /** The client address the request comes from (default a remote one). */
  from?: string;
}

/** The test world. */
export interface ApiFixture {
  ctx: Context;
  app: Hono;
  dir: string;
  users: { ann: number; bob: number };
  tokens: Record<'annRead' | 'annWrite' | 'bobRead' | 'bobWrite', string>;
  session: { cookie: string; csrf: string };
  feeds: { world: number; tech: number };
  articles: { apple: number; chinese: number; slow: number; revised: number };
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  close(): Promise<void>;
}

/** The password of every fixture user. */
export const PASSWORD = 'correct horse battery';

/** A time in the past the fixture's articles are published around. */
export const BASE_TIME = Date.UTC(2025, 0, 10, 12, 0, 0);

function item(
  id: string,
  title: string,
  content: string,
  minutes: number,
  extra: Partial<ParsedItem> = {},
): ParsedItem {
  return {
    id,
    title,
    link: `https://news.example/${id}`,
    links: [],
    authors: [{ name: 'Reporter' }],
    contributors: [],
    categories: [{ term: 'news' }],
    enclosures: [],
    content,
    contentType: 'html',
    published: new Date(BASE_TIME + minutes * 60_000).toISOString(),
    ...extra,
  };
}

/** Returns a fresh fixture; call `close` after. */
export async function createApiFixture(): Promise<ApiFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-api-'));
  const ctx = await createContext({
    ...DEFAULT_SETTINGS,
    dataDir: dir,
    allowPrivateNetworks: true,
    fetchTimeoutMs: 2000,
    perHostSpacingMs: 0,
  });
  const ann = (await createUser(ctx, { name: 'ann', password: PASSWORD, admin: true })).user.id;
  const bob = (await createUser(ctx, { name: 'bob', password: PASSWORD })).user.id;
  const tokens = {
    annRead: (await createApiToken(ctx, ann, 'feeds', 'read')).token,
    annWrite: (await createApiToken(ctx, ann, 'script', 'read-write')).token,
    bobRead: (await createApiToken(ctx, bob, 'feeds', 'read')).token,
    bobWrite: (await createApiToken(ctx, bob, 'script', 'read-write')).token,
  };
  const loggedIn = await login(ctx, createLoginLimiter(), 'ann', PASSWORD);
  if (loggedIn.kind !== 'ok') throw new Error(loggedIn.kind);
  const session = { cookie: `tidings_session=${loggedIn.token}`, csrf: sessionCsrfToken(loggedIn.token) };

  const world = await ctx.store.addFeed({
    url: 'https://news.example/world.xml',
    title: 'World News',
    siteUrl: 'https://news.example/',
    now: BASE_TIME,
  });
  const tech = await ctx.store.addFeed({ url: 'https://tech.example/feed', title: 'Tech Daily', now: BASE_TIME });
  if (world.kind !== 'added' || tech.kind !== 'added') throw new Error('feeds not added');
  await ctx.store.addSubscription({ userId: ann, feedId: world.feed.id, category: 'News/World' });
  await ctx.store.addSubscription({ userId: ann, feedId: tech.feed.id, category: 'Tech' });
  const worldOutcomes = await ctx.store.recordEntries(
    world.feed.id,
    buildEntries([
      item('apple', 'Apple pie recipe', '<p>Take three apples &amp; bake them.</p>', 1),
      item('chinese', '简体中文新闻', '<p>经济发展与头发</p>', 2, { language: 'zh-CN' }),
      item('slow', `${'a'.repeat(32)}!`, '<p>nothing</p>', 3),
    ]),
    BASE_TIME + 10 * 60_000,
  );
  await ctx.store.recordEntries(
    tech.feed.id,
    buildEntries([item('chip', 'New chip', '<p>First version</p>', 4)]),
    BASE_TIME + 10 * 60_000,
  );
  const techOutcomes = await ctx.store.recordEntries(
    tech.feed.id,
    buildEntries([item('chip', 'New chip', '<p>Second version, much longer and different</p>', 4)]),
    BASE_TIME + 20 * 60_000,
  );
  const ids = worldOutcomes.map((o) => ('articleId' in o ? o.articleId : 0));
  const revised = techOutcomes[0] !== undefined && 'articleId' in techOutcomes[0] ? techOutcomes[0].articleId : 0;
  const app = createApp(ctx);

  const call = (method: string, path: string, options: CallOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...options.headers };
    const as = options.as ?? 'anonymous';
    if (as === 'annSession') {
      headers.cookie = session.cookie;
      if (method !== 'GET') headers['x-csrf-token'] ??= session.csrf;
    } else if (as !== 'anonymous') {
      headers.authorization = `Bearer ${tokens[as]}`;
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const url = path.startsWith('http') ? path : `http://tidings.test${path}`;
    return Promise.resolve(
      app.request(
        url,
        { method, headers, ...(body === undefined ? {} : { body }) },
        { incoming: { socket: { remoteAddress: options.from ?? '203.0.113.9' } } },
      ),
    );
  };

  return {
    ctx,
    app,
    dir,
    users: { ann, bob },
    tokens,
    session,
    feeds: { world: world.feed.id, tech: tech.feed.id },
    articles: { apple: ids[0] ?? 0, chinese: ids[1] ?? 0, slow: ids[2] ?? 0, revised },
    call,
    close: async () => {
      await closeContext(ctx);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
