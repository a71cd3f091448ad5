/**
 * Writes one generated feed document as XML text: RSS 2.0 (content:encoded CDATA bodies,
 * escaped-HTML descriptions, dc:creator, categories, guid, RFC 822 dates, enclosures,
 * media:content, atom:link self) or Atom 1.0 (escaped html or xhtml content, ISO dates,
 * authors, categories, links), optionally with xml:base and relative URLs.
 */
import type { Prng } from '../lib/prng.ts';
import type { TextSource } from './corpus-text.ts';
import { makeUrl, writeHtmlBody } from './html-body.ts';

/** The shape of one generated feed. */
export interface FeedSpec {
  format: 'rss' | 'atom';
  /** The charset named in the XML declaration. */
  encoding: 'utf-8' | 'gbk' | 'gb2312';
  /** Site origin with a trailing slash, e.g. `https://news.example.com/`. */
  site: string;
  /** When true the document sets xml:base and uses relative links. */
  relative: boolean;
  itemCount: number;
  /** Timestamp (ms) of the newest item; older items step back from it. */
  newest: number;
  /** RSS only: the whole body goes escaped into `<description>` (no content:encoded), as many news sites send it. */
  bodyInDescription?: boolean;
}

/** One feed document cut at item boundaries; joining head, items and tail with newlines gives the whole. */
export interface FeedParts {
  head: string;
  /** Each item or entry element, newest first. */
  items: string[];
  tail: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Returns `text` with the five XML special characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** Returns an RFC 822 date as feeds write it, in GMT or in +0800. */
function formatRfc822(ms: number, china: boolean): string {
  const d = new Date(ms + (china ? 8 * 3600_000 : 0));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} ${china ? '+0800' : 'GMT'}`;
}

/** Returns an ISO 8601 date, sometimes with a +08:00 offset instead of Z. */
function formatIso(ms: number, china: boolean): string {
  if (!china) return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** Returns the parts of one RSS 2.0 feed. */
function writeRss(prng: Prng, text: TextSource, spec: FeedSpec): FeedParts {
  const china = text.language !== 'en';
  const urls = { site: spec.site, relative: spec.relative };
  const base = spec.relative ? ` xml:base="${spec.site}"` : '';
  const head: string[] = [
    `<?xml version="1.0" encoding="${spec.encoding === 'utf-8' ? 'UTF-8' : spec.encoding}"?>`,
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">',
    `<channel${base}>`,
    `<title>${escapeXml(text.title())}</title>`,
    `<link>${spec.site}</link>`,
    `<description>${escapeXml(text.sentence())}</description>`,
    `<language>${text.language === 'en' ? 'en-us' : text.language === 'zh' ? 'zh-cn' : 'zh-tw'}</language>`,
    `<lastBuildDate>${formatRfc822(spec.newest, china)}</lastBuildDate>`,
    '<generator>https://wordpress.org/?v=6.5.2</generator>',
    `<atom:link href="${spec.site}feed/" rel="self" type="application/rss+xml" />`,
  ];
  const items: string[] = [];
  let when = spec.newest;
  for (let i = 0; i < spec.itemCount; i++) {
    const out: string[] = [];
    const link = makeUrl(prng, urls, 'page');
    const body = writeHtmlBody(prng, text, { targetBytes: prng.int(1000, 5000), ...urls });
    const summary = body.slice(0, body.indexOf('</p>') + 4);
    out.push('<item>', `<title>${escapeXml(text.title())}</title>`, `<link>${link}</link>`);
    if (spec.bodyInDescription) out.push(`<description>${escapeXml(body)}</description>`);
    else {
      out.push(`<description>${escapeXml(summary)}</description>`);
      out.push(`<content:encoded><![CDATA[${body}]]></content:encoded>`);
    }
    out.push(`<dc:creator><![CDATA[${text.name()}]]></dc:creator>`);
    for (let c = prng.int(0, 4); c > 0; c--) out.push(`<category><![CDATA[${text.category()}]]></category>`);
    out.push(
      prng.chance(0.6)
        ? `<guid isPermaLink="true">${link}</guid>`
        : `<guid isPermaLink="false">${spec.site}?p=${prng.int(1000, 999999)}</guid>`,
    );
    out.push(`<pubDate>${formatRfc822(when, china)}</pubDate>`);
    if (prng.chance(0.15))
      out.push(
        `<enclosure url="${makeUrl(prng, urls, 'image')}" length="${prng.int(20000, 900000)}" type="image/jpeg" />`,
      );
    if (prng.chance(0.2))
      out.push(
        `<media:content url="${makeUrl(prng, urls, 'image')}" medium="image" type="image/jpeg" width="1200" height="800" />`,
      );
    out.push('</item>');
    items.push(out.join('\n'));
    when -= prng.int(5, 600) * 60_000;
  }
  return { head: head.join('\n'), items, tail: '</channel>\n</rss>\n' };
}

/** Returns the parts of one Atom 1.0 feed. */
function writeAtom(prng: Prng, text: TextSource, spec: FeedSpec): FeedParts {
  const china = text.language !== 'en';
  const urls = { site: spec.site, relative: spec.relative };
  const host = new URL(spec.site).host;
  const lang = text.language === 'en' ? 'en' : text.language === 'zh' ? 'zh-CN' : 'zh-TW';
  const base = spec.relative ? ` xml:base="${spec.site}"` : '';
  const head: string[] = [
    `<?xml version="1.0" encoding="${spec.encoding}"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}"${base}>`,
    `<title type="text">${escapeXml(text.title())}</title>`,
    `<subtitle>${escapeXml(text.sentence())}</subtitle>`,
    `<link rel="alternate" type="text/html" href="${spec.relative ? './' : spec.site}" />`,
    `<link rel="self" type="application/atom+xml" href="${spec.site}atom.xml" />`,
    `<id>tag:${host},2019:feed</id>`,
    `<updated>${formatIso(spec.newest, china)}</updated>`,
    `<author><name>${escapeXml(text.name())}</name><uri>${spec.site}about/</uri></author>`,
    '<generator uri="https://gohugo.io/" version="0.125.0">Hugo</generator>',
  ];
  const items: string[] = [];
  let when = spec.newest;
  for (let i = 0; i < spec.itemCount; i++) {
    const out: string[] = [];
    const body = writeHtmlBody(prng, text, { targetBytes: prng.int(1000, 5000), ...urls });
    const entryBase = spec.relative && prng.chance(0.3) ? ` xml:base="${spec.site}section-${prng.int(1, 9)}/"` : '';
    out.push(`<entry${entryBase}>`);
    const title = text.title();
    out.push(
      prng.chance(0.3)
        ? `<title type="html">${escapeXml(`<em>${escapeXml(title)}</em>`)}</title>`
        : `<title>${escapeXml(title)}</title>`,
    );
    out.push(`<link rel="alternate" type="text/html" href="${makeUrl(prng, urls, 'page')}" />`);
    out.push(
      prng.chance(0.7)
        ? `<id>tag:${host},2024:entry-${prng.int(1, 99999999)}</id>`
        : `<id>urn:uuid:${prng.int(0x10000000, 0x7fffffff).toString(16)}-1d2c-4f3b-9a8e-${prng.int(0x100000, 0xffffff).toString(16)}abcdef</id>`,
    );
    out.push(
      `<published>${formatIso(when - 3600_000, china)}</published>`,
      `<updated>${formatIso(when, china)}</updated>`,
    );
    for (let a = prng.int(1, 2); a > 0; a--)
      out.push(
        `<author><name>${escapeXml(text.name())}</name>${prng.chance(0.3) ? `<email>editor${a}@${host}</email>` : ''}</author>`,
      );
    for (let c = prng.int(0, 3); c > 0; c--) {
      const term = text.category();
      out.push(
        `<category term="${escapeXml(term)}" label="${escapeXml(term)}"${prng.chance(0.3) ? ` scheme="${spec.site}tags/"` : ''} />`,
      );
    }
    out.push(`<summary type="html">${escapeXml(body.slice(0, body.indexOf('</p>') + 4))}</summary>`);
    if (prng.chance(0.15)) {
      out.push(
        `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${body.replaceAll('&nbsp;', '&#160;')}</div></content>`,
      );
    } else {
      out.push(`<content type="html">${escapeXml(body)}</content>`);
    }
    out.push('</entry>');
    items.push(out.join('\n'));
    when -= prng.int(5, 600) * 60_000;
  }
  return { head: head.join('\n'), items, tail: '</feed>\n' };
}

/**
 * Returns the feed `spec` describes in parts (the document up to the first item, each item
 * newest first, the closing tags), so that a caller can serve a sliding window of its items.
 */
export function writeFeedParts(prng: Prng, text: TextSource, spec: FeedSpec): FeedParts {
  return spec.format === 'rss' ? writeRss(prng, text, spec) : writeAtom(prng, text, spec);
}

/** Returns the document made of `parts`, optionally only items[from, to). */
export function joinFeedParts(parts: FeedParts, from = 0, to = parts.items.length): string {
  return [parts.head, ...parts.items.slice(from, to), parts.tail].join('\n');
}

/** Returns the XML text of the feed `spec` describes, drawing text from `text`. */
export function writeFeedXml(prng: Prng, text: TextSource, spec: FeedSpec): string {
  return joinFeedParts(writeFeedParts(prng, text, spec));
}
