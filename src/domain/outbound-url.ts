/**
 * The one rule for URLs that leave Tidings (docs/republishing.md, "URLs that leave
 * Tidings"): feeds hand Tidings any text as a link, and a `javascript:` or `data:` link
 * handed on becomes script in whatever reader, app or page shows it. So every output that
 * carries a URL (republished feeds, the JSON API, the archive's link lines, OPML, the reading
 * export, the reader, and any sync API) passes it through `outboundUrl`, and a URL it refuses
 * is left out. Only absolute `http:`/`https:` URLs with a host pass, plus what a kind names on
 * purpose: `mailto:` for contacts (authors) and Tidings' own `archive:` name of a feed that
 * was imported from a bare folder. The URL is returned trimmed, otherwise as given (the
 * archive keeps a link's own percent-encoding), never rewritten into something it was not.
 */
import type { Enclosure, Person } from './parsed-feed.ts';

/** What a URL is for: `link` (a page or file to open), `contact` (an author: also `mailto:`), or `feed` (a feed's address: also `archive:`). */
export type OutboundUrlKind = 'link' | 'contact' | 'feed';

// WHATWG URL parsing strips leading and trailing C0 controls and spaces.
const EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
// Browsers drop tabs and line breaks inside a URL, so "java\nscript:" would become a scheme; refuse any control.
const CONTROLS = /[\u0000-\u001f\u007f]/;
const WEB = /^https?:\/\/[^/?#\\\s]/i;
const MAILTO = /^mailto:[^\s<>"\\]+@[^\s<>"\\]+$/i;
const ARCHIVE = /^archive:[^\s/?#\\]+$/;

/** Returns `url` trimmed when it may leave Tidings as `kind` (default `link`), else undefined. */
export function outboundUrl(url: string | undefined, kind: OutboundUrlKind = 'link'): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.replace(EDGES, '');
  if (trimmed === '' || CONTROLS.test(trimmed)) return undefined;
  if (WEB.test(trimmed)) return isWebUrl(trimmed) ? trimmed : undefined;
  if (kind === 'contact' && MAILTO.test(trimmed)) return trimmed;
  if (kind === 'feed' && ARCHIVE.test(trimmed)) return trimmed;
  return undefined;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Returns the person with its URL kept only when it may leave Tidings as a contact (web page or `mailto:`). */
export function outboundPerson(person: Person): Person {
  const { url, ...rest } = person;
  const safe = outboundUrl(url, 'contact');
  return safe === undefined ? rest : { ...rest, url: safe };
}

/** Returns the enclosures whose URL may leave Tidings, each with its URL trimmed; the others are dropped. */
export function outboundEnclosures(enclosures: readonly Enclosure[]): Enclosure[] {
  return enclosures.flatMap((enclosure) => {
    const url = outboundUrl(enclosure.url);
    return url === undefined ? [] : [{ ...enclosure, url }];
  });
}
