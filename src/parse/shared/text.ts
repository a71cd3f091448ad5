/**
 * Text constructs shared by the format adapters: titles and other plain-text values
 * (entities decoded once more when double-escaped, markup stripped), HTML values (markup
 * left unescaped in the document re-serialized, double-escaped HTML unescaped once,
 * relative URLs resolved), and Atom's typed constructs (type=text|html|xhtml, 0.3 mode).
 * Uses `entities` (fb55) for decoding: it carries the full HTML named-entity table.
 * Every regex is compiled once, here, and each is linear in its input.
 */
import { decodeHTML } from 'entities/decode';
import { NS } from '../xml/namespaces.ts';
import { innerXml, textContent } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';
import type { TextType } from '../../domain/parsed-feed.ts';
import { resolveHtmlUrls } from '../html-urls.ts';
import { htmlEntity } from '../xml/entities.ts';
import { serializeXhtml } from './serialize-xhtml.ts';

/** A value with its type, as the adapters store it. */
export interface TypedText {
  value: string;
  type: TextType;
}

// A comment start is enough to call it markup; stripping an unclosed comment takes the rest,
// which keeps both regexes linear on hostile input.
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?\/?>|<!--/;
const TAGS = /<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?(?:-->|$)/g;
const ENTITY = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]{1,31});/;
/** XML whitespace only: a no-break space in a title is kept. */
const WHITESPACE_RUNS = /[ \t\r\n]+/g;
/** Whitespace that collapsing would change: any but a lone space (a regex test allocates nothing; a replace builds a new string even when nothing changes). */
const COLLAPSIBLE = /[\t\r\n]| [ \t\r\n]/;
/** C0 controls other than tab, line feed and carriage return (XML 1.0 §2.2 forbids them; feeds still carry them). */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Escaped markup at the very start, or an escaped end tag: the usual double-escaped HTML. */
const ESCAPED_MARKUP = /^\s*&lt;[a-zA-Z!]|&lt;\/[a-zA-Z][a-zA-Z0-9]*&gt;/;

/** Returns true when `el` has element children (markup left unescaped inside it). */
export function hasElementChildren(el: XmlElement): boolean {
  for (const child of el.children) if (typeof child !== 'string') return true;
  return false;
}

/** Returns true when `value` contains an HTML tag or comment. */
export function hasMarkup(value: string): boolean {
  return value.indexOf('<') !== -1 && TAG.test(value);
}

/** Returns `value` as plain text: tags stripped, entities decoded (once more when double-escaped), whitespace collapsed unless `keepLines`; undefined when empty. */
export function toPlainText(value: string, keepLines = false): string | undefined {
  let s = value;
  if (hasMarkup(s)) {
    s = s.replace(TAGS, '');
    if (s.indexOf('&') !== -1) s = decodeHTML(s);
  } else if (s.indexOf('&') !== -1 && ENTITY.test(s)) {
    s = decodeHTML(s);
    if (hasMarkup(s)) s = s.replace(TAGS, '');
  }
  s = s.replace(CONTROLS, '');
  if (!keepLines && COLLAPSIBLE.test(s)) s = s.replace(WHITESPACE_RUNS, ' ');
  s = s.trim();
  return s === '' ? undefined : s;
}

/** Returns `value` as a text value exactly as written: control characters removed, whitespace collapsed unless `keepLines`, nothing else changed (a `<` in text is text); undefined when empty. */
export function plainText(value: string, keepLines = false): string | undefined {
  let s = value.replace(CONTROLS, '');
  if (!keepLines && COLLAPSIBLE.test(s)) s = s.replace(WHITESPACE_RUNS, ' ');
  s = s.trim();
  return s === '' ? undefined : s;
}

/** Elements feedparser accepts in a value that "looks like HTML" (its sanitizer's allow-list). */
const HTML_ELEMENTS = new Set(
  (
    'a abbr acronym address area article aside audio b big blockquote br button canvas caption center cite code ' +
    'col colgroup command datagrid datalist dd del details dfn dialog dir div dl dt em event-source fieldset ' +
    'figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i img input ins kbd keygen label legend li m ' +
    'map menu meter multicol nav nextid noscript ol optgroup option output p pre progress q s samp section select ' +
    'small sound source spacer span strike strong sub sup table tbody td textarea tfoot th thead time tr tt u ul ' +
    'var video'
  ).split(' '),
);
const CLOSE_TAG = /<\/\w+>/;
const ANY_ENTITY = /&#?\w+;/;
const TAG_NAMES = /<\/?(\w+)/g;
const NAMED_ENTITIES = /&(\w+);/g;

/**
 * Returns true when a value of open type (an RSS title, an iTunes summary) is HTML, decided
 * as feedparser decides it: it must have an end tag or an entity reference, and every tag
 * must be an ordinary HTML element and every entity a known one. "Why <div> soup hurts" is
 * text (no end tag); "It's <b>bold</b>" is HTML.
 */
export function looksLikeHtml(value: string): boolean {
  if (value.indexOf('<') === -1 && value.indexOf('&') === -1) return false;
  if (!CLOSE_TAG.test(value) && !ANY_ENTITY.test(value)) return false;
  for (const match of value.matchAll(TAG_NAMES)) if (!HTML_ELEMENTS.has(match[1].toLowerCase())) return false;
  for (const match of value.matchAll(NAMED_ENTITIES)) if (htmlEntity(match[1]) === undefined) return false;
  return true;
}

/** Reads an element whose type the format leaves open (RSS title, copyright, iTunes summary): HTML when it holds markup or looks like HTML, else text as written (whitespace collapsed unless `keepLines`). */
export function readOpenText(el: XmlElement, keepLines = false): TypedText | undefined {
  if (hasElementChildren(el)) return asHtml(finishHtml(innerXml(el), el.base));
  const raw = textContent(el);
  if (looksLikeHtml(raw)) return asHtml(finishHtml(raw, el.base));
  const value = plainText(raw, keepLines);
  return value === undefined ? undefined : { value, type: 'text' };
}

/** Returns an RSS-style title (RSS, Dublin Core, Media RSS): text as written, or HTML when it looks like HTML. */
export function readTitle(el: XmlElement): TypedText | undefined {
  return readOpenText(el);
}

/** Returns `html` with double-escaped markup unescaped once and relative URLs resolved against `base`. */
export function finishHtml(html: string, base: string | undefined): string | undefined {
  let s = html.trim();
  if (s === '') return undefined;
  if (s.indexOf('<') === -1 && s.indexOf('&lt;') !== -1 && ESCAPED_MARKUP.test(s)) s = decodeHTML(s).trim();
  if (base !== undefined && s.indexOf('<') !== -1) s = resolveHtmlUrls(s, base);
  return s;
}

/** Returns an element meant to hold HTML (RSS description, content:encoded) as HTML; unescaped child elements are re-serialized. */
export function readHtml(el: XmlElement): string | undefined {
  return finishHtml(hasElementChildren(el) ? innerXml(el) : textContent(el), el.base);
}

/** Returns a longer value whose type the format does not say (iTunes summary, media:description): as readOpenText, keeping line breaks. */
export function readLooseText(el: XmlElement): TypedText | undefined {
  return readOpenText(el, true);
}

/** Returns a declared text construct exactly as written: its text, or its child markup as literal text (feedparser does the same); line breaks kept unless `collapse`. */
function readLiteralText(el: XmlElement, collapse: boolean): TypedText | undefined {
  const value = plainText(hasElementChildren(el) ? innerXml(el) : textContent(el), !collapse);
  return value === undefined ? undefined : { value, type: 'text' };
}

/** Returns a string of unknown type as HTML when it carries markup, else as plain text. */
export function looseText(raw: string, base: string | undefined): TypedText | undefined {
  if (hasMarkup(raw) || (raw.indexOf('&lt;') !== -1 && ESCAPED_MARKUP.test(raw))) return asHtml(finishHtml(raw, base));
  const value = toPlainText(raw, true);
  return value === undefined ? undefined : { value, type: 'text' };
}

function asHtml(value: string | undefined): TypedText | undefined {
  return value === undefined ? undefined : { value, type: 'html' };
}

/** Returns the XHTML div's children serialized (the wrapper div itself is not content, RFC 4287 §3.1.1.3). */
function readXhtml(el: XmlElement): string | undefined {
  for (const child of el.children) {
    if (typeof child !== 'string' && child.local === 'div' && (child.ns === NS.XHTML || child.ns === '')) {
      return trimToUndefined(serializeXhtml(child));
    }
  }
  return trimToUndefined(serializeXhtml(el));
}

function trimToUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Returns inline XHTML (xhtml:body) as HTML with its URLs resolved per element. */
export function readInlineXhtml(el: XmlElement): string | undefined {
  return trimToUndefined(serializeXhtml(el));
}

function readBase64(el: XmlElement): string {
  return Buffer.from(textContent(el).trim(), 'base64').toString('utf8');
}

/** Reads an Atom 1.0 text construct (RFC 4287 §3.1), or an Atom 0.3 one with its `mode`; xhtml is returned as html. */
export function readAtomText(el: XmlElement, atom03: boolean): TypedText | undefined {
  const type = (el.attrs.type ?? '').trim().toLowerCase();
  if (atom03) return readAtom03Text(el, type);
  switch (type) {
    case '':
    case 'text':
    case 'text/plain':
      return readLiteralText(el, false);
    case 'html':
    case 'text/html':
      return asHtml(readHtml(el));
    case 'xhtml':
    case 'application/xhtml+xml':
      return asHtml(readXhtml(el));
    default:
      // RFC 4287 §4.1.3.3: other text/* is text, XML types are markup, the rest base64.
      if (type.startsWith('text/')) return readLiteralText(el, false);
      if (type.endsWith('+xml') || type.endsWith('/xml')) return asHtml(readInlineXhtml(el));
      return undefined;
  }
}

function readAtom03Text(el: XmlElement, type: string): TypedText | undefined {
  const mode = (el.attrs.mode ?? 'xml').trim().toLowerCase();
  const isHtml = type.includes('html');
  if (mode === 'base64') {
    const decoded = readBase64(el);
    if (isHtml) return asHtml(finishHtml(decoded, el.base));
    const value = plainText(decoded, true);
    return value === undefined ? undefined : { value, type: 'text' };
  }
  if (mode === 'escaped') return isHtml ? asHtml(readHtml(el)) : readLiteralText(el, false);
  if (isHtml) return asHtml(hasElementChildren(el) ? readXhtml(el) : readHtml(el));
  return readLiteralText(el, false);
}

/** Reads an Atom title: text exactly as written (whitespace collapsed) unless the feed declares it html or xhtml. */
export function readAtomTitle(el: XmlElement, atom03: boolean): TypedText | undefined {
  const declared = el.attrs.type;
  if (declared === undefined || !declared.toLowerCase().includes('html')) {
    if (atom03 && el.attrs.mode?.trim() === 'base64') {
      const value = plainText(readBase64(el));
      return value === undefined ? undefined : { value, type: 'text' };
    }
    return readLiteralText(el, true);
  }
  return readAtomText(el, atom03);
}
