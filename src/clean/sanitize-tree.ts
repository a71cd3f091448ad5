/**
 * The sanitizer as a pass over the cleaning pipeline's own tree: writes exactly the string
 * `sanitizeHtml(renderNodes(root))` would, without serializing the tree and parsing it again.
 * It applies sanitize-policy.ts (the allowlist sanitize-html.ts also uses) the way the
 * `sanitize-html` package 2.17 (pinned) applies its options: discard mode, the tag's own transform
 * then `*`, the attribute checks with the package's own defaults (non-boolean, URL and empty-allowed
 * attributes), launder's scheme test, srcset re-written as parse-srcset does, the empty-image
 * filter, `&<>"` escaping.
 *
 * Why: in a profile of a cold refresh round, sanitize-html's second htmlparser2 parse, its
 * per-tag frames and escaping were a large share of cleanHtml, and walking the tree costs a
 * small part of that (bench/README.md, "Cleaning: the sanitizer as a pass over the tree").
 *
 * Equality holds when the tree re-parses to itself. It does for trees htmlparser2 built and
 * the steps then pruned (they remove nodes and swap an iframe for a link, never re-parent),
 * except around elements whose serialization is not plain HTML: raw-text and unescaped
 * elements (script, style, xmp, noscript, plaintext …), foreign content (svg, math: written
 * in XML mode), and comments or directives. For those renderSanitizedTree returns undefined
 * and cleanHtml takes the string path. sanitize-tree.test.ts and the cleaning corpora
 * check the equality against sanitize-html itself.
 */
import { type ChildNode, Element, type ParentNode, Text } from 'domhandler';
import sanitize from 'sanitize-html';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_SCHEMES,
  ALLOWED_SCHEMES_BY_TAG,
  ALLOWED_TAGS,
  type Attributes,
  DROPPED,
  FORCED_ATTRIBUTES,
  forceAttributes,
  isEmptyImage,
  renameTag,
  SELF_CLOSING,
  TAG_TRANSFORMS,
  withCleanSrcset,
} from './sanitize-policy.ts';

/** Elements whose content dom-serializer does not write as plain, escaped HTML, or that htmlparser2 reads as raw text. */
const STRING_PATH_TAGS = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
  'noscript',
  'title',
  'textarea',
  'svg',
  'math',
]);
const ALLOWED = new Set(ALLOWED_TAGS);
const SELF = new Set(SELF_CLOSING);
const GLOBAL_ATTRIBUTES = new Set(ALLOWED_ATTRIBUTES['*']);
const TAG_ATTRIBUTES = new Map(Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, new Set(names)]));
// sanitize-html's own defaults for the options Tidings does not set, read from the package rather than copied.
const URL_ATTRIBUTES = new Set(sanitize.defaults.allowedSchemesAppliedToAttributes);
const NON_BOOLEAN = new Set(sanitize.defaults.nonBooleanAttributes);
const EMPTY_ALLOWED = new Set(
  (sanitize.defaults as { allowedEmptyAttributes?: string[] }).allowedEmptyAttributes ?? ['alt'],
);
const VALID_ATTRIBUTE_NAME = /^[^\0\t\n\f\r /<=>]+$/;
// Only allowlisted names get past the first check; when all of them are valid names, the name test cannot fail.
const NAME_TEST_NEEDED = !Object.values(ALLOWED_ATTRIBUTES)
  .flat()
  .every((name) => VALID_ATTRIBUTE_NAME.test(name));
const SCHEME = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/;
const IGNORED_IN_URL = /[\x00-\x20]+/g;
const TEXT_SPECIAL = /[&<>]/;
const ATTRIBUTE_SPECIAL = /[&<>"]/;

/** launder 1.7's naughtyHref with sanitize-html's options: true when `href`'s scheme is not allowed for `tag`. */
function isNaughtyHref(tag: string, href: string): boolean {
  // Exact shortcuts: http(s) is allowed for every tag, and launder's cleaning only removes characters, so a URL
  // without a colon never gains a scheme (protocol-relative URLs are allowed too).
  if (href.startsWith('https:') || href.startsWith('http:') || !href.includes(':')) return false;
  let url = href.replace(IGNORED_IN_URL, '');
  for (;;) {
    const first = url.indexOf('<!--');
    if (first === -1) break;
    const last = url.indexOf('-->', first + 4);
    if (last === -1) break;
    url = url.substring(0, first) + url.substring(last + 3);
  }
  const scheme = SCHEME.exec(url);
  if (scheme === null) return false;
  const allowed = Object.hasOwn(ALLOWED_SCHEMES_BY_TAG, tag) ? ALLOWED_SCHEMES_BY_TAG[tag] : ALLOWED_SCHEMES;
  return !allowed.includes(scheme[1].toLowerCase());
}

/**
 * Returns a srcset as parse-srcset + sanitize-html re-write it, or undefined when no candidate is left. The input is
 * transformAnyTag's output: candidates `url[ descriptor…]` joined by ', ', descriptors already valid (none, `Nw`, `Nw Nh`, `Fx`).
 */
function rewriteSrcset(srcset: string): string | undefined {
  const kept: string[] = [];
  for (const candidate of srcset.split(', ')) {
    const [url, ...descriptors] = candidate.split(' ');
    if (isNaughtyHref('srcset', url)) continue;
    let w = '';
    let h = '';
    let d = '';
    for (const descriptor of descriptors) {
      const kind = descriptor[descriptor.length - 1];
      const value = descriptor.slice(0, -1);
      if (kind === 'w') w = ` ${Number.parseInt(value, 10)}w`;
      else if (kind === 'h') h = ` ${Number.parseInt(value, 10)}h`;
      else d = ` ${Number.parseFloat(value)}x`;
    }
    kept.push(url + w + h + d);
  }
  return kept.length > 0 ? kept.join(', ') : undefined;
}

function escapeText(text: string): string {
  return TEXT_SPECIAL.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
}

function escapeAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value) ? escapeText(value).replace(/"/g, '&quot;') : value;
}

/** Returns the opening tag (without its `>`), or undefined for an image left without a source (sanitize-html's exclusiveFilter). */
function openTag(
  written: string,
  name: string,
  attribs: Attributes,
  forced: Readonly<Attributes> | undefined,
): string | undefined {
  const own = TAG_ATTRIBUTES.get(name);
  let tag = `<${name}`;
  let src: string | undefined;
  let srcset: string | undefined;
  // The order of `{ ...attribs, ...forced }`: the feed's names (a forced value in place), then forced names it lacked.
  const names =
    forced === undefined
      ? Object.keys(attribs)
      : [...Object.keys(attribs), ...Object.keys(forced).filter((a) => !Object.hasOwn(attribs, a))];
  // sanitize-html's checks are independent filters, so the cheapest (the allowlist) runs first here.
  for (const a of names) {
    if (!(own?.has(a) || GLOBAL_ATTRIBUTES.has(a))) continue;
    let value = forced !== undefined && Object.hasOwn(forced, a) ? forced[a] : attribs[a];
    if (NAME_TEST_NEEDED && !VALID_ATTRIBUTE_NAME.test(a)) continue;
    if (value === '' && !EMPTY_ALLOWED.has(a) && NON_BOOLEAN.has(a)) continue;
    if (URL_ATTRIBUTES.has(a) && isNaughtyHref(name, value)) continue;
    if (a === 'srcset') {
      const rewritten = rewriteSrcset(value);
      if (rewritten === undefined) continue;
      value = srcset = rewritten;
    } else if (a === 'src') src = value;
    tag += ` ${a}`;
    if (value !== '') tag += `="${escapeAttribute(value)}"`;
    else if (EMPTY_ALLOWED.has(a)) tag += '=""';
  }
  if (written !== 'img') return tag;
  const kept: Attributes = {};
  if (src !== undefined) kept.src = src;
  if (srcset !== undefined) kept.srcset = srcset;
  return isEmptyImage(written, kept) ? undefined : tag;
}

/** The output so far, shared by the whole walk. */
interface Writer {
  out: string;
}

/** Appends the sanitized form of `nodes`; returns false when a node needs the string path. */
function writeNodes(nodes: readonly ChildNode[], writer: Writer): boolean {
  for (const node of nodes) {
    if (node instanceof Text) {
      writer.out += escapeText(node.data);
      continue;
    }
    if (!(node instanceof Element)) return false;
    const written = node.name;
    if (STRING_PATH_TAGS.has(written)) return false;
    // transformTags: the tag's own transform, then `*` (transformAnyTag, here as its two halves).
    // The forced attributes (links, media) are merged while writing rather than into a copy: the same names, values and order.
    let name = written;
    let attribs = node.attribs;
    const forced =
      Object.hasOwn(FORCED_ATTRIBUTES, written) && TAG_TRANSFORMS[written] === forceAttributes
        ? FORCED_ATTRIBUTES[written]
        : undefined;
    if (forced === undefined && Object.hasOwn(TAG_TRANSFORMS, written))
      ({ tagName: name, attribs } = TAG_TRANSFORMS[written](written, attribs));
    name = renameTag(name);
    attribs = withCleanSrcset(attribs);
    if (!ALLOWED.has(name)) {
      if (DROPPED.has(name)) continue;
      if (!writeNodes(node.children, writer)) return false;
      continue;
    }
    const tag = openTag(written, name, attribs, forced);
    if (tag === undefined) {
      if (!writeNodes(node.children, { out: '' })) return false;
      continue;
    }
    const self = SELF.has(name);
    writer.out += self ? `${tag} />` : `${tag}>`;
    if (!writeNodes(node.children, writer)) return false;
    if (!self) writer.out += `</${name}>`;
  }
  return true;
}

/** Returns what sanitizeHtml(renderNodes(root)) returns, computed on the tree; undefined when the tree needs the string path. */
export function renderSanitizedTree(root: ParentNode): string | undefined {
  const writer: Writer = { out: '' };
  return writeNodes(root.children, writer) ? writer.out : undefined;
}
