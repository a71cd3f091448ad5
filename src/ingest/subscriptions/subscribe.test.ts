import { describe, expect, it } from 'vitest';
import { buildRss, sampleItems, startFixtureServer, type FixtureServer } from '../../../test/fixture-server/index.ts';
import { subscribe } from './subscribe.ts';
import { useFixtureWorld } from '../testdata/fixture-world.ts';
import type { TestContext } from '../testdata/test-context.ts';

let server: FixtureServer;
let ctx: TestContext;

useFixtureWorld((started, context) => {
  server = started;
  ctx = context;
});

const html = (head: string) => ({
  kind: 'static' as const,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html><head>${head}</head><body>hi</body></html>`,
});

describe('subscribe', () => {
  it('adds a feed URL and runs its first refresh at once', async () => {
    const result = await subscribe(ctx, server.url('/zh/feed.xml'), { category: 'News/China' });
    if (result.kind !== 'added') throw new Error(JSON.stringify(result));
    expect(result.feed).toMatchObject({
      url: server.url('/zh/feed.xml'),
      title: '样例新闻',
      category: 'News/China',
      titleFromUser: false,
    });
    expect(result.refresh).toMatchObject({ kind: 'ok', newArticles: 3 });
    expect(result.discoveredFrom).toBeUndefined();
    expect(server.requests.filter((r) => r.path === '/zh/feed.xml')).toHaveLength(1);
  });

  it('discovers the feed an HTML page advertises', async () => {
    const result = await subscribe(ctx, server.url('/page.html'), { title: 'My blog' });
    if (result.kind !== 'added') throw new Error(JSON.stringify(result));
    expect(result.feed).toMatchObject({ url: server.url('/feed.xml'), title: 'My blog', titleFromUser: true });
    expect(result.discoveredFrom).toBe(server.url('/page.html'));
    expect(result.refresh.newArticles).toBe(server.feed.items.length);
  });

  it('says so when the feed is already subscribed, found directly or through a page', async () => {
    expect((await subscribe(ctx, server.url('/feed.xml'))).kind).toBe('exists');
    expect((await subscribe(ctx, server.url('/page.html'))).kind).toBe('exists');
  });

  it('tries the usual feed paths when the page advertises none', async () => {
    server.setRoute('/blog/', html('<title>No links here</title>'));
    server.setRoute('/blog/index.xml', {
      kind: 'static',
      headers: { 'content-type': 'application/xml' },
      body: buildRss({ title: 'Blog', link: 'https://b.test/', description: '', items: sampleItems(2) }),
    });
    const result = await subscribe(ctx, server.url('/blog/'));
    if (result.kind !== 'added') throw new Error(JSON.stringify(result));
    expect(result.feed.url).toBe(server.url('/blog/index.xml'));
  });

  it('returns clear errors for a page without feeds, an HTTP error and a non-URL', async () => {
    const bare = await startFixtureServer();
    try {
      bare.setRoute('/feed.xml', { kind: 'static', status: 404 });
      bare.setRoute('/home', html('<link rel="alternate" type="application/rss+xml" href="/gone.xml">'));
      const none = await subscribe(ctx, bare.url('/home'));
      expect(none).toMatchObject({ kind: 'failed', error: { code: 'discover.no-feed' } });
    } finally {
      await bare.close();
    }
    expect(await subscribe(ctx, server.url('/500'))).toMatchObject({
      kind: 'failed',
      error: { code: 'fetch.http-status' },
    });
    expect(await subscribe(ctx, 'ftp://example.com/feed')).toMatchObject({
      kind: 'failed',
      error: { code: 'fetch.invalid-url' },
    });
  });
});
