/**
 * Reads OPML 1.0 and 2.0 subscription lists with the project's own lenient XML parser (so a
 * broken export still yields its feeds) after the same byte decoding feeds get.
 *
 * Categories: a feed's first category is the path of the titles of the outlines enclosing it,
 * joined by "/" (a feed in "World" inside "News" → "News/World"), because that is how feed
 * readers export folders; then come the values of its own `category` attribute (comma
 * separated; OPML 2.0 "/a/b" paths normalized to "a/b"). A feed listed twice (readers export
 * a feed once per folder) is kept once, at its first place, with the later categories merged
 * in, and a problem line says so. A folder title that itself contains "/" reads as a deeper
 * path. `title` falls back to `text`. Attribute names are matched case-insensitively
 * (`xmlurl`, `XMLURL` occur in the wild).
 */
import { AppError } from '../../domain/errors.ts';
import { resolveUrl } from '../../util/resolve-url.ts';
import { decodeFeedBytes } from '../encoding/decode-feed-bytes.ts';
import { parseXml } from '../xml/parse-xml.ts';
import { childElements, textContent } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';
import { normalizeCategory } from './normalize-category.ts';
import type { OpmlFeed, ParseOpmlResult } from './opml-types.ts';

/** Options of parseOpml. */
export interface ParseOpmlOptions {
  /** Where the OPML came from: the base for relative xmlUrl/htmlUrl. */
  url?: string;
}

interface WalkState {
  feeds: OpmlFeed[];
  byUrl: Map<string, OpmlFeed>;
  problems: string[];
  base: string | undefined;
  duplicates: number;
}

// Duplicates named one per line up to this many; the rest are counted in one line.
const MAX_DUPLICATE_LINES = 10;

/** Returns an attribute value by name, ignoring case; trimmed, undefined when absent or blank. */
function readAttr(el: XmlElement, name: string): string | undefined {
  let value = el.attrs[name];
  if (value === undefined) {
    const lower = name.toLowerCase();
    for (const key in el.attrs) {
      if (key.toLowerCase() === lower) {
        value = el.attrs[key];
        break;
      }
    }
  }
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function hasLocalName(el: XmlElement, local: string): boolean {
  return el.local === local || el.local.toLowerCase() === local;
}

/** Returns the first child with this local name, whatever its case or namespace (OPML has none, but some files declare one). */
function findLocal(parent: XmlElement, local: string): XmlElement | undefined {
  return childElements(parent).find((el) => hasLocalName(el, local));
}

function readCategories(path: string[], attribute: string | undefined): string[] {
  const categories: string[] = [];
  const add = (category: string): void => {
    const normal = normalizeCategory(category);
    if (normal !== '' && !categories.includes(normal)) categories.push(normal);
  };
  if (path.length > 0) add(path.join('/'));
  for (const value of attribute?.split(',') ?? []) add(value);
  return categories;
}

function readFeed(el: XmlElement, xmlUrl: string, path: string[], state: WalkState): void {
  const base = el.base ?? state.base;
  const url = resolveUrl(xmlUrl, base);
  const categories = readCategories(path, readAttr(el, 'category'));
  const known = state.byUrl.get(url);
  if (known !== undefined) {
    for (const category of categories) if (!known.categories.includes(category)) known.categories.push(category);
    if (++state.duplicates <= MAX_DUPLICATE_LINES)
      state.problems.push(`feed listed more than once, kept the first: ${url}`);
    return;
  }
  const feed: OpmlFeed = { xmlUrl: url, categories };
  // A "title" that is only the feed URL (writers fill the required `text` with it) is no title.
  const title = readAttr(el, 'title') ?? readAttr(el, 'text');
  if (title !== undefined && title !== xmlUrl && title !== url) feed.title = title;
  const htmlUrl = readAttr(el, 'htmlUrl');
  if (htmlUrl !== undefined) feed.htmlUrl = resolveUrl(htmlUrl, base);
  const type = readAttr(el, 'type');
  if (type !== undefined) feed.type = type;
  const description = readAttr(el, 'description');
  if (description !== undefined) feed.description = description;
  state.feeds.push(feed);
  state.byUrl.set(url, feed);
}

function walkOutlines(parent: XmlElement, path: string[], state: WalkState): void {
  for (const el of childElements(parent)) {
    if (!hasLocalName(el, 'outline')) continue;
    const xmlUrl = readAttr(el, 'xmlUrl');
    if (xmlUrl !== undefined) {
      readFeed(el, xmlUrl, path, state);
      walkOutlines(el, path, state);
      continue;
    }
    const label = readAttr(el, 'title') ?? readAttr(el, 'text');
    walkOutlines(el, label === undefined ? path : [...path, label], state);
  }
}

/** Returns the feeds of an OPML document (bytes or text), or `not-opml` when the input is not OPML; never throws. */
export function parseOpml(input: Uint8Array | string, options: ParseOpmlOptions = {}): ParseOpmlResult {
  const problems: string[] = [];
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const decoded = decodeFeedBytes(input);
    text = decoded.text;
    problems.push(...decoded.problems);
  }
  const doc = parseXml(text, { baseUrl: options.url });
  const root = doc.root;
  if (root === null || !hasLocalName(root, 'opml')) {
    const found = root === null ? 'no XML element' : `<${root.name}>`;
    return { kind: 'not-opml', error: new AppError('parse.not-opml', `not an OPML document: found ${found}`) };
  }
  if (!doc.wellFormed) problems.push(...doc.problems);
  const head = findLocal(root, 'head');
  const titleElement = head === undefined ? undefined : findLocal(head, 'title');
  const title = titleElement === undefined ? '' : textContent(titleElement).trim();
  const body = findLocal(root, 'body') ?? root;
  const state: WalkState = { feeds: [], byUrl: new Map(), problems, base: options.url, duplicates: 0 };
  walkOutlines(body, [], state);
  if (state.duplicates > MAX_DUPLICATE_LINES) {
    problems.push(`${state.duplicates - MAX_DUPLICATE_LINES} more feeds listed more than once`);
  }
  const wellFormed = doc.wellFormed;
  return title === ''
    ? { kind: 'opml', feeds: state.feeds, problems, wellFormed }
    : { kind: 'opml', title, feeds: state.feeds, problems, wellFormed };
}
