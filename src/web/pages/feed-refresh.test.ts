import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReaderFixture, get, NOW, post, type ReaderFixture } from './testdata/reader-fixture.ts';

const RSS = (
  items: number,
) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Local &amp; News</title><link>http://127.0.0.1/</link><description>d</description>
${Array.from({ length: items }, (_, i) => `<item><title>Local ${i}</title><link>http://127.0.0.1/${i}</link><guid>l${i}</guid><description>Story ${i}</description></item>`).join('')}
</channel></rss>`;

let server: Server;
let base: string;
let items = 2;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/feed') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS(items));
    else res.writeHead(500).end('oops');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

let f: ReaderFixture;
let feedId: number;
let brokenId: number;

beforeEach(async () => {
  items = 2;
  f = await createReaderFixture();
  // The fixture's server is on 127.0.0.1, which fetches refuse unless private networks are allowed.
  const ctx = { ...f.ctx, settings: { ...f.ctx.settings, allowPrivateNetworks: true } };
  f = { ...f, ctx, app: createApp(ctx) };
  const added = await f.ctx.store.addFeed({ url: `${base}/feed`, now: NOW });
  const broken = await f.ctx.store.addFeed({ url: `${base}/broken`, title: 'Broken', now: NOW });
  if (added.kind !== 'added' || broken.kind !== 'added') throw new Error('feeds not added');
  [feedId, brokenId] = [added.feed.id, broken.feed.id];
  for (const id of [feedId, brokenId])
    await f.ctx.store.addSubscription({ userId: f.ann.user.id, feedId: id, at: NOW });
});

afterEach(() => f.close());

describe('POST /feeds/:id/refresh', () => {
  it('fetches the feed now and goes back to its settings page with what it brought', async () => {
    const settings = await (await get(f, f.ann, `/feeds/${feedId}/settings?saved=1`)).text();
    expect(settings).toContain(`action="/feeds/${feedId}/refresh"`);
    expect(settings).toContain('data-testid="refresh-button"');

    const refreshed = await post(f, f.ann, `/feeds/${feedId}/refresh`, { next: `/feeds/${feedId}/settings?saved=1` });
    expect(refreshed.status).toBe(303);
    const location = refreshed.headers.get('location') ?? '';
    expect(location).toBe(`/feeds/${feedId}/settings?refreshed=${feedId}&outcome=ok&new=2`);
    expect((await f.ctx.store.listArticles({ feedId, limit: 10 })).articles.map((a) => a.title).sort()).toEqual([
      'Local 0',
      'Local 1',
    ]);

    const page = await (await get(f, f.ann, location)).text();
    expect(page).toContain('data-testid="refresh-notice"');
    expect(page).toContain('Local &amp; News: refreshed, 2 new articles, 0 new revisions.');
    expect(page).not.toContain('data-testid="settings-saved"');
  });

  it('comes back to the health page, says when nothing was new or the fetch failed, and answers the script in JSON', async () => {
    const health = await (await get(f, f.ann, '/feeds/health')).text();
    expect(health).toContain(`action="/feeds/${feedId}/refresh"`);
    expect(health).toContain(`action="/feeds/${brokenId}/refresh"`);

    await post(f, f.ann, `/feeds/${feedId}/refresh`, { next: '/feeds/health' });
    const again = await post(f, f.ann, `/feeds/${feedId}/refresh`, { next: '/feeds/health' });
    expect(again.headers.get('location')).toBe(`/feeds/health?refreshed=${feedId}&outcome=ok`);
    expect(await (await get(f, f.ann, again.headers.get('location')!)).text()).toContain(
      'Local &amp; News: refreshed, nothing new.',
    );

    const failed = await post(f, f.ann, `/feeds/${brokenId}/refresh`, { next: '/feeds/health' });
    expect(failed.headers.get('location')).toBe(`/feeds/health?refreshed=${brokenId}&outcome=failed`);
    const page = await (await get(f, f.ann, failed.headers.get('location')!)).text();
    expect(page).toContain('Broken: the refresh failed (see the last error).');
    expect(page).toContain('data-testid="last-error"');

    items = 3;
    const json = await post(f, f.ann, `/feeds/${feedId}/refresh`, {}, { accept: 'application/json' });
    expect(await json.json()).toMatchObject({ ok: true, feedId, outcome: 'ok', newArticles: 1, newRevisions: 0 });
  });

  it('needs the CSRF token, and refreshes only a feed the user follows', async () => {
    expect((await post(f, f.ann, `/feeds/${feedId}/refresh`, { _csrf: 'forged' })).status).toBe(403);
    expect((await post(f, f.bob, `/feeds/${feedId}/refresh`)).status).toBe(404);
    expect((await f.ctx.store.listArticles({ feedId, limit: 10 })).articles).toEqual([]);
    await f.ctx.store.removeFeed(feedId, { at: NOW });
    expect((await post(f, f.ann, `/feeds/${feedId}/refresh`)).status).toBe(404);
  });

  it('sends a next address from another site back home instead', async () => {
    const response = await post(f, f.ann, `/feeds/${feedId}/refresh`, { next: '//evil.example/x' });
    expect(response.headers.get('location')).toBe(`/?refreshed=${feedId}&outcome=ok&new=2`);
  });
});
