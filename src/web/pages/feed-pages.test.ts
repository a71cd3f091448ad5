import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderSparkline } from './sparkline.ts';
import { createReaderFixture, get, NOW, post, type ReaderFixture } from './testdata/reader-fixture.ts';

let f: ReaderFixture;

beforeEach(async () => {
  f = await createReaderFixture();
});

afterEach(async () => {
  await f.close();
});

describe('subscriptions', () => {
  it('lists the feeds with status and unread counts', async () => {
    const page = await (await get(f, f.ann, '/subscriptions')).text();
    expect(page.match(/data-testid="subscription-row"/g)).toHaveLength(2);
    expect(page).toContain('<span class="status-error" data-testid="feed-status">fetch.http-status</span>');
    expect(page).toContain('新闻/国际');
  });

  it('subscribes to a feed already in the fetch list without fetching, and reports a bad URL', async () => {
    const added = await post(f, f.bob, '/subscriptions', { url: 'https://news.example.cn/rss', category: 'Mine' });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`/feeds/${f.zhFeedId}/settings?added=1`);
    expect((await f.ctx.store.getSubscription(f.bob.user.id, f.zhFeedId))?.category).toBe('Mine');
    const bad = await post(f, f.bob, '/subscriptions', { url: 'ftp://example.com/<x>' });
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toContain('data-testid="add-feed-error"');
    expect(page).toContain('value="ftp://example.com/&lt;x&gt;"');
  });

  it('imports an OPML upload into the user subscriptions and exports them with the user categories', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="Tech">
<outline type="rss" text="Example &lt;b&gt;" xmlUrl="https://example.org/feed.xml"/></outline>
<outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>`;
    const form = new FormData();
    form.set('_csrf', f.bob.csrf);
    form.set('opml', new File([opml], 'subs.opml', { type: 'text/x-opml' }));
    const response = await f.app.request('/subscriptions/import', {
      method: 'POST',
      headers: { cookie: f.bob.cookie },
      body: form,
    });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('data-testid="opml-result"');
    expect(page).toContain('1 new subscriptions, 1 skipped');
    expect(page).toContain('Example &lt;b&gt;');
    const exported = await get(f, f.bob, '/subscriptions/export.opml');
    expect(exported.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
    const xml = await exported.text();
    expect(xml).toContain('xmlUrl="https://example.org/feed.xml"');
    expect(xml).toContain('<outline text="Tech" title="Tech">');
    expect(xml).toContain('xmlUrl="https://evil.example/feed.xml"');
    expect(xml).not.toContain('news.example.cn');
  });

  it('refuses an import without a file', async () => {
    const form = new FormData();
    form.set('_csrf', f.bob.csrf);
    const response = await f.app.request('/subscriptions/import', {
      method: 'POST',
      headers: { cookie: f.bob.cookie },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('data-testid="opml-error"');
  });
});

describe('feed settings', () => {
  it('shows the latest items raw and cleaned side by side, both sanitized', async () => {
    const page = await (await get(f, f.ann, `/feeds/${f.evilFeedId}/settings`)).text();
    expect(page.match(/data-testid="preview-item"/g)).toHaveLength(3);
    expect(page).toContain('data-testid="preview-raw"');
    expect(page).toContain('data-testid="preview-cleaned"');
    expect(page).not.toMatch(/<script>alert|<[^>]*\sonerror=/);
    expect(page).toContain('value="off" selected');
  });

  it('lets an admin change the shared settings and anyone their own title and category', async () => {
    const saved = await post(f, f.ann, `/feeds/${f.evilFeedId}/settings`, {
      title: 'Calm',
      category: 'Tech',
      minInterval: '30',
      maxInterval: '',
      encoding: 'GBK',
      fullText: 'always',
      learnedBoilerplate: 'off',
    });
    expect(saved.headers.get('location')).toBe(`/feeds/${f.evilFeedId}/settings?saved=1`);
    const feed = await f.ctx.store.getFeed(f.evilFeedId);
    expect(feed?.settings).toMatchObject({
      minIntervalSeconds: 1800,
      encodingOverride: 'gbk',
      fullText: 'always',
      learnedBoilerplate: false,
    });
    expect(feed?.settings.maxIntervalSeconds).toBeUndefined();
    const sub = await f.ctx.store.getSubscription(f.ann.user.id, f.evilFeedId);
    expect([sub?.title, sub?.category]).toEqual(['Calm', 'Tech']);
    expect((await f.ctx.store.getSubscription(f.bob.user.id, f.evilFeedId))?.title).toBeUndefined();
  });

  it('changes nothing on a bad value and says why', async () => {
    const response = await post(f, f.ann, `/feeds/${f.evilFeedId}/settings`, {
      title: 'X',
      minInterval: '30',
      encoding: 'klingon',
      fullText: 'off',
      learnedBoilerplate: 'on',
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Unknown encoding &quot;klingon&quot;');
    expect((await f.ctx.store.getFeed(f.evilFeedId))?.settings.minIntervalSeconds).toBeUndefined();
    expect((await f.ctx.store.getSubscription(f.ann.user.id, f.evilFeedId))?.title).toBeUndefined();
  });

  it('keeps a plain user from the shared settings', async () => {
    const page = await (await get(f, f.bob, `/feeds/${f.evilFeedId}/settings`)).text();
    expect(page).toContain('<fieldset disabled>');
    await post(f, f.bob, `/feeds/${f.evilFeedId}/settings`, {
      title: 'Bob’s',
      fullText: 'always',
      learnedBoilerplate: 'on',
    });
    expect((await f.ctx.store.getFeed(f.evilFeedId))?.settings.fullText).toBe('off');
    expect((await f.ctx.store.getSubscription(f.bob.user.id, f.evilFeedId))?.title).toBe('Bob’s');
  });

  it('answers a feed the user does not follow with 404, and unsubscribes', async () => {
    expect((await get(f, f.bob, `/feeds/${f.zhFeedId}/settings`)).status).toBe(404);
    const response = await post(f, f.bob, `/feeds/${f.evilFeedId}/unsubscribe`);
    expect(response.headers.get('location')).toBe('/subscriptions');
    expect(await f.ctx.store.getSubscription(f.bob.user.id, f.evilFeedId)).toBeUndefined();
  });
});

describe('feed health', () => {
  it('shows status, last error, next check and a chart of articles per day', async () => {
    const page = await (await get(f, f.ann, '/feeds/health')).text();
    const rows = page.match(/<tr data-testid="health-row"[\s\S]*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(2);
    // The failing feed comes first.
    expect(rows[0]).toContain(`data-feed-id="${f.evilFeedId}"`);
    expect(rows[0]).toContain('data-testid="last-error">HTTP 500 &lt;b&gt;oops&lt;/b&gt;</span>');
    expect(rows[0]).toContain(`datetime="${new Date(NOW + 3_600_000).toISOString()}"`);
    expect(rows[0]).toContain('data-total="3" data-max="1"');
    expect(rows[0]).toContain('aria-label="3 articles in 30 days, at most 1 a day"');
    expect(rows[0]).toContain('<title>2026-11-25: 1</title>');
    expect(rows[1]).toContain('data-total="1"');
  });

  it('counts by UTC day, oldest first, zero-filled, without deleted articles or other feeds', async () => {
    const days = await f.ctx.store.articlesPerDay(f.evilFeedId, 5, NOW);
    expect(days).toEqual([
      { day: '2026-11-22', count: 0 },
      { day: '2026-11-23', count: 1 },
      { day: '2026-11-24', count: 0 },
      { day: '2026-11-25', count: 1 },
      { day: '2026-11-26', count: 1 },
    ]);
    await f.ctx.store.deleteArticle(f.evilArticleId, NOW);
    expect((await f.ctx.store.articlesPerDay(f.evilFeedId, 5, NOW)).at(-1)).toEqual({ day: '2026-11-26', count: 0 });
  });
});

describe('renderSparkline', () => {
  it('draws bars proportional to the counts, with each day and count in a title', () => {
    const svg = renderSparkline(
      [
        { day: '2026-01-01', count: 0 },
        { day: '2026-01-02', count: 2 },
        { day: '2026-01-03', count: 4 },
      ],
      { width: 30, height: 21 },
    ).value;
    expect(svg).toContain('viewBox="0 0 30 21"');
    expect(svg).toContain('<rect x="10" y="10" width="9" height="10"><title>2026-01-02: 2</title></rect>');
    expect(svg).toContain('<rect x="20" y="0" width="9" height="20"><title>2026-01-03: 4</title></rect>');
    expect(svg).toContain('height="0"><title>2026-01-01: 0</title>');
    expect(svg).toContain('aria-label="6 articles in 3 days, at most 4 a day"');
    expect(svg).not.toContain('style');
  });

  it('draws only the baseline when there is nothing', () => {
    const svg = renderSparkline([{ day: '2026-01-01', count: 0 }]).value;
    expect(svg).not.toContain('<rect');
    expect(svg).toContain('aria-label="0 articles in 1 days"');
  });
});
