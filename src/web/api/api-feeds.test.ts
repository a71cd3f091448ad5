import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from './testdata/api-fixture.ts';

let f: ApiFixture;
let server: Server;
let base: string;

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>http://127.0.0.1/</link><description>d</description>
<item><title>Local one</title><link>http://127.0.0.1/1</link><guid>l1</guid><description>One</description></item></channel></rss>`;

beforeAll(async () => {
  f = await createApiFixture();
  server = createServer((req, res) => {
    if (req.url === '/data/local-feed') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
    else if (req.url === '/broken') res.writeHead(500).end('oops');
    else if (req.url === '/page')
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><head><title>x</title></head><body>no feed</body></html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await f.close();
});

describe('GET /api/v1/feeds', () => {
  it("lists the user's subscriptions with categories, status and unread counts", async () => {
    const response = await f.call('GET', '/api/v1/feeds', { as: 'annRead' });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Array<Record<string, unknown>> };
    expect(items.map((i) => [i.id, i.title, i.category, i.unread, i.status])).toEqual(
      expect.arrayContaining([
        [f.feeds.world, 'World News', 'News/World', 3, 'new'],
        [f.feeds.tech, 'Tech Daily', 'Tech', 1, 'new'],
      ]),
    );
  });

  it('shows another user only their own subscriptions', async () => {
    const response = await f.call('GET', '/api/v1/feeds', { as: 'bobRead' });
    expect(await response.json()).toEqual({ items: [] });
  });
});

describe('POST /api/v1/feeds', () => {
  it('subscribes to a feed already in the archive without fetching (201), then says it already is (200)', async () => {
    const first = await f.call('POST', '/api/v1/feeds', {
      as: 'bobWrite',
      body: { url: 'https://news.example/world.xml', title: 'Mine', category: 'Reading' },
    });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      id: f.feeds.world,
      title: 'Mine',
      category: 'Reading',
      feedTitle: 'World News',
    });
    const again = await f.call('POST', '/api/v1/feeds', {
      as: 'bobWrite',
      body: { url: 'https://news.example/world.xml' },
    });
    expect(again.status).toBe(200);
  });

  it('discovers and fetches a new feed', async () => {
    const response = await f.call('POST', '/api/v1/feeds', {
      as: 'bobWrite',
      body: { url: `${base}/data/local-feed` },
    });
    expect(response.status).toBe(201);
    const feed = (await response.json()) as { id: number; feedTitle: string; status: string };
    expect(feed).toMatchObject({ feedTitle: 'Local', status: 'ok' });
    const articles = await f.call('GET', `/api/v1/articles?feed=${feed.id}`, { as: 'bobRead' });
    expect(((await articles.json()) as { items: Array<{ title: string }> }).items.map((a) => a.title)).toEqual([
      'Local one',
    ]);
  });

  it.each([
    ['not JSON', '{url:', 400, 'input.invalid'],
    ['no url', {}, 400, 'input.invalid'],
    ['an unknown field', { url: 'https://news.example/world.xml', folder: 'x' }, 400, 'input.invalid'],
    ['a url of the wrong type', { url: 42 }, 400, 'input.invalid'],
    ['an ftp URL', { url: 'ftp://news.example/feed' }, 400, 'fetch.invalid-url'],
  ])('refuses %s', async (_what, body, status, code) => {
    const response = await f.call('POST', '/api/v1/feeds', { as: 'bobWrite', body });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it("answers 502 when the feed's server fails and 422 when a page has no feed", async () => {
    const broken = await f.call('POST', '/api/v1/feeds', { as: 'bobWrite', body: { url: `${base}/broken` } });
    expect(broken.status).toBe(502);
    expect(await broken.json()).toMatchObject({ error: { code: 'fetch.http-status' } });
    const page = await f.call('POST', '/api/v1/feeds', { as: 'bobWrite', body: { url: `${base}/page` } });
    expect(page.status).toBe(422);
    expect(await page.json()).toMatchObject({ error: { code: 'discover.no-feed' } });
  });
});

describe('one feed', () => {
  it('gets a subscription, and 404 for a feed the user does not follow, 400 for a bad id', async () => {
    expect((await f.call('GET', `/api/v1/feeds/${f.feeds.tech}`, { as: 'annRead' })).status).toBe(200);
    const other = await f.call('GET', `/api/v1/feeds/${f.feeds.tech}`, { as: 'bobRead' });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'not-found' } });
    const bad = await f.call('GET', '/api/v1/feeds/abc', { as: 'annRead' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'input.invalid' } });
  });

  it("changes the user's title and category, and clears them with null", async () => {
    const set = await f.call('PATCH', `/api/v1/feeds/${f.feeds.tech}`, {
      as: 'annWrite',
      body: { title: 'Chips', category: 'Hardware' },
    });
    expect(await set.json()).toMatchObject({ title: 'Chips', category: 'Hardware', userTitle: 'Chips' });
    const cleared = await f.call('PATCH', `/api/v1/feeds/${f.feeds.tech}`, {
      as: 'annWrite',
      body: { title: null, category: null },
    });
    const feed = (await cleared.json()) as Record<string, unknown>;
    expect(feed.title).toBe('Tech Daily');
    expect(feed.userTitle).toBeUndefined();
    await f.call('PATCH', `/api/v1/feeds/${f.feeds.tech}`, { as: 'annWrite', body: { category: 'Tech' } });
  });

  it('lets only an admin change fetch settings, and checks them', async () => {
    const bob = await f.call('PATCH', `/api/v1/feeds/${f.feeds.world}`, {
      as: 'bobWrite',
      body: { settings: { fullText: 'always' } },
    });
    expect(bob.status).toBe(403);
    const ann = await f.call('PATCH', `/api/v1/feeds/${f.feeds.world}`, {
      as: 'annWrite',
      body: { settings: { fullText: 'auto', retentionDays: 30 } },
    });
    expect(await ann.json()).toMatchObject({ settings: { fullText: 'auto', retentionDays: 30 } });
    const bad = await f.call('PATCH', `/api/v1/feeds/${f.feeds.world}`, {
      as: 'annWrite',
      body: { settings: { fullText: 'sometimes' } },
    });
    expect(bad.status).toBe(400);
    const inverted = await f.call('PATCH', `/api/v1/feeds/${f.feeds.world}`, {
      as: 'annWrite',
      body: { settings: { minIntervalSeconds: 900, maxIntervalSeconds: 60 } },
    });
    expect(inverted.status).toBe(400);
    await f.call('PATCH', `/api/v1/feeds/${f.feeds.world}`, {
      as: 'annWrite',
      body: { settings: { fullText: 'off', retentionDays: null } },
    });
  });

  it('refreshes a feed now and reports the outcome', async () => {
    const added = await f.call('POST', '/api/v1/feeds', { as: 'annWrite', body: { url: `${base}/data/local-feed` } });
    const { id } = (await added.json()) as { id: number };
    const response = await f.call('POST', `/api/v1/feeds/${id}/refresh`, { as: 'annWrite' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      feedId: id,
      outcome: 'ok',
      httpStatus: 200,
      items: 1,
      newArticles: 0,
    });
    expect((await f.call('POST', `/api/v1/feeds/${f.feeds.tech}/refresh`, { as: 'bobWrite' })).status).toBe(404);
  });

  it('unsubscribes (204), after which the feed is gone for that user', async () => {
    const response = await f.call('DELETE', `/api/v1/feeds/${f.feeds.world}`, { as: 'bobWrite' });
    expect(response.status).toBe(204);
    expect((await f.call('GET', `/api/v1/feeds/${f.feeds.world}`, { as: 'bobRead' })).status).toBe(404);
    expect((await f.call('DELETE', `/api/v1/feeds/${f.feeds.world}`, { as: 'bobWrite' })).status).toBe(404);
    expect((await f.call('GET', `/api/v1/feeds/${f.feeds.world}`, { as: 'annRead' })).status).toBe(200);
  });
});
