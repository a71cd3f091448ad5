/**
 * Feed discovery on an HTML page, pure (no fetching): the feeds the page advertises with
 * `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json|rdf+xml">` (or
 * `rel="feed"`), in page order, then the paths where feeds usually live (/feed, /rss.xml,
 * /atom.xml, /index.xml, Blogger's /feeds/posts/default, …) for the caller to probe.
 * A tag scan with one sticky attribute regex, not an HTML parser: only `<link>` and
 * `<base>` matter here, and the scan stays linear on hostile input. `application/json`
 * is not taken: WordPress advertises its REST API with it on every page.
 */
import { decodeHTMLAttribute } from 'entities/decode';

/** A candidate feed URL: advertised by the page, or a conventional path to try. */
export interface FeedLink {
  url: string;
  source: 'link' | 'guess';
  type?: string;
  title?: string;
}

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
  'application/x-rss+xml',
  'application/x-atom+xml',
  'text/rss+xml',
  'text/atom+xml',
]);
const ROOT_GUESSES = [
  '/feed',
  '/rss',
  '/rss.xml',
  '/atom.xml',
  '/feed.xml',
  '/index.xml',
  '/feeds/posts/default',
  '/feed.json',
  '/atom',
];
const LOCAL_GUESSES = ['feed', 'rss.xml', 'atom.xml', 'feed.xml', 'index.xml'];

const TAG = /<(link|base)\b/gi;
const ATTRIBUTE =
  /[\t\n\f\r /]*([^\t\n\f\r />=][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"?|'([^']*)'?|([^\t\n\f\r >]*)))?/y;

/** Returns the page's advertised feeds (absolute URLs, page order), then conventional paths to probe; the page itself is never listed. */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  let base = pageUrl;
  const links: FeedLink[] = [];
  for (const { name, attributes } of scanTags(html)) {
    const href = attributes.get('href');
    if (href === undefined) continue;
    if (name === 'base') {
      base = absolute(href, pageUrl) ?? base;
      continue;
    }
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = attributes.get('type')?.toLowerCase().split(';')[0].trim();
    const isFeed = (rel.includes('alternate') && type !== undefined && FEED_TYPES.has(type)) || rel.includes('feed');
    if (!isFeed || rel.includes('stylesheet')) continue;
    const url = absolute(href, base);
    if (url === undefined) continue;
    const title = attributes.get('title')?.trim();
    links.push({ url, source: 'link', ...(type === undefined ? {} : { type }), ...(title ? { title } : {}) });
  }
  return dedupe([...links, ...guessFeedUrls(pageUrl)], pageUrl);
}

/** Returns the conventional feed locations for a site: the root paths, then ones beside the page when it is not at the root. */
export function guessFeedUrls(pageUrl: string): FeedLink[] {
  const page = parseUrl(pageUrl);
  if (page === undefined) return [];
  const guesses = ROOT_GUESSES.map((path) => new URL(path, page.origin).href);
  const folder = page.pathname.slice(0, page.pathname.lastIndexOf('/') + 1);
  if (folder !== '/') guesses.unshift(...LOCAL_GUESSES.map((name) => new URL(folder + name, page.origin).href));
  return guesses.map((url) => ({ url, source: 'guess' }));
}

function* scanTags(html: string): Generator<{ name: string; attributes: Map<string, string> }> {
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    const attributes = new Map<string, string>();
    let pos = match.index + match[0].length;
    while (pos < html.length && html[pos] !== '>') {
      ATTRIBUTE.lastIndex = pos;
      const attr = ATTRIBUTE.exec(html);
      if (attr === null || ATTRIBUTE.lastIndex === pos) {
        pos++;
        continue;
      }
      pos = ATTRIBUTE.lastIndex;
      const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
      const key = attr[1].toLowerCase();
      if (!attributes.has(key)) attributes.set(key, value.includes('&') ? decodeHTMLAttribute(value) : value);
    }
    TAG.lastIndex = pos;
    yield { name: match[1].toLowerCase(), attributes };
  }
}

function absolute(href: string, base: string): string | undefined {
  const url = parseUrl(href.trim(), base);
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  url.hash = '';
  return url.href;
}

function parseUrl(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

function dedupe(links: FeedLink[], pageUrl: string): FeedLink[] {
  const seen = new Set([parseUrl(pageUrl)?.href ?? pageUrl]);
  return links.filter((link) => !seen.has(link.url) && seen.add(link.url) !== undefined);
}
