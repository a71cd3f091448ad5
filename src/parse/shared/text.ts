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
const WHITESPACE_RUNS = /\s+/g;
/** Whitespace that collapsing would change: any but a lone space (a regex test allocates nothing; a replace builds a new string even when nothing changes). */
const COLLAPSIBLE = /[^\S ]| \s/;
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

/** Returns the element's text as a plain-text title, or undefined when empty. */
export function readTitle(el: XmlElement): string | undefined {
  return toPlainText(textContent(el));
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

/** Returns a value whose type the format does not say: HTML when it carries (possibly escaped) markup, else plain text. */
export function readLooseText(el: XmlElement): TypedText | undefined {
  if (hasElementChildren(el)) return asHtml(finishHtml(innerXml(el), el.base));
  return looseText(textContent(el), el.base);
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
      return readLooseText(el);
    case 'html':
    case 'text/html':
      return asHtml(readHtml(el));
    case 'xhtml':
    case 'application/xhtml+xml':
      return asHtml(readXhtml(el));
    default:
      // RFC 4287 §4.1.3.3: other text/* is text, XML types are markup, the rest base64.
      if (type.startsWith('text/')) return readLooseText(el);
      if (type.endsWith('+xml') || type.endsWith('/xml')) return asHtml(readInlineXhtml(el));
      return undefined;
  }
}

function readAtom03Text(el: XmlElement, type: string): TypedText | undefined {
  const mode = (el.attrs.mode ?? 'xml').trim().toLowerCase();
  const isHtml = type.includes('html');
  if (mode === 'base64') {
    const decoded = readBase64(el);
    return isHtml ? asHtml(finishHtml(decoded, el.base)) : looseText(decoded, el.base);
  }
  if (mode === 'escaped') return isHtml ? asHtml(readHtml(el)) : readLooseText(el);
  if (isHtml) return asHtml(hasElementChildren(el) ? readXhtml(el) : readHtml(el));
  return readLooseText(el);
}

/** Reads an Atom title: plain text (markup stripped) unless the feed declares it html or xhtml. */
export function readAtomTitle(el: XmlElement, atom03: boolean): TypedText | undefined {
  const declared = el.attrs.type;
  if (declared === undefined || !declared.toLowerCase().includes('html')) {
    const value = atom03 && el.attrs.mode?.trim() === 'base64' ? toPlainText(readBase64(el)) : readTitle(el);
    return value === undefined ? undefined : { value, type: 'text' };
  }
  return readAtomText(el, atom03);
}
