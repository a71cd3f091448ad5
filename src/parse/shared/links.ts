/**
 * Links and categories: RSS `<link>` text, Atom links (RFC 4287 §4.2.7, also atom:link in
 * RSS), the choice of the main alternate link, and category constructs.
 */
import type { Category, Link } from '../../domain/parsed-feed.ts';
import { NS } from '../xml/namespaces.ts';
import { textContent } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';
import { resolveUrl } from '../../util/resolve-url.ts';
import { parseNumber } from './numbers.ts';
import { toPlainText } from './text.ts';

const IANA_RELATION = 'http://www.iana.org/assignments/relation/';

/** Returns an RSS `<link>` as an alternate text/html link, or undefined when empty. */
export function readRssLink(el: XmlElement): Link | undefined {
  const href = resolveUrl(textContent(el), el.base);
  return href === '' ? undefined : { href, rel: 'alternate', type: 'text/html' };
}

/** Returns an Atom link (rel defaults to alternate; IANA relation URIs are shortened), or undefined without href. */
export function readAtomLink(el: XmlElement): Link | undefined {
  const attrs = el.attrs;
  const rawHref = attrs.href ?? attrs.url;
  if (rawHref === undefined) return undefined;
  const href = resolveUrl(rawHref, el.base);
  if (href === '') return undefined;
  let rel = (attrs.rel ?? '').trim();
  if (rel === '') rel = 'alternate';
  else if (rel.startsWith(IANA_RELATION)) rel = rel.slice(IANA_RELATION.length);
  const link: Link = { href, rel };
  const type = attrs.type?.trim();
  if (type) link.type = type;
  const title = attrs.title === undefined ? undefined : toPlainText(attrs.title);
  if (title !== undefined) link.title = title;
  const hreflang = attrs.hreflang?.trim();
  if (hreflang) link.hreflang = hreflang;
  const length = parseNumber(attrs.length);
  if (length !== undefined) link.length = length;
  return link;
}

function isHtmlType(type: string | undefined): boolean {
  return type === undefined || type === 'text/html' || type === 'application/xhtml+xml';
}

/** Returns the main alternate link: the first rel=alternate HTML link, else the first rel=alternate one. */
export function pickAlternate(links: Link[]): string | undefined {
  let fallback: string | undefined;
  for (const link of links) {
    if (link.rel !== 'alternate') continue;
    if (isHtmlType(link.type)) return link.href;
    fallback ??= link.href;
  }
  return fallback;
}

/** Returns the first link with this rel (and an HTML type when `htmlOnly`), if any. */
export function findLink(links: Link[], rel: string, htmlOnly = false): string | undefined {
  for (const link of links) if (link.rel === rel && (!htmlOnly || isHtmlType(link.type))) return link.href;
  return undefined;
}

/** Appends a category from a term and optional scheme/label, skipping empty terms. */
export function pushCategory(list: Category[], term: string | undefined, scheme?: string, label?: string): void {
  const t = term === undefined ? undefined : toPlainText(term);
  if (t === undefined) return;
  const category: Category = { term: t };
  const s = scheme?.trim();
  if (s) category.scheme = s;
  const l = label === undefined ? undefined : toPlainText(label);
  if (l !== undefined) category.label = l;
  list.push(category);
}

/** Appends an RSS `<category domain>` or dc:subject element as a category. */
export function pushTextCategory(list: Category[], el: XmlElement): void {
  pushCategory(list, textContent(el), el.attrs.domain);
}

/** Appends an Atom `<category term scheme label>` (Atom 0.3 has no category; dc:subject stands in). */
export function pushAtomCategory(list: Category[], el: XmlElement): void {
  pushCategory(list, el.attrs.term ?? textContent(el), el.attrs.scheme, el.attrs.label);
}

/** Returns the links of a list of link elements: Atom ones (atom:link, or all when `allAtom`) by attributes, RSS ones by text. */
export function readLinks(els: XmlElement[] | undefined, allAtom: boolean): Link[] {
  const out: Link[] = [];
  if (els === undefined) return out;
  for (const el of els) {
    const atomStyle =
      allAtom || el.ns === NS.ATOM10 || el.ns === NS.ATOM03 || (el.attrs.href !== undefined && !hasText(el));
    const link = atomStyle ? readAtomLink(el) : readRssLink(el);
    if (link !== undefined) out.push(link);
  }
  return out;
}

function hasText(el: XmlElement): boolean {
  for (const child of el.children) if (typeof child !== 'string' || child.trim() !== '') return true;
  return false;
}
