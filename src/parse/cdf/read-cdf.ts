/**
 * Microsoft's Channel Definition Format (CDF, 1997), read as feedparser reads it: a
 * `<CHANNEL HREF LASTMOD>` holding `<TITLE>`, `<ABSTRACT>` and `<ITEM HREF LASTMOD>`
 * elements, each item with its own title and abstract. Element and attribute names are
 * matched in any case (CDF came from HTML habits); the channel's HREF is its link and LASTMOD
 * its updated date, and the same for each item. Abstracts are text unless they look like HTML.
 */
import type { ParsedFeedMeta, ParsedItem } from '../../domain/parsed-feed.ts';
import { resolveUrl } from '../../util/resolve-url.ts';
import { setUpdated } from '../shared/dates.ts';
import { readOpenText } from '../shared/text.ts';
import type { XmlElement } from '../xml/types.ts';

/** Returns an attribute by name in any case. */
function attrOf(el: XmlElement, name: string): string | undefined {
  for (const key in el.attrs) if (key.toLowerCase() === name) return el.attrs[key];
  return undefined;
}

/** Returns true when a `<channel>` root is CDF rather than a bare RSS channel: upper-case names, or HREF attributes. */
export function isCdfChannel(root: XmlElement): boolean {
  if (root.local === 'CHANNEL' || attrOf(root, 'href') !== undefined || attrOf(root, 'lastmod') !== undefined)
    return true;
  for (const child of root.children) {
    if (typeof child !== 'string' && child.local.toLowerCase() === 'item' && attrOf(child, 'href') !== undefined)
      return true;
  }
  return false;
}

interface CdfTarget {
  title?: string;
  titleType?: ParsedFeedMeta['titleType'];
  link?: string;
  links: ParsedFeedMeta['links'];
  updated?: string;
  updatedRaw?: string;
}

function readCommon(el: XmlElement, target: CdfTarget): XmlElement | undefined {
  const href = attrOf(el, 'href')?.trim();
  if (href) {
    target.link = resolveUrl(href, el.base);
    target.links.push({ href: target.link, rel: 'alternate', type: 'text/html' });
  }
  setUpdated(target, attrOf(el, 'lastmod'));
  let abstract: XmlElement | undefined;
  for (const child of el.children) {
    if (typeof child === 'string') continue;
    const local = child.local.toLowerCase();
    if (local === 'title' && target.title === undefined) {
      const title = readOpenText(child);
      if (title !== undefined) {
        target.title = title.value;
        target.titleType = title.type;
      }
    } else if (local === 'abstract') abstract ??= child;
  }
  return abstract;
}

/** Returns the feed metadata and items of a CDF channel. */
export function adaptCdf(root: XmlElement): { feed: ParsedFeedMeta; items: ParsedItem[] } {
  const feed: ParsedFeedMeta = { links: [], authors: [], contributors: [], categories: [] };
  const abstract = readCommon(root, feed);
  const subtitle = abstract && readOpenText(abstract, true);
  if (subtitle !== undefined) {
    feed.subtitle = subtitle.value;
    feed.subtitleType = subtitle.type;
  }
  const items: ParsedItem[] = [];
  for (const child of root.children) {
    if (typeof child === 'string' || child.local.toLowerCase() !== 'item') continue;
    const item: ParsedItem = { links: [], authors: [], contributors: [], categories: [], enclosures: [] };
    const summary = readCommon(child, item);
    const text = summary && readOpenText(summary, true);
    if (text !== undefined) {
      item.summary = text.value;
      item.summaryType = text.type;
    }
    items.push(item);
  }
  return { feed, items };
}
