import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedItem } from '../../domain/parsed-feed.ts';
import { buildEntries } from '../../ingest/index.ts';
import { BASE_TIME, createApiFixture, type ApiFixture } from '../api/testdata/api-fixture.ts';

// A feed whose every URL is script: the link in several spellings, the author, the enclosure and the site.
let f: ApiFixture;
let feedId = 0;
let articleIds: number[] = [];

function item(id: string, link: string, extra: Partial<ParsedItem> = {}): ParsedItem {
  return {
    id,
    title: `Hostile ${id}`,
    link,
    links: [],
    authors: [{ name: 'Mallory', url: 'javascript:alert("author")' }],
    contributors: [],
    categories: [],
    enclosures: [{ url: ' JAVASCRIPT:alert("enclosure")', type: 'audio/mpeg' }],
    content: '<p>hostile words</p>',
    contentType: 'html',
    published: new Date(BASE_TIME + 60_000).toISOString(),
    ...extra,
  };
}

beforeAll(async () => {
  f = await createApiFixture();
  const added = await f.ctx.store.addFeed({
    url: 'https://hostile.example/feed.xml',
    title: 'Hostile',
    siteUrl: 'javascript:alert("site")',
    now: BASE_TIME,
  });
  if (added.kind !== 'added') throw new Error(added.kind);
  feedId = added.feed.id;
  await f.ctx.store.addSubscription({ userId: f.users.ann, feedId, category: 'Hostile' });
  const outcomes = await f.ctx.store.recordEntries(
    feedId,
    buildEntries([
      item('plain', 'javascript:alert(1)'),
      item('cased', 'JavaScript:alert(1)'),
      item('spaced', '   javascript:alert(1)'),
      item('tabbed', 'java\tscript:alert(1)'),
      item('data', 'data:text/html,<script>alert(1)</script>'),
      item('good', 'https://hostile.example/good', { authors: [{ name: 'Ann', email: 'ann@example.com' }] }),
    ]),
    BASE_TIME + 120_000,
  );
  articleIds = outcomes.map((o) => ('articleId' in o ? o.articleId : 0));
});

afterAll(async () => {
  await f.close();
});

async function text(path: string): Promise<string> {
  const response = await f.call('GET', path, { as: 'annRead' });
  expect(response.status, path).toBe(200);
  return response.text();
}

describe('URLs that leave Tidings', () => {
  it.each(['rss', 'atom', 'json'])(
    'republished %s feeds carry no script URL, and keep the http one',
    async (format) => {
      const body = await text(`/feeds/${feedId}.${format}`);
      expect(body).not.toMatch(/javascript|data:text/i);
      expect(body).toContain('https://hostile.example/good');
      expect(body).toContain('Hostile plain');
    },
  );

  it('the JSON feed writes an author e-mail as a mailto: URL', async () => {
    const body = JSON.parse(await text(`/feeds/${feedId}.json`)) as { items: Array<{ authors?: unknown[] }> };
    expect(body.items.flatMap((i) => i.authors ?? [])).toContainEqual({ name: 'Ann', url: 'mailto:ann@example.com' });
  });

  it('the API leaves script URLs out of timelines, articles, searches and feeds', async () => {
    for (const path of [
      `/api/v1/articles?feed=${feedId}`,
      `/api/v1/articles/search?q=hostile`,
      `/api/v1/feeds`,
      `/api/v1/feeds/${feedId}`,
      ...articleIds.map((id) => `/api/v1/articles/${id}`),
    ]) {
      expect(await text(path), path).not.toMatch(/javascript|data:text/i);
    }
    const article = JSON.parse(await text(`/api/v1/articles/${articleIds[0]}`)) as Record<string, unknown>;
    expect(article.link).toBeUndefined();
    expect(article.enclosures).toEqual([]);
    expect(article.authors).toEqual([{ name: 'Mallory' }]);
    const good = JSON.parse(await text(`/api/v1/articles/${articleIds[5]}`)) as Record<string, unknown>;
    expect(good.link).toBe('https://hostile.example/good');
  });

  it('OPML exports leave a script site URL out', async () => {
    for (const path of ['/api/v1/opml', '/subscriptions/export.opml']) {
      const response = await f.call('GET', path, { as: 'annSession' });
      const body = await response.text();
      expect(response.status, path).toBe(200);
      expect(body, path).toContain('https://hostile.example/feed.xml');
      expect(body, path).not.toMatch(/javascript/i);
    }
  });
});
