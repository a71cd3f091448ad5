/**
 * Sample feed documents for end-to-end tests: deterministic RSS 2.0 items (English or
 * Chinese), the RSS document around them, and an HTML page that advertises a feed with
 * `<link rel="alternate">`. Deterministic so tests can assert on exact titles and dates.
 */

/** One feed item as the builders write it. */
export interface SampleItem {
  guid: string;
  title: string;
  link: string;
  description: string;
  pubDate: Date;
}

/** Channel-level values for buildRss. */
export interface SampleFeed {
  title: string;
  link: string;
  description: string;
  items: readonly SampleItem[];
}

const BASE_TIME = Date.UTC(2024, 0, 15, 8, 0, 0);
const HOUR_MS = 3_600_000;

const CHINESE_TITLES = ['美国称中国在核谈判中保持沉默', '上海地铁新线路今日开通', '长江流域迎来入汛以来最强降雨'];
const CHINESE_TEXT = '<p>据报道，有关部门周二表示，相关工作正在有序推进。“我们会继续关注事态发展。”</p>';

/** Returns `count` deterministic items numbered from `start` (newest first), in Chinese when asked. */
export function sampleItems(count: number, options: { start?: number; chinese?: boolean } = {}): SampleItem[] {
  const start = options.start ?? 1;
  const items: SampleItem[] = [];
  for (let n = start + count - 1; n >= start; n--) {
    const title = options.chinese ? `${CHINESE_TITLES[n % CHINESE_TITLES.length]}（${n}）` : `Sample item ${n}`;
    items.push({
      guid: `https://fixture.test/items/${n}`,
      title,
      link: `https://fixture.test/items/${n}`,
      description: options.chinese ? CHINESE_TEXT : `<p>Body of item ${n} &amp; more.</p>`,
      pubDate: new Date(BASE_TIME + n * HOUR_MS),
    });
  }
  return items;
}

/** Returns an RSS 2.0 document for `feed`. */
export function buildRss(feed: SampleFeed): string {
  const items = feed.items.map((item) =>
    [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(item.link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(item.guid)}</guid>`,
      `      <pubDate>${item.pubDate.toUTCString()}</pubDate>`,
      `      <description>${escapeXml(item.description)}</description>`,
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.link)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** Returns an HTML page (not a feed) whose head advertises the feed at `feedHref`. */
export function buildAlternatePage(feedHref: string): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><title>Fixture blog</title>',
    `<link rel="alternate" type="application/rss+xml" title="Fixture feed" href="${escapeXml(feedHref)}">`,
    '</head><body><h1>Fixture blog</h1><p>This page is not a feed.</p></body></html>',
    '',
  ].join('\n');
}

/** Returns `text` with the five XML special characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
