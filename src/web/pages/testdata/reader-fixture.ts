/**
 * A seeded reader for the page tests: an in-memory store behind a hand-built Context with a
 * fixed clock, two users (admin ann, plain bob) with live sessions, and two followed feeds:
 * one whose title and article titles carry markup (XSS probes), one Chinese with an article
 * revised twice. Requests go through the real app (`app.request`), as a browser's would.
 */
import type { Hono } from 'hono';
import { hashSecret, newSecretToken, sessionCsrfToken } from '../../../accounts/index.ts';
import { DEFAULT_SETTINGS } from '../../../config/index.ts';
import type { Context } from '../../../context.ts';
import type { ParsedItem } from '../../../domain/parsed-feed.ts';
import { createFetchDispatcher, createHostLimiter } from '../../../fetch/index.ts';
import { buildEntries } from '../../../ingest/index.ts';
import { openStore, type User } from '../../../store/index.ts';
import { createApp } from '../../app.ts';

/** The fixed "now" of the fixture: 2026-11-26 12:00 UTC. */
export const NOW = Date.UTC(2026, 10, 26, 12);
const DAY = 86_400_000;

/** A logged-in browser: its cookie header and the session's CSRF token. */
export interface Browser {
  user: User;
  cookie: string;
  csrf: string;
}

/** The seeded app. */
export interface ReaderFixture {
  ctx: Context;
  app: Hono;
  ann: Browser;
  bob: Browser;
  /** The feed with markup in its title (ann and bob follow it). */
  evilFeedId: number;
  /** The Chinese feed (ann follows it, category 新闻/国际). */
  zhFeedId: number;
  /** An article of the evil feed with a script in its raw body. */
  evilArticleId: number;
  /** The Chinese article with three revisions (#0, #1, #2). */
  revisedArticleId: number;
  close(): Promise<void>;
}

/** Returns a parsed item with the given fields. */
export function item(fields: Partial<ParsedItem> & { id: string }): ParsedItem {
  return { links: [], authors: [], contributors: [], categories: [], enclosures: [], ...fields };
}

async function browser(ctx: Context, name: string, admin: boolean): Promise<Browser> {
  const created = await ctx.store.createUser({ name, passwordHash: 'scrypt$1024$8$1$c2FsdA$aGFzaA', admin, at: NOW });
  if (created.kind !== 'created') throw new Error(created.kind);
  const token = newSecretToken();
  await ctx.store.createSession({
    id: hashSecret(token),
    userId: created.user.id,
    createdAt: NOW,
    expiresAt: NOW + 30 * DAY,
  });
  return { user: created.user, cookie: `tidings_session=${token}`, csrf: sessionCsrfToken(token) };
}

/** Creates the seeded reader; call `close()` after. */
export async function createReaderFixture(): Promise<ReaderFixture> {
  const store = await openStore({ backend: 'sqlite', path: ':memory:' });
  const settings = { ...DEFAULT_SETTINGS, dataDir: '/nonexistent/tidings-test' };
  const ctx: Context = {
    settings,
    store,
    dataDir: settings.dataDir,
    archiveRoot: '/nonexistent/tidings-test/archive',
    dispatcher: createFetchDispatcher({ connectTimeoutMs: 1000 }),
    limiter: createHostLimiter({ perHostSpacingMs: 0 }),
    now: () => NOW,
    version: 'test',
    packs: [],
    rulePackProblems: [],
  };
  const ann = await browser(ctx, 'ann', true);
  const bob = await browser(ctx, 'bob', false);

  const evil = await store.addFeed({
    url: 'https://evil.example/feed.xml',
    title: '<script>alert("feed")</script>Evil',
    now: NOW - 40 * DAY,
  });
  const zh = await store.addFeed({ url: 'https://news.example.cn/rss', title: '新闻 <b>网</b>', now: NOW - 40 * DAY });
  if (evil.kind !== 'added' || zh.kind !== 'added') throw new Error('feeds not added');
  const iso = (ms: number) => new Date(ms).toISOString();
  const [evilOutcome] = await store.recordEntries(
    evil.feed.id,
    buildEntries([
      item({
        id: 'e1',
        title: 'Tom & <img src=x onerror=alert(1)>',
        link: 'javascript:alert(1)',
        published: iso(NOW - 2 * 3_600_000),
        content:
          '<p>Hello <script>alert("raw")</script><img src="https://img.example/a.png" onerror="alert(2)"> world</p>',
        enclosures: [
          { url: 'https://media.example/ep1.mp3', type: 'audio/mpeg', length: 1000 },
          { url: 'https://img.example/thumb.jpg', type: 'image/jpeg' },
          { url: 'javascript:alert(3)', type: 'video/mp4' },
          { url: 'https://media.example/clip.mp4', type: 'video/mp4' },
          { url: 'https://media.example/notes.pdf', type: 'application/pdf' },
        ],
      }),
      item({
        id: 'e2',
        title: 'Second story',
        link: 'https://evil.example/2',
        published: iso(NOW - DAY - 3_600_000),
        content: '<p>Two</p>',
      }),
      item({
        id: 'e3',
        title: 'Third story',
        link: 'https://evil.example/3',
        published: iso(NOW - 3 * DAY),
        content: '<p>Three</p>',
      }),
    ]),
    NOW - 3_600_000,
  );
  const first = (body: string, title: string) =>
    buildEntries([
      item({
        id: 'z1',
        title,
        link: 'https://news.example.cn/a/1',
        published: iso(NOW - 5 * DAY),
        content: body,
        language: 'zh-CN',
      }),
    ]);
  const [zhOutcome] = await store.recordEntries(
    zh.feed.id,
    first('<p>今天天气很好，我们去公园散步。</p>', '今天的天气'),
    NOW - 5 * DAY,
  );
  await store.recordEntries(zh.feed.id, first('<p>今天天气不好，我们去公园散步。</p>', '今天的天气'), NOW - 4 * DAY);
  await store.recordEntries(zh.feed.id, first('<p>今天天气不好，我们去图书馆看书。</p>', '今日天气'), NOW - 3 * DAY);
  await store.recordFetch(evil.feed.id, {
    startedAt: NOW - 3_600_000,
    durationMs: 120,
    outcome: 'failed',
    httpStatus: 500,
    error: { code: 'fetch.http-status', message: 'HTTP 500 <b>oops</b>' },
    schedule: { nextCheckAt: NOW + 3_600_000 },
  });
  for (const b of [ann, bob]) await store.addSubscription({ userId: b.user.id, feedId: evil.feed.id, at: NOW });
  await store.addSubscription({ userId: ann.user.id, feedId: zh.feed.id, category: '新闻/国际', at: NOW });
  if (evilOutcome.kind !== 'new' || zhOutcome.kind !== 'new') throw new Error('articles not stored');
  const dispatcher = ctx.dispatcher;
  return {
    ctx,
    app: createApp(ctx),
    ann,
    bob,
    evilFeedId: evil.feed.id,
    zhFeedId: zh.feed.id,
    evilArticleId: evilOutcome.articleId,
    revisedArticleId: zhOutcome.articleId,
    close: async () => {
      await Promise.allSettled([store.close(), dispatcher.close()]);
    },
  };
}

/** Sends a GET as the browser. */
export function get(
  fixture: ReaderFixture,
  who: Browser | undefined,
  path: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    fixture.app.request(path, { headers: { ...(who === undefined ? {} : { cookie: who.cookie }), ...headers } }),
  );
}

/** Sends a form POST as the browser, with its CSRF token unless `fields._csrf` is given. */
export function post(
  fixture: ReaderFixture,
  who: Browser,
  path: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    fixture.app.request(path, {
      method: 'POST',
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ _csrf: who.csrf, ...fields }),
    }),
  );
}
