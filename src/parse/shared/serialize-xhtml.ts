/**
 * Serializes inline XHTML (Atom type="xhtml", 0.3 mode="xml", xhtml:body) to HTML while
 * resolving each URL attribute against the xml:base in effect on *its own* element, which
 * a pass over the finished string (resolveHtmlUrls) cannot know. xml:base and namespace
 * declarations are dropped: they mean nothing in HTML once the URLs are absolute.
 */
import { resolveUrl } from '../../util/resolve-url.ts';
import { NS } from '../xml/namespaces.ts';
import type { XmlElement, XmlNode } from '../xml/types.ts';

const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'background', 'longdesc', 'usemap', 'action', 'data']);
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const TEXT_SPECIALS = /[&<>]/;
const ATTRIBUTE_SPECIALS = /[&<"]/;
const WHITESPACE_RUNS = /\s+/;

function escapeText(value: string): string {
  if (!TEXT_SPECIALS.test(value)) return value;
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIALS.test(value)) return value;
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

function resolveSrcset(value: string, base: string | undefined): string {
  return value
    .split(',')
    .map((candidate) => {
      const parts = candidate.trim().split(WHITESPACE_RUNS);
      if (parts[0] === '') return candidate.trim();
      parts[0] = resolveUrl(parts[0], base);
      return parts.join(' ');
    })
    .join(', ');
}

function writeNode(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  const name = node.ns === NS.XHTML ? node.local : node.name;
  let out = `<${name}`;
  for (const key in node.attrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:') || key === 'xml:base') continue;
    let value = node.attrs[key];
    const lower = key.toLowerCase();
    if (URL_ATTRIBUTES.has(lower)) value = resolveUrl(value, node.base);
    else if (lower === 'srcset') value = resolveSrcset(value, node.base);
    out += ` ${key}="${escapeAttribute(value)}"`;
  }
  if (node.children.length === 0 && VOID_ELEMENTS.has(name.toLowerCase())) return `${out}>`;
  out += '>';
  for (const child of node.children) out += writeNode(child);
  return `${out}</${name}>`;
}

/** Returns the children of `el` as HTML markup with every URL attribute made absolute per element. */
export function serializeXhtml(el: XmlElement): string {
  let out = '';
  for (const child of el.children) out += writeNode(child);
  return out;
}
