/**
 * Reading the XmlElement tree: children by (local name, namespace), text, attributes, and
 * re-serialization of mixed content (xhtml constructs, HTML left unescaped in RSS).
 */
import { NS } from './namespaces.ts';
import type { XmlElement, XmlNode } from './types.ts';

/** Returns the element children of `el` in document order. */
export function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) if (typeof child !== 'string') out.push(child);
  return out;
}

/** Returns the first child element with this local name and namespace URI. */
export function findChild(el: XmlElement, local: string, ns: string): XmlElement | undefined {
  for (const child of el.children) {
    if (typeof child !== 'string' && child.local === local && child.ns === ns) return child;
  }
  return undefined;
}

/** Returns every child element with this local name and namespace URI. */
export function findChildren(el: XmlElement, local: string, ns: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of el.children) {
    if (typeof child !== 'string' && child.local === local && child.ns === ns) out.push(child);
  }
  return out;
}

/** Returns all descendant text of `el`, concatenated. */
export function textContent(el: XmlElement): string {
  const children = el.children;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  let out = '';
  for (const child of children) out += typeof child === 'string' ? child : textContent(child);
  return out;
}

/** Returns an attribute by its qualified name as written. */
export function getAttr(el: XmlElement, name: string): string | undefined {
  return el.attrs[name];
}

/** Returns the namespace URI bound to `prefix` where `el` stands. */
function lookupPrefix(el: XmlElement | null, prefix: string): string | undefined {
  if (prefix === 'xml') return NS.XML;
  for (let e = el; e !== null; e = e.parent) {
    const uri = e.attrs[`xmlns:${prefix}`];
    if (uri !== undefined) return uri.trim();
  }
  return undefined;
}

/** Returns a namespaced attribute (rdf:about, xml:lang) by local name and namespace URI, whatever its prefix. */
export function getAttrNs(el: XmlElement, local: string, ns: string): string | undefined {
  for (const key in el.attrs) {
    const colon = key.indexOf(':');
    if (colon <= 0 || key.slice(colon + 1) !== local) continue;
    const prefix = key.slice(0, colon);
    if (prefix === 'xmlns') continue;
    const uri = lookupPrefix(el, prefix);
    if (uri === ns || (uri === undefined && ns.length > 0 && prefix === 'rdf' && ns === NS.RDF)) return el.attrs[key];
  }
  return undefined;
}

/** Returns the xml:lang in effect for `el`, if any. */
export function langOf(el: XmlElement): string | undefined {
  for (let e: XmlElement | null = el; e !== null; e = e.parent) {
    const lang = e.attrs['xml:lang'];
    if (lang !== undefined) return lang.trim() || undefined;
  }
  return undefined;
}

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

function escapeText(value: string): string {
  if (!/[&<>]/.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  if (!/[&<"]/.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function writeNode(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  // XHTML elements lose their prefix so the result reads as plain HTML.
  const name = node.ns === NS.XHTML ? node.local : node.name;
  let out = `<${name}`;
  for (const key in node.attrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    out += ` ${key}="${escapeAttribute(node.attrs[key])}"`;
  }
  if (node.children.length === 0 && VOID_ELEMENTS.has(name.toLowerCase())) return `${out}>`;
  out += '>';
  for (const child of node.children) out += writeNode(child);
  return `${out}</${name}>`;
}

/** Returns the children of `el` serialized as markup (HTML-compatible; XHTML prefixes dropped). */
export function innerXml(el: XmlElement): string {
  let out = '';
  for (const child of el.children) out += writeNode(child);
  return out;
}
