/**
 * The sanitizer's policy, shared by its two runners so their rules cannot drift: the
 * allowlist of tags and attributes, URL schemes, the tags dropped with their content, and the
 * per-tag transforms. sanitize-html.ts hands it to the `sanitize-html` package (any string);
 * sanitize-tree.ts applies it to the cleaning pipeline's own tree (the last step of cleanHtml).
 * Decisions are in sanitize-html.ts' header.
 */

/** An element's attributes, name → value. */
export type Attributes = Record<string, string>;

/** What a transform returns: the tag's (possibly new) name and attributes. */
export interface TransformedTag {
  tagName: string;
  attribs: Attributes;
}

/** A per-tag transform, as sanitize-html's `transformTags` takes it. */
export type TagTransform = (tagName: string, attribs: Attributes) => TransformedTag;

/** The tags kept. */
export const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'del',
  'ins',
  'blockquote',
  'q',
  'cite',
  'pre',
  'code',
  'abbr',
  'time',
  'span',
  'div',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'a',
  'details',
  'summary',
  'ruby',
  'rt',
  'rp',
  'wbr',
];
const ALLOWED = new Set(ALLOWED_TAGS);

/** The attributes kept per tag (`*`: on every tag). */
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['lang', 'dir', 'title'],
  a: ['href', 'rel'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height'],
  source: ['src', 'srcset', 'sizes', 'type', 'media'],
  video: ['src', 'poster', 'width', 'height', 'controls', 'loop', 'muted', 'playsinline', 'preload'],
  audio: ['src', 'controls', 'loop', 'muted', 'preload'],
  track: ['src', 'kind', 'srclang', 'label', 'default'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  th: ['colspan', 'rowspan', 'scope', 'headers', 'abbr'],
  td: ['colspan', 'rowspan', 'headers'],
  col: ['span'],
  colgroup: ['span'],
  details: ['open'],
};

/** Tags dropped together with everything inside them (when not allowed, which none of these is). */
export const DROP_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'xmp',
  'title',
  'template',
  'noembed',
  'noframes',
  'iframe',
  'svg',
  'head',
  'frameset',
];
/** DROP_WITH_CONTENT as a set. */
export const DROPPED = new Set(DROP_WITH_CONTENT);

// htmlparser2's void elements: they have no content, so discarding them changes no structure.
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

// Unknown tags that htmlparser2 lets close an open <p> (its openImpliesClose table) become div.
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'fieldset',
  'footer',
  'form',
  'header',
  'main',
  'nav',
  'section',
]);

const RASTER_DATA_URL = /^data:image\/(?:png|gif|jpeg|webp)[;,]/i;

// Browsers ignore C0 controls and spaces inside a scheme (the same cleaning launder does).
const IGNORED_IN_URL = /[\x00-\x20]+/g;

function keepRasterDataSrc(tagName: string, attribs: Attributes): TransformedTag {
  const src = attribs.src?.replace(IGNORED_IN_URL, '');
  if (src === undefined || !/^data:/i.test(src) || RASTER_DATA_URL.test(src)) return { tagName, attribs };
  const { src: _dropped, ...rest } = attribs;
  return { tagName, attribs: rest };
}

/** Returns true for an image left with nothing to show (its only source was unsafe): noise, dropped. `tag` is the name as written. */
export function isEmptyImage(tag: string, attribs: Attributes): boolean {
  return tag === 'img' && !attribs.src && !attribs.srcset;
}

const SRCSET_SPACE = /[ \t\n\f\r]/;
const FLOAT = /^-?(?:\d+|\d*\.\d+)(?:[eE][+-]?\d+)?$/;
const SAFE_SRCSET_URL = /^(?:https?:|[^:]*$|[^:/?#]*[/?#])/i;

/** Returns true when a candidate's descriptors are what parse-srcset accepts without error: none, `Nw`, `Nw Nh`, or `Fx`. */
function isValidDescriptorList(descriptors: string[]): boolean {
  const kinds = descriptors
    .map((d) => d.slice(-1))
    .sort()
    .join('');
  if (kinds !== '' && kinds !== 'w' && kinds !== 'hw' && kinds !== 'x') return false;
  return descriptors.every((d) => {
    const value = d.slice(0, -1);
    return d.endsWith('x')
      ? FLOAT.test(value) && Number.parseFloat(value) > 0
      : /^\d+$/.test(value) && Number(value) > 0;
  });
}

/**
 * Returns `srcset` with only the well-formed candidates whose URL is http(s) or relative (HTML §4.8.4.3.10
 * splitting), or undefined when none is left. Done before sanitize-html because its srcset parser
 * console.logs every malformed descriptor, and stdout is where `tidings parse` prints JSON.
 */
function cleanSrcset(srcset: string): string | undefined {
  const kept: string[] = [];
  let pos = 0;
  while (pos < srcset.length) {
    while (pos < srcset.length && (SRCSET_SPACE.test(srcset[pos]) || srcset[pos] === ',')) pos++;
    let end = pos;
    while (end < srcset.length && !SRCSET_SPACE.test(srcset[end])) end++;
    if (end === pos) break;
    let url = srcset.slice(pos, end);
    pos = end;
    const descriptors: string[] = [];
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      let current = '';
      for (; pos < srcset.length; pos++) {
        const c = srcset[pos];
        if (depth === 0 && c === ',') {
          pos++;
          break;
        }
        if (c === '(') depth++;
        else if (c === ')' && depth > 0) depth--;
        if (depth === 0 && SRCSET_SPACE.test(c)) {
          if (current !== '') descriptors.push(current);
          current = '';
        } else current += c;
      }
      if (current !== '') descriptors.push(current);
    }
    const safe = SAFE_SRCSET_URL.test(url.replace(IGNORED_IN_URL, ''));
    if (url !== '' && safe && isValidDescriptorList(descriptors)) kept.push([url, ...descriptors].join(' '));
  }
  return kept.length > 0 ? kept.join(', ') : undefined;
}

/** Returns the name a tag is written with: allowed, dropped and void tags keep theirs, others become span (div for those that close an open p). */
export function renameTag(tagName: string): string {
  if (ALLOWED.has(tagName) || DROPPED.has(tagName) || VOID.has(tagName)) return tagName;
  return CLOSES_P.has(tagName) ? 'div' : 'span';
}

/** Returns `attribs` with its srcset pre-cleaned (a copy), or `attribs` itself when it has no srcset. */
export function withCleanSrcset(attribs: Attributes): Attributes {
  if (attribs.srcset === undefined) return attribs;
  const cleaned = cleanSrcset(attribs.srcset);
  const result: Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (name !== 'srcset') result[name] = value;
    else if (cleaned !== undefined) result[name] = cleaned;
  }
  return result;
}

/** The transform every tag goes through: unknown tags renamed, srcset pre-cleaned. */
export function transformAnyTag(tagName: string, attribs: Attributes): TransformedTag {
  return { tagName: renameTag(tagName), attribs: withCleanSrcset(attribs) };
}

/** Attributes some tags always get, over what the feed wrote: links `rel="noopener noreferrer"`, media `controls`. */
export const FORCED_ATTRIBUTES: Readonly<Record<string, Readonly<Attributes>>> = {
  a: { rel: 'noopener noreferrer' },
  video: { controls: '' },
  audio: { controls: '' },
};

/** The transform of the tags in FORCED_ATTRIBUTES. */
export function forceAttributes(tagName: string, attribs: Attributes): TransformedTag {
  return { tagName, attribs: { ...attribs, ...FORCED_ATTRIBUTES[tagName] } };
}

/** The transforms by tag name, run before `transformAnyTag` (sanitize-html's order). */
export const TAG_TRANSFORMS: Readonly<Record<string, TagTransform>> = {
  img: keepRasterDataSrc,
  a: forceAttributes,
  video: forceAttributes,
  audio: forceAttributes,
};

/** The URL schemes allowed in links, sources and citations. */
export const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];

/** Per-tag exceptions to ALLOWED_SCHEMES (`img` data: URLs are narrowed to raster types by keepRasterDataSrc). */
export const ALLOWED_SCHEMES_BY_TAG: Record<string, string[]> = { img: ['http', 'https', 'data'] };

/** Tags written as `<name ... />`. */
export const SELF_CLOSING = ['img', 'br', 'hr', 'wbr', 'source', 'track', 'col'];
