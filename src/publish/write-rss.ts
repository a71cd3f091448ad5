/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification): the channel with an `atom:link
 * rel="self"` (the RSS Advisory Board's best practice), and per item the full cleaned text in
 * `<description>` (what readers show, as RSSHub does), the id as a guid that is not a
 * permalink, the authors' names as `dc:creator` (RSS's `<author>` must be an e-mail address)
 * and RFC 822 dates. Every value is escaped; no CDATA.
 */
import { outboundFeed } from './outbound-feed.ts';
import type { Person } from '../domain/parsed-feed.ts';
import { formatRfc822 } from './feed-dates.ts';
import type { PublishedFeed, PublishedItem } from './publish-types.ts';
import { escapeXml } from './xml-text.ts';

function element(name: string, value: string | undefined): string {
  return value === undefined || value === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`;
}

function personName(person: Person): string | undefined {
  return person.name ?? person.email ?? person.url;
}

function newestTime(feed: PublishedFeed): number {
  return feed.updatedAt ?? Math.max(0, ...feed.items.map((item) => item.updatedAt ?? item.publishedAt ?? 0));
}

function writeItem(item: PublishedItem): string {
  const parts = [
    element('title', item.title),
    element('link', item.link),
    `<guid isPermaLink="false">${escapeXml(item.id)}</guid>`,
    item.publishedAt === undefined && item.updatedAt === undefined
      ? ''
      : element('pubDate', formatRfc822(item.publishedAt ?? item.updatedAt ?? 0)),
    ...item.authors.map((person) => element('dc:creator', personName(person))),
    ...item.categories.map((term) => element('category', term)),
    element('description', item.contentHtml ?? item.summaryHtml),
    ...item.enclosures.map(
      (e) =>
        `<enclosure url="${escapeXml(e.url)}" length="${e.length ?? 0}" type="${escapeXml(e.type ?? 'application/octet-stream')}"/>`,
    ),
  ];
  return `<item>${parts.join('')}</item>`;
}

/** Returns the feed (every URL that may not leave Tidings left out: outbound-feed.ts) as an RSS 2.0 document (UTF-8). */
export function writeRss(given: PublishedFeed): string {
  const feed = outboundFeed(given);
  const channel = [
    element('title', feed.title),
    element('link', feed.siteUrl ?? feed.selfUrl),
    `<description>${escapeXml(feed.description ?? feed.title)}</description>`,
    `<atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    element('language', feed.language),
    element('lastBuildDate', formatRfc822(newestTime(feed))),
    feed.generator === undefined
      ? ''
      : element('generator', [feed.generator.name, feed.generator.version].filter(Boolean).join(' ')),
    element('docs', 'https://www.rssboard.org/rss-specification'),
  ].join('');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<channel>${channel}`,
    ...feed.items.map(writeItem),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
