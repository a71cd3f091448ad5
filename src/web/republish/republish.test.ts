import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../parse/index.ts';
import { createApiFixture, type ApiFixture } from '../api/testdata/api-fixture.ts';

let f: ApiFixture;
let savedId = 0;

beforeAll(async () => {
  f = await createApiFixture();
  savedId = (
    await f.ctx.store.saveSearch({ userId: f.users.ann, name: 'fruit', query: 'apples OR chip', sort: 'newest' })
  ).id;
});

afterAll(async () => {
  await f.close();
});

const FORMATS = { rss: 'rss20', atom: 'atom10', json: 'json11' } as const;

async function fetchDocument(path: string, expectedFormat: keyof typeof FORMATS) {
  const response = await f.call('GET', path);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toMatch(
    expectedFormat === 'json' ? /^application\/feed\+json/ : new RegExp(`^application/${expectedFormat}\\+xml`),
  );
  const parsed = parseFeed(new Uint8Array(await response.arrayBuffer()), {
    contentType: response.headers.get('content-type') ?? undefined,
  });
  if (parsed.kind !== 'feed') throw new Error(parsed.error.message);
  expect(parsed.feed.wellFormed).toBe(true);
  expect(parsed.feed.problems).toEqual([]);
  expect(parsed.feed.format).toBe(FORMATS[expectedFormat]);
  return parsed.feed;
}

describe('republished feeds', () => {
  const cases: Array<[string, () => string, string[]]> = [
    ['a feed', () => `/feeds/${f.feeds.world}`, [`${'a'.repeat(32)}!`, '简体中文新闻', 'Apple pie recipe']],
    ['a category', () => '/categories/News', [`${'a'.repeat(32)}!`, '简体中文新闻', 'Apple pie recipe']],
    ['a saved search', () => `/searches/${savedId}`, ['New chip', 'Apple pie recipe']],
    ['the whole archive', () => '/all', ['New chip', `${'a'.repeat(32)}!`, '简体中文新闻', 'Apple pie recipe']],
  ];
  for (const [what, path, titles] of cases) {
    for (const format of ['rss', 'atom', 'json'] as const) {
      it(`writes ${what} as ${format} that parses back with the same items`, async () => {
        const feed = await fetchDocument(`${path()}.${format}?token=${f.tokens.annRead}`, format);
        expect(feed.items.map((i) => i.title)).toEqual(titles);
        expect(feed.items.every((i) => i.id?.startsWith('tag:tidings.test,2025:article:'))).toBe(true);
        expect(
          feed.feed.links.some(
            (l) => l.rel === 'self' && l.href === `http://tidings.test${path()}.${format}?token=${f.tokens.annRead}`,
          ),
        ).toBe(true);
      });
    }
  }

  it('carries the latest cleaned full text, absolute links and dates', async () => {
    const feed = await fetchDocument(`/feeds/${f.feeds.tech}.atom?token=${f.tokens.annRead}`, 'atom');
    expect(feed.items[0]).toMatchObject({
      link: 'https://news.example/chip',
      published: '2025-01-10T12:04:00Z',
      authors: [{ name: 'Reporter' }],
    });
    expect(feed.items[0]?.content).toContain('Second version, much longer and different');
  });

  it('takes the token in the path too, and ?format= over the extension', async () => {
    const feed = await fetchDocument(`/t/${f.tokens.annRead}/feeds/${f.feeds.tech}.rss?format=json`, 'json');
    expect(feed.items.map((i) => i.title)).toEqual(['New chip']);
    await fetchDocument(`/t/${f.tokens.annRead}/all.atom`, 'atom');
  });

  it('serves a logged-in browser without a token', async () => {
    const response = await f.call('GET', '/all.rss', { as: 'annSession' });
    expect(response.status).toBe(200);
  });
});

describe('access to republished feeds', () => {
  it('answers 401 (JSON, not a login redirect) without a token or with an unknown one', async () => {
    for (const path of [
      `/feeds/${f.feeds.world}.rss`,
      '/all.json',
      `/feeds/${f.feeds.world}.rss?token=tdg_unknown`,
      '/t/tdg_unknown/all.atom',
    ]) {
      const response = await f.call('GET', path);
      expect(response.status, path).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'auth.unauthenticated' } });
    }
  });

  it('refuses a read-write token in a URL (403), which works in the header', async () => {
    const inUrl = await f.call('GET', `/all.rss?token=${f.tokens.annWrite}`);
    expect(inUrl.status).toBe(403);
    expect(await inUrl.json()).toMatchObject({ error: { code: 'auth.forbidden' } });
    expect((await f.call('GET', '/all.rss', { as: 'annWrite' })).status).toBe(200);
  });

  it('answers 404 for what does not exist, and for a category the reader does not follow', async () => {
    for (const path of ['/feeds/99999.rss', '/searches/99999.rss', '/categories/Nothing.rss']) {
      const response = await f.call('GET', `${path}?token=${f.tokens.annRead}`);
      expect(response.status, path).toBe(404);
    }
    expect((await f.call('GET', `/categories/News.rss?token=${f.tokens.bobRead}`)).status).toBe(404);
  });

  it("serves a saved search only to its owner: another user's token (or session) gets 404", async () => {
    for (const path of [
      `/searches/${savedId}.rss?token=${f.tokens.bobRead}`,
      `/t/${f.tokens.bobRead}/searches/${savedId}.atom`,
    ]) {
      const response = await f.call('GET', path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
    }
    expect((await f.call('GET', `/searches/${savedId}.json`, { as: 'bobRead' })).status).toBe(404);
    const cliSearch = await f.ctx.store.saveSearch({ name: 'fruit', query: 'apples' });
    expect((await f.call('GET', `/searches/${cliSearch.id}.rss?token=${f.tokens.annRead}`)).status).toBe(404);
    expect((await f.call('GET', `/searches/${savedId}.rss?token=${f.tokens.annRead}`)).status).toBe(200);
  });
});

describe('RSSHub-style parameters', () => {
  const world = (query: string, format: 'rss' | 'atom' | 'json' = 'rss') =>
    fetchDocument(`/feeds/${f.feeds.world}.${format}?token=${f.tokens.annRead}&${query}`, format);

  it('limits the items (default 50, more than 500 cut to 500)', async () => {
    expect((await world('limit=1')).items.map((i) => i.title)).toEqual([`${'a'.repeat(32)}!`]);
    expect((await world('limit=100000')).items).toHaveLength(3);
  });

  it('filters on title and text, and filters out, case-sensitively unless asked', async () => {
    expect((await world('filter=apples|%E5%8F%91%E5%B1%95')).items.map((i) => i.title)).toEqual([
      '简体中文新闻',
      'Apple pie recipe',
    ]);
    expect((await world('filterout=Apple')).items.map((i) => i.title)).toEqual([`${'a'.repeat(32)}!`, '简体中文新闻']);
    expect((await world('filter=APPLE')).items).toEqual([]);
    expect((await world('filter=APPLE&filter_case_sensitive=false')).items.map((i) => i.title)).toEqual([
      'Apple pie recipe',
    ]);
  });

  it('refuses a catastrophic pattern quickly instead of hanging', async () => {
    const started = Date.now();
    const response = await f.call(
      'GET',
      `/feeds/${f.feeds.world}.rss?token=${f.tokens.annRead}&filter=${encodeURIComponent('^(a+)+$')}`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'input.invalid', message: expect.stringContaining('too long') },
    });
  });

  it('converts between Simplified and Traditional Chinese', async () => {
    const traditional = await world('opencc=s2t', 'json');
    expect(traditional.items[1]?.title).toBe('簡體中文新聞');
    expect(traditional.items[1]?.content).toContain('經濟發展與頭髮');
    expect(traditional.items[2]?.title).toBe('Apple pie recipe');
  });

  it.each([
    ['limit=0'],
    ['limit=ten'],
    ['format=xml'],
    ['opencc=s2hk'],
    ['filter=('],
    [`filter=${'a'.repeat(300)}`],
    ['filter_case_sensitive=maybe'],
  ])('refuses %s with 400', async (query) => {
    const response = await f.call('GET', `/feeds/${f.feeds.world}.rss?token=${f.tokens.annRead}&${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'input.invalid' } });
  });
});
