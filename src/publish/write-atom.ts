/**
 * Atom 1.0 (RFC 4287): a feed-level author (§4.1.1: every entry needs one, so entries
 * without their own inherit the feed's), `rel="self"` and `rel="alternate"` links, RFC 3339
 * dates, titles as text, and the full cleaned text as `content type="html"` (escaped, never
 * CDATA). An entry's `updated` is required: the update time, else the publication time,
 * else the feed's.
 */
import { outboundFeed } from './outbound-feed.ts';
import type { Person } from '../domain/parsed-feed.ts';
import { formatRfc3339 } from './feed-dates.ts';
import type { PublishedFeed, PublishedItem } from './publish-types.ts';
import { escapeXml } from './xml-text.ts';

function element(name: string, value: string | undefined, attributes = ''): string {
  return value === undefined || value === '' ? '' : `<${name}${attributes}>${escapeXml(value)}</${name}>`;
}

// RFC 4287 §3.2: a person construct needs a name.
function writePerson(person: Person): string {
  const name = person.name ?? person.email ?? person.url;
  if (name === undefined || name === '') return '';
  return `<author>${element('name', name)}${element('email', person.email)}${element('uri', person.url)}</author>`;
}

function writeEntry(item: PublishedItem, fallbackTime: number): string {
  const updated = item.updatedAt ?? item.publishedAt ?? fallbackTime;
  const parts = [
    element('id', item.id),
    `<title type="text">${escapeXml(item.title ?? '')}</title>`,
    item.link === undefined ? '' : `<link rel="alternate" type="text/html" href="${escapeXml(item.link)}"/>`,
    item.publishedAt === undefined ? '' : element('published', formatRfc3339(item.publishedAt)),
    element('updated', formatRfc3339(updated)),
    ...item.authors.map(writePerson),
    ...item.categories.map((term) => `<category term="${escapeXml(term)}"/>`),
    element('summary', item.summaryHtml, ' type="html"'),
    element('content', item.contentHtml, ' type="html"'),
    ...item.enclosures.map(
      (e) =>
        `<link rel="enclosure" href="${escapeXml(e.url)}"${e.type === undefined ? '' : ` type="${escapeXml(e.type)}"`}${e.length === undefined ? '' : ` length="${e.length}"`}/>`,
    ),
  ];
  return `<entry${item.language === undefined ? '' : ` xml:lang="${escapeXml(item.language)}"`}>${parts.join('')}</entry>`;
}

/** Returns the feed (every URL that may not leave Tidings left out: outbound-feed.ts) as an Atom 1.0 document (UTF-8). */
export function writeAtom(given: PublishedFeed): string {
  const feed = outboundFeed(given);
  const updated = feed.updatedAt ?? Math.max(0, ...feed.items.map((item) => item.updatedAt ?? item.publishedAt ?? 0));
  const generator =
    feed.generator === undefined
      ? ''
      : `<generator${feed.generator.url === undefined ? '' : ` uri="${escapeXml(feed.generator.url)}"`}${feed.generator.version === undefined ? '' : ` version="${escapeXml(feed.generator.version)}"`}>${escapeXml(feed.generator.name)}</generator>`;
  const head = [
    element('id', feed.selfUrl),
    `<title type="text">${escapeXml(feed.title)}</title>`,
    element('subtitle', feed.description, ' type="text"'),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    feed.siteUrl === undefined ? '' : `<link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>`,
    element('updated', formatRfc3339(updated)),
    `<author>${element('name', feed.title)}</author>`,
    generator,
  ].join('');
  const lang = feed.language === undefined ? '' : ` xml:lang="${escapeXml(feed.language)}"`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${lang}>${head}`,
    ...feed.items.map((item) => writeEntry(item, updated)),
    '</feed>',
    '',
  ].join('\n');
}
