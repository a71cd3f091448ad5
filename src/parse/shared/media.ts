/**
 * Enclosures: RSS `<enclosure>`, Media RSS content and thumbnails, iTunes and JSON Feed
 * images. A thumbnail becomes an image enclosure only when the item has no image yet, so
 * a consumer looking for "the item's picture" finds one without duplicates.
 */
import type { Enclosure, Link } from '../../domain/parsed-feed.ts';
import type { XmlElement } from '../xml/types.ts';
import { resolveUrl } from '../../util/resolve-url.ts';
import { parseNumber } from './numbers.ts';

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
};

/** Returns the image MIME type a URL's extension suggests, or "image/*" when it says nothing. */
export function guessImageType(url: string): string {
  let end = url.length;
  const q = url.indexOf('?');
  if (q !== -1) end = q;
  const h = url.indexOf('#');
  if (h !== -1 && h < end) end = h;
  const dot = url.lastIndexOf('.', end);
  if (dot === -1 || dot < url.lastIndexOf('/', end)) return 'image/*';
  return IMAGE_TYPES[url.slice(dot + 1, end).toLowerCase()] ?? 'image/*';
}

/** Returns an enclosure from a URL, type and length, omitting what is absent; undefined without URL. */
export function makeEnclosure(
  rawUrl: string | undefined,
  base: string | undefined,
  type: string | undefined,
  length: string | number | undefined,
): Enclosure | undefined {
  if (rawUrl === undefined) return undefined;
  const url = resolveUrl(rawUrl, base);
  if (url === '') return undefined;
  const enclosure: Enclosure = { url };
  const t = type?.trim();
  if (t) enclosure.type = t;
  const n =
    typeof length === 'number'
      ? Number.isSafeInteger(length) && length >= 0
        ? length
        : undefined
      : parseNumber(length);
  if (n !== undefined) enclosure.length = n;
  return enclosure;
}

/** Returns an RSS `<enclosure url type length>` as an enclosure. */
export function readRssEnclosure(el: XmlElement): Enclosure | undefined {
  return makeEnclosure(el.attrs.url ?? el.attrs.href, el.base, el.attrs.type, el.attrs.length);
}

/** Returns a `media:content` as an enclosure (an image medium without type gets one from its URL). */
export function readMediaContent(el: XmlElement): Enclosure | undefined {
  const attrs = el.attrs;
  const enclosure = makeEnclosure(attrs.url, el.base, attrs.type, attrs.fileSize);
  if (enclosure !== undefined && enclosure.type === undefined && attrs.medium?.trim() === 'image') {
    enclosure.type = guessImageType(enclosure.url);
  }
  return enclosure;
}

/** URL sets for long enclosure lists, so a hostile item with 100 000 enclosures stays linear. */
const seenUrls = new WeakMap<Enclosure[], Set<string>>();
const SHORT_LIST = 32;

/** Appends `enclosure` unless the list already has one with the same URL. */
export function pushEnclosure(list: Enclosure[], enclosure: Enclosure | undefined): void {
  if (enclosure === undefined) return;
  if (list.length < SHORT_LIST) {
    for (const known of list) if (known.url === enclosure.url) return;
    list.push(enclosure);
    return;
  }
  let seen = seenUrls.get(list);
  if (seen === undefined) {
    seen = new Set(list.map((known) => known.url));
    seenUrls.set(list, seen);
  }
  if (seen.has(enclosure.url)) return;
  seen.add(enclosure.url);
  list.push(enclosure);
}

/** Returns true when the list has an image enclosure. */
export function hasImage(list: Enclosure[]): boolean {
  for (const enclosure of list) if (enclosure.type?.startsWith('image/')) return true;
  return false;
}

/** Returns an image enclosure for a URL, typed by its extension ("image/*" when unknown). */
export function imageEnclosure(rawUrl: string | undefined, base: string | undefined): Enclosure | undefined {
  const enclosure = makeEnclosure(rawUrl, base, undefined, undefined);
  if (enclosure !== undefined) enclosure.type = guessImageType(enclosure.url);
  return enclosure;
}

/** Appends the rel=enclosure links (Atom, or atom:link in RSS) as enclosures. */
export function pushLinkEnclosures(list: Enclosure[], links: Link[]): void {
  for (const link of links) {
    if (link.rel !== 'enclosure') continue;
    const enclosure: Enclosure = { url: link.href };
    if (link.type !== undefined) enclosure.type = link.type;
    if (link.length !== undefined) enclosure.length = link.length;
    pushEnclosure(list, enclosure);
  }
}
