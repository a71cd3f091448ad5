/**
 * Writes an OPML 2.0 subscription list (UTF-8). Feeds are grouped into nested folder outlines
 * by their first category ("News/World" → <outline text="News"><outline text="World">…),
 * the way feed readers export folders; further categories go into the OPML 2.0 `category`
 * attribute ("/a/b" for paths, plain for tags). parseOpml reads exactly this back, so
 * read(write(x)) keeps every feed's categories (normalized, see normalize-category.ts).
 * A comma inside a second-or-later category cannot be represented (the attribute is comma
 * separated) and becomes a space. Folders and feeds keep their order of first appearance.
 */
import { outboundUrl } from '../../domain/outbound-url.ts';
import { normalizeCategory, splitCategory } from './normalize-category.ts';
import type { OpmlDocument, OpmlFeed } from './opml-types.ts';

interface Folder {
  name: string;
  items: Array<Folder | OpmlFeed>;
  folders: Map<string, Folder>;
}

// Characters XML 1.0 cannot carry at all, not even as character references.
const NOT_XML =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Returns `value` escaped for a double-quoted XML attribute; tabs and newlines survive attribute normalization. */
function escapeAttribute(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]);
}

function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>]/g, (c) => ATTRIBUTE_ESCAPES[c]);
}

function groupByFolder(feeds: OpmlFeed[]): Folder {
  const root: Folder = { name: '', items: [], folders: new Map() };
  for (const feed of feeds) {
    let folder = root;
    for (const segment of splitCategory(feed.categories[0] ?? '')) {
      let child = folder.folders.get(segment);
      if (child === undefined) {
        child = { name: segment, items: [], folders: new Map() };
        folder.folders.set(segment, child);
        folder.items.push(child);
      }
      folder = child;
    }
    folder.items.push(feed);
  }
  return root;
}

function writeFeed(feed: OpmlFeed, indent: string): string {
  const attrs: Array<[string, string | undefined]> = [
    ['type', feed.type ?? 'rss'],
    ['text', feed.title ?? feed.xmlUrl],
    ['title', feed.title],
    ['xmlUrl', feed.xmlUrl],
    ['htmlUrl', feed.htmlUrl],
    ['description', feed.description],
  ];
  const extra = feed.categories
    .slice(1)
    .map((category) => normalizeCategory(category.replaceAll(',', ' ')))
    .filter((category) => category !== '')
    .map((category) => (category.includes('/') ? `/${category}` : category));
  if (extra.length > 0) attrs.push(['category', extra.join(',')]);
  let out = `${indent}<outline`;
  for (const [name, value] of attrs) if (value !== undefined) out += ` ${name}="${escapeAttribute(value)}"`;
  return `${out}/>\n`;
}

function writeItems(items: Array<Folder | OpmlFeed>, indent: string): string {
  let out = '';
  for (const item of items) {
    if ('xmlUrl' in item) {
      out += writeFeed(item, indent);
      continue;
    }
    const name = escapeAttribute(item.name);
    out += `${indent}<outline text="${name}" title="${name}">\n${writeItems(item.items, `${indent}  `)}${indent}</outline>\n`;
  }
  return out;
}

/** Returns the OPML 2.0 text (UTF-8 XML declaration included) listing `doc.feeds` in folders by first category; a feed whose URL may not leave Tidings (outboundUrl) is left out, and so is such an htmlUrl. */
export function writeOpml(doc: OpmlDocument): string {
  const feeds = doc.feeds.flatMap((feed) => {
    const xmlUrl = outboundUrl(feed.xmlUrl);
    const { htmlUrl, ...rest } = feed;
    const site = outboundUrl(htmlUrl);
    return xmlUrl === undefined ? [] : [{ ...rest, xmlUrl, ...(site === undefined ? {} : { htmlUrl: site }) }];
  });
  let head = '';
  if (doc.title !== undefined) head += `    <title>${escapeText(doc.title)}</title>\n`;
  if (doc.dateCreated !== undefined && !Number.isNaN(doc.dateCreated.getTime())) {
    head += `    <dateCreated>${doc.dateCreated.toUTCString()}</dateCreated>\n`;
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<opml version="2.0">\n' +
    `  <head>\n${head}  </head>\n` +
    `  <body>\n${writeItems(groupByFolder(feeds).items, '    ')}  </body>\n` +
    '</opml>\n'
  );
}
