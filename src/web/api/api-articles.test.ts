import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from './testdata/api-fixture.ts';

let f: ApiFixture;

beforeAll(async () => {
  f = await createApiFixture();
});

afterAll(async () => {
  await f.close();
});

type Page = { items: Array<Record<string, unknown>>; nextCursor?: string };

async function page(path: string, as: 'annRead' | 'bobRead' = 'annRead'): Promise<Page> {
  const response = await f.call('GET', path, { as });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

describe('GET /api/v1/articles', () => {
  it('lists the timeline newest first, a page at a time, without skipping or repeating', async () => {
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const next: Page = await page(
        `/api/v1/articles?limit=2${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
      );
      expect(next.items.length).toBeLessThanOrEqual(2);
      seen.push(...next.items.map((a) => a.id));
      cursor = next.nextCursor;
    } while (cursor !== undefined);
    expect(seen).toEqual([f.articles.revised, f.articles.slow, f.articles.chinese, f.articles.apple]);
  });

  it("filters by feed and category, and shows the user's state", async () => {
    expect((await page(`/api/v1/articles?feed=${f.feeds.tech}`)).items.map((a) => a.id)).toEqual([f.articles.revised]);
    const world = await page('/api/v1/articles?category=News');
    expect(world.items.map((a) => a.title)).toEqual([`${'a'.repeat(32)}!`, '简体中文新闻', 'Apple pie recipe']);
    expect(world.items[2]).toMatchObject({
      feedTitle: 'World News',
      read: false,
      starred: false,
      link: 'https://news.example/apple',
      authors: [{ name: 'Reporter' }],
    });
  });

  it.each([['view=everything'], ['limit=0'], ['limit=501'], ['limit=ten'], ['feed=-1'], ['cursor=garbage']])(
    'refuses %s with 400 input.invalid',
    async (query) => {
      const response = await f.call('GET', `/api/v1/articles?${query}`, { as: 'annRead' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'input.invalid' } });
    },
  );
});

describe('GET /api/v1/articles/search', () => {
  it('finds articles in English and Chinese with snippets', async () => {
    const apple = await page('/api/v1/articles/search?q=apples');
    expect(apple.items.map((r) => r.id)).toEqual([f.articles.apple]);
    expect(apple.items[0]).toMatchObject({
      feedTitle: 'World News',
      snippet: { text: expect.stringContaining('apples') },
    });
    expect((await page(`/api/v1/articles/search?q=${encodeURIComponent('发展')}`)).items.map((r) => r.id)).toEqual([
      f.articles.chinese,
    ]);
  });

  it('requires q and checks sort', async () => {
    expect((await f.call('GET', '/api/v1/articles/search', { as: 'annRead' })).status).toBe(400);
    expect((await f.call('GET', '/api/v1/articles/search?q=x&sort=random', { as: 'annRead' })).status).toBe(400);
  });
});

describe('one article', () => {
  it('returns every revision oldest first, or only the latest, with the raw body on request', async () => {
    const response = await f.call('GET', `/api/v1/articles/${f.articles.revised}`, { as: 'annRead' });
    const article = (await response.json()) as { revisions: Array<Record<string, unknown>>; revisionCount: number };
    expect(article.revisionCount).toBe(2);
    expect(article.revisions.map((r) => r.number)).toEqual([0, 1]);
    expect(article.revisions[1]?.content).toContain('Second version');
    expect(article.revisions[0]?.rawContent).toBeUndefined();
    const latest = (await (
      await f.call('GET', `/api/v1/articles/${f.articles.revised}?revisions=latest&raw=1`, { as: 'annRead' })
    ).json()) as typeof article;
    expect(latest.revisions.map((r) => r.number)).toEqual([1]);
    expect(latest.revisions[0]?.rawContent).toBe('<p>Second version, much longer and different</p>');
  });

  it('answers 404 for an unknown article and 400 for a bad id', async () => {
    expect((await f.call('GET', '/api/v1/articles/999999', { as: 'annRead' })).status).toBe(404);
    expect((await f.call('GET', '/api/v1/articles/1x', { as: 'annRead' })).status).toBe(400);
    expect((await f.call('PATCH', '/api/v1/articles/999999', { as: 'annWrite', body: { read: true } })).status).toBe(
      404,
    );
  });

  it('marks read and starred for this user only', async () => {
    const response = await f.call('PATCH', `/api/v1/articles/${f.articles.apple}`, {
      as: 'annWrite',
      body: { read: true, starred: true },
    });
    expect(await response.json()).toEqual({ id: f.articles.apple, read: true, starred: true });
    expect((await page('/api/v1/articles?view=starred')).items.map((a) => a.id)).toEqual([f.articles.apple]);
    expect((await page('/api/v1/articles?view=unread')).items.map((a) => a.id)).not.toContain(f.articles.apple);
    const bob = await (await f.call('GET', `/api/v1/articles/${f.articles.apple}`, { as: 'bobRead' })).json();
    expect(bob).toMatchObject({ read: false, starred: false });
    const unread = await f.call('PATCH', `/api/v1/articles/${f.articles.apple}`, {
      as: 'annWrite',
      body: { read: false, starred: false },
    });
    expect(await unread.json()).toEqual({ id: f.articles.apple, read: false, starred: false });
  });

  it('refuses a state that is not a boolean', async () => {
    const response = await f.call('PATCH', `/api/v1/articles/${f.articles.apple}`, {
      as: 'annWrite',
      body: { read: 'yes' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'input.invalid', message: 'read must be true or false' },
    });
  });
});

describe('bulk read state and counts', () => {
  it('marks a list read and unread', async () => {
    const read = await f.call('POST', '/api/v1/articles/mark-read', {
      as: 'annWrite',
      body: { ids: [f.articles.apple, f.articles.chinese] },
    });
    expect(await read.json()).toEqual({ changed: 2 });
    expect(await (await f.call('GET', '/api/v1/unread-counts', { as: 'annRead' })).json()).toMatchObject({ total: 2 });
    const unread = await f.call('POST', '/api/v1/articles/mark-read', {
      as: 'annWrite',
      body: { ids: [f.articles.apple, f.articles.chinese], read: false },
    });
    expect(await unread.json()).toEqual({ changed: 2 });
  });

  it.each([[{ ids: [] }], [{ ids: [0] }], [{ ids: 'all' }], [{ ids: Array.from({ length: 1001 }, (_, i) => i + 1) }]])(
    'refuses ids %j',
    async (body) => {
      expect((await f.call('POST', '/api/v1/articles/mark-read', { as: 'annWrite', body })).status).toBe(400);
    },
  );

  it('marks everything of a feed read, then everything', async () => {
    const tech = await f.call('POST', '/api/v1/articles/mark-all-read', {
      as: 'annWrite',
      body: { feedId: f.feeds.tech },
    });
    expect(await tech.json()).toEqual({ changed: 1 });
    const counts = (await (await f.call('GET', '/api/v1/unread-counts', { as: 'annRead' })).json()) as {
      total: number;
      feeds: unknown[];
      categories: unknown[];
    };
    expect(counts.total).toBe(3);
    expect(counts.feeds).toEqual(
      expect.arrayContaining([
        { feedId: f.feeds.world, unread: 3 },
        { feedId: f.feeds.tech, unread: 0 },
      ]),
    );
    expect(counts.categories).toEqual(expect.arrayContaining([{ category: 'News/World', unread: 3 }]));
    const all = await f.call('POST', '/api/v1/articles/mark-all-read', { as: 'annWrite', body: {} });
    expect(await all.json()).toEqual({ changed: 3 });
    expect(
      (await f.call('POST', '/api/v1/articles/mark-all-read', { as: 'annWrite', body: { before: 'yesterday' } }))
        .status,
    ).toBe(400);
  });
});
