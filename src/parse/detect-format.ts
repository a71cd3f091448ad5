/**
 * Format detection from content alone (never the file name or Content-Type, which lie):
 * the first significant character picks JSON or markup, then the document element and its
 * version attribute or namespace pick the format. Deviations seen in the wild (no version,
 * a bare `<channel>` root, an Atom feed without namespace) are read anyway, with a problem.
 */
import type { FeedFormat } from '../domain/parsed-feed.ts';
import { isCdfChannel } from './cdf/read-cdf.ts';
import { findRdfCoreNamespace } from './rdf/read-rdf.ts';
import { NS } from './xml/namespaces.ts';
import type { XmlElement } from './xml/types.ts';

/** What the first significant character says the document is. */
export type Syntax = 'empty' | 'json' | 'markup';

/** An XML feed format with the problems its detection noted, or what the document looked like instead. */
export type XmlDetection =
  | { kind: 'feed'; format: FeedFormat; problems: string[] }
  | { kind: 'not-a-feed'; looksLike: string };

/** Returns the document's syntax from its first character after BOM and whitespace. */
export function sniffSyntax(text: string): Syntax {
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xfeff) i++;
    else return c === 123 /* { */ || c === 91 /* [ */ ? 'json' : 'markup';
  }
  return 'empty';
}

const NETSCAPE_PUBLIC_ID = '-//Netscape Communications//DTD RSS 0.91//EN';
const NETSCAPE_SYSTEM_ID = 'my.netscape.com/publish/formats/rss-0.91.dtd';
const HTML_DOCTYPE = /<!doctype\s+html/i;

/** RSS 0.91 comes in two flavours; Netscape's declares its DTD in a DOCTYPE before the root. */
function isNetscape(text: string): boolean {
  const end = text.indexOf('<rss');
  const head = text.slice(0, end === -1 ? 4096 : end);
  return head.includes(NETSCAPE_PUBLIC_ID) || head.includes(NETSCAPE_SYSTEM_ID);
}

function detectRss(root: XmlElement, text: string): XmlDetection {
  const version = root.attrs.version?.trim();
  switch (version) {
    case '0.91':
      return { kind: 'feed', format: isNetscape(text) ? 'rss091n' : 'rss091u', problems: [] };
    case '0.92':
      return { kind: 'feed', format: 'rss092', problems: [] };
    case '0.93':
      return { kind: 'feed', format: 'rss093', problems: [] };
    case '0.94':
      return { kind: 'feed', format: 'rss094', problems: [] };
    case '2.0':
    case '2.00':
    case '2':
      return { kind: 'feed', format: 'rss20', problems: [] };
    case undefined:
    case '':
      return { kind: 'feed', format: 'rss20', problems: ['rss element without a version; read as RSS 2.0'] };
    default:
      return { kind: 'feed', format: 'rss20', problems: [`unknown RSS version "${version}"; read as RSS 2.0`] };
  }
}

function detectAtom(root: XmlElement): XmlDetection | undefined {
  if (root.ns === NS.ATOM10) return { kind: 'feed', format: 'atom10', problems: [] };
  if (root.ns === NS.ATOM03) return { kind: 'feed', format: 'atom03', problems: [] };
  if (root.attrs.version?.trim() === '0.3')
    return { kind: 'feed', format: 'atom03', problems: ['feed element without the Atom 0.3 namespace'] };
  if (root.ns === '')
    return { kind: 'feed', format: 'atom10', problems: ['feed element without the Atom namespace; read as Atom 1.0'] };
  // An unknown namespace (a new draft, a typo) is read as Atom when the feed holds what Atom feeds hold.
  if (!hasAtomChildren(root)) return undefined;
  return {
    kind: 'feed',
    format: 'atom10',
    problems: [`feed element in the unknown namespace ${root.ns}; read as Atom 1.0`],
  };
}

const ATOM_CHILDREN = new Set(['title', 'entry', 'link', 'id', 'updated', 'subtitle', 'author']);

function hasAtomChildren(root: XmlElement): boolean {
  for (const child of root.children) if (typeof child !== 'string' && ATOM_CHILDREN.has(child.local)) return true;
  return false;
}

function describe(root: XmlElement | null, text: string): string {
  if (root === null)
    return HTML_DOCTYPE.test(text.slice(0, 1024)) ? 'an HTML page, not a feed' : 'plain text, not a feed';
  const local = root.local.toLowerCase();
  if (local === 'html' || local === 'body' || local === 'head' || HTML_DOCTYPE.test(text.slice(0, 1024)))
    return 'an HTML page, not a feed';
  if (local === 'opml') return 'an OPML outline, not a feed';
  return `an XML document with root element <${root.name}>, not a feed`;
}

/** Returns the feed format of a parsed XML document (root element, plus the raw text for the DOCTYPE), or what it looked like. */
export function detectXmlFormat(root: XmlElement | null, text: string): XmlDetection {
  if (root !== null) {
    switch (root.local) {
      case 'rss':
        return detectRss(root, text);
      case 'RDF': {
        const core = findRdfCoreNamespace(root);
        if (core === NS.RSS10) return { kind: 'feed', format: 'rss10', problems: [] };
        if (core === NS.RSS090) return { kind: 'feed', format: 'rss090', problems: [] };
        if (core !== undefined)
          return {
            kind: 'feed',
            format: 'rss10',
            problems: ['RDF channel without the RSS 1.0 namespace; read as RSS 1.0'],
          };
        break;
      }
      case 'feed': {
        const atom = detectAtom(root);
        if (atom !== undefined) return atom;
        break;
      }
      case 'channel':
      case 'CHANNEL':
        if (isCdfChannel(root)) return { kind: 'feed', format: 'cdf', problems: [] };
        return { kind: 'feed', format: 'rss20', problems: ['channel element without an rss root; read as RSS 2.0'] };
    }
  }
  return { kind: 'not-a-feed', looksLike: describe(root, text) };
}
