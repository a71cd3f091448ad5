import { describe, expect, it } from 'vitest';
import { parseFeed } from '../parse/index.ts';
import { formatRfc3339, formatRfc822 } from './feed-dates.ts';
import type { PublishedFeed } from './publish-types.ts';
import { writeFeed } from './write-feed.ts';
import { escapeXml } from './xml-text.ts';

const T1 = Date.UTC(2025, 5, 3, 9, 39, 21);
const T2 = Date.UTC(2025, 5, 4, 10, 0, 0);

const FEED: PublishedFeed = {
  title: 'News & "Views" 1 < 2 > 0',
  selfUrl: 'https://tidings.example/feeds/1.rss?token=abc&limit=2',
  siteUrl: 'https://news.example/',
  description: 'All the news — 新闻',
  language: 'zh-CN',
  generator: { name: 'Tidings', version: '1.0.0', url: 'https://tidings.example/' },
  items: [
    {
      id: 'urn:tidings:tidings.example:article:1',
      title: 'Tom & Jerry ]]> 1 < 2 汉字 😀',
      link: 'https://news.example/a?x=1&y=2',
      contentHtml:
        '<p>Body with ]]> and &amp; and <a href="https://news.example/b?q=1&amp;r=2">a link</a>\u0001 中文</p>',
      summaryHtml: '<p>Short</p>',
      authors: [{ name: 'Ann', email: 'ann@news.example' }, {}],
      categories: ['World', 'A & B'],
      enclosures: [{ url: 'https://news.example/a.mp3', type: 'audio/mpeg', length: 1234 }],
      publishedAt: T1,
      updatedAt: T2,
    },
    {
      id: 'urn:tidings:tidings.example:article:2',
      title: 'Second',
      link: 'https://news.example/2',
      contentHtml: '<p>Two \ud800 lone</p>',
      authors: [],
      categories: [],
      enclosures: [],
      publishedAt: T1,
    },
  ],
};

describe('writeFeed', () => {
  for (const format of ['rss', 'atom', 'json'] as const) {
    it(`writes ${format} that Tidings' parser reads back whole, with the same items`, () => {
      const written = writeFeed(FEED, format);
      const parsed = parseFeed(written.body, { url: FEED.selfUrl, contentType: written.contentType });
      if (parsed.kind !== 'feed') throw new Error(parsed.error.message);
      expect(parsed.feed.wellFormed).toBe(true);
      expect(parsed.feed.problems).toEqual([]);
      expect(parsed.feed.format).toBe(format === 'rss' ? 'rss20' : format === 'atom' ? 'atom10' : 'json11');
      expect(parsed.feed.feed.title).toBe(FEED.title);
      if (format !== 'json') expect(written.body).toContain('Tom &amp; Jerry ]]&gt; 1 &lt; 2');
      expect(parsed.feed.feed.links.some((l) => l.rel === 'self' && l.href === FEED.selfUrl)).toBe(true);
      const items = parsed.feed.items;
      expect(items.map((i) => i.id)).toEqual(FEED.items.map((i) => i.id));
      expect(items.map((i) => i.title)).toEqual(FEED.items.map((i) => i.title));
      expect(items.map((i) => i.link)).toEqual(FEED.items.map((i) => i.link));
      expect(items.map((i) => (i.published === undefined ? undefined : Date.parse(i.published)))).toEqual([T1, T1]);
      const body = items[0]?.content ?? items[0]?.summary ?? '';
      expect(body).toContain('Body with ]]> and &amp; and <a href="https://news.example/b?q=1&amp;r=2">');
      expect(body).toContain('中文');
      expect(body).not.toContain('\u0001');
      expect(items[1]?.content ?? items[1]?.summary).not.toContain('\ud800');
      expect(items[0]?.categories.map((c) => c.term)).toEqual(['World', 'A & B']);
      expect(items[0]?.enclosures).toEqual([{ url: 'https://news.example/a.mp3', type: 'audio/mpeg', length: 1234 }]);
      expect(items[0]?.authors[0]?.name).toBe('Ann');
    });
  }

  it('writes an empty feed that still parses', () => {
    for (const format of ['rss', 'atom', 'json'] as const) {
      const parsed = parseFeed(writeFeed({ ...FEED, items: [] }, format).body);
      expect(parsed.kind).toBe('feed');
      if (parsed.kind === 'feed') expect(parsed.feed.wellFormed).toBe(true);
    }
  });

  it('serves each format with its media type', () => {
    expect(writeFeed(FEED, 'rss').contentType).toBe('application/rss+xml; charset=utf-8');
    expect(writeFeed(FEED, 'atom').contentType).toBe('application/atom+xml; charset=utf-8');
    expect(writeFeed(FEED, 'json').contentType).toBe('application/feed+json; charset=utf-8');
  });
});

describe('dates and escaping', () => {
  it('formats RFC 822 for RSS and RFC 3339 for Atom and JSON Feed', () => {
    expect(formatRfc822(T1)).toBe('Tue, 03 Jun 2025 09:39:21 GMT');
    expect(formatRfc3339(T1 + 456)).toBe('2025-06-03T09:39:21Z');
  });

  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u000b\t`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\t',
    );
    expect(escapeXml('😀\udc00')).toBe('😀');
  });
});
