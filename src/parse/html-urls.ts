/**
 * Resolves the relative URLs inside an HTML fragment (docs/parse-json.md: "URLs inside HTML content
 * are resolved the same way"). This runs on the parser's hot path, which is benchmarked
 * against a C parser, so it uses no DOM and no HTML parser:
 * - one quick test first (may-have-relative-url.ts); most feed HTML has only absolute URLs and
 *   is returned untouched;
 * - otherwise a linear scan that finds tags with `indexOf` and walks each tag's attributes with
 *   one sticky regex (double-quoted, single-quoted and unquoted values, names case-insensitive).
 *   Walking attributes in order, rather than searching the whole string for `src=`, is what
 *   keeps `alt="see src=x"` and text between tags untouched, and keeps hostile input linear:
 *   an unclosed quote swallows the rest of the input, as it does in a browser, and ends the scan.
 * Values are rewritten only when relative; everything else is copied exactly as written.
 * Entities are decoded only for a value that has an `&`, and `&` is re-escaped on writing.
 */
import { decodeHTMLAttribute } from 'entities/decode';
import { isAbsoluteUrl, resolveUrl } from '../util/resolve-url.ts';
import { mayHaveRelativeUrl } from './may-have-relative-url.ts';

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'poster',
  'cite',
  'background',
  'longdesc',
  'usemap',
  'action',
  'formaction',
  'data',
  'lowsrc',
  'dynsrc',
  'icon',
  'manifest',
  'data-src',
  'data-original',
]);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'data-srcset']);

// One attribute: leading separators, the name, and an optional value in one of three quoting styles.
// A quoted value without its closing quote runs to the end of the input (group 3 or 5 then empty).
const ATTRIBUTE =
  /[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)("?)|'([^']*)('?)|([^\t\n\f\r >]*)))?/y;
const TAG_NAME = /[a-zA-Z][^\t\n\f\r />]*/y;
const SPACES = /[\t\n\f\r ]*/y;

/** Returns `html` with every relative URL in its URL attributes (and srcset candidates) resolved against `base`; the input itself when nothing changes. */
export function resolveHtmlUrls(html: string, base: string | undefined): string {
  if (base === undefined || !mayHaveRelativeUrl(html)) return html;
  let out = '';
  let copied = 0;
  let pos = html.indexOf('<');
  while (pos !== -1 && pos < html.length - 1) {
    if (html.startsWith('<!--', pos)) {
      const end = html.indexOf('-->', pos + 4);
      if (end === -1) break;
      pos = html.indexOf('<', end + 3);
      continue;
    }
    TAG_NAME.lastIndex = pos + 1;
    if (!TAG_NAME.test(html)) {
      pos = html.indexOf('<', pos + 1);
      continue;
    }
    let at = TAG_NAME.lastIndex;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const m = ATTRIBUTE.exec(html);
      if (m === null) break;
      at = ATTRIBUTE.lastIndex;
      if ((m[2] !== undefined && m[3] === '') || (m[4] !== undefined && m[5] === '')) return finish(html, out, copied);
      const raw = m[2] ?? m[4] ?? m[6];
      if (raw === undefined || raw === '') continue;
      const name = m[1].toLowerCase();
      const isSrcset = SRCSET_ATTRIBUTES.has(name);
      if (!isSrcset && !URL_ATTRIBUTES.has(name)) continue;
      const rewritten = isSrcset ? rewriteSrcset(raw, base) : rewriteUrl(raw, base);
      if (rewritten === raw) continue;
      const quote = m[2] !== undefined ? '"' : m[4] !== undefined ? "'" : '';
      const valueEnd = at - quote.length;
      out += html.slice(copied, valueEnd - raw.length - quote.length) + quoteValue(rewritten, quote);
      copied = valueEnd + quote.length;
    }
    SPACES.lastIndex = at;
    SPACES.test(html);
    pos = html.indexOf('<', SPACES.lastIndex);
  }
  return finish(html, out, copied);
}

function finish(html: string, out: string, copied: number): string {
  return copied === 0 ? html : out + html.slice(copied);
}

/** Returns the attribute value (as written) with its URL resolved, or `raw` itself when it is absolute, a fragment or empty. */
function rewriteUrl(raw: string, base: string): string {
  const value = raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.startsWith('#') || isAbsoluteUrl(trimmed)) return raw;
  const resolved = resolveUrl(trimmed, base);
  return resolved === trimmed ? raw : resolved.replaceAll('&', '&amp;');
}

/** Returns a srcset value with each candidate's URL rewritten; descriptors and separators are kept as written. */
function rewriteSrcset(raw: string, base: string): string {
  let out = '';
  let pos = 0;
  while (pos < raw.length) {
    const start = pos;
    while (pos < raw.length && ' \t\n\f\r,'.includes(raw[pos])) pos++;
    let end = pos;
    while (end < raw.length && !' \t\n\f\r'.includes(raw[end])) end++;
    let urlEnd = end;
    while (urlEnd > pos && raw[urlEnd - 1] === ',') urlEnd--;
    out += raw.slice(start, pos) + rewriteUrl(raw.slice(pos, urlEnd), base);
    pos = urlEnd;
    if (urlEnd < end) continue;
    let depth = 0;
    for (; pos < raw.length; pos++) {
      const c = raw[pos];
      if (c === ',' && depth === 0) break;
      if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
    }
    out += raw.slice(end, pos);
  }
  return out;
}

/** Returns the value ready to write back with its original quoting; an unquoted value that now needs quotes gets double quotes. */
function quoteValue(value: string, quote: string): string {
  if (quote === '"') return `"${value.replaceAll('"', '&quot;')}"`;
  if (quote === "'") return `'${value.replaceAll("'", '&#39;')}'`;
  return /[\t\n\f\r "'=<>`]/.test(value) ? `"${value.replaceAll('"', '&quot;')}"` : value;
}
