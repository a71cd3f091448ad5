/**
 * The allowlist HTML sanitizer: the LAST cleaning step, and what `tidings parse` applies to
 * every HTML field. Built on the `sanitize-html` package (htmlparser2 underneath): it is
 * well kept, made for exactly this job, and handles the parser-level traps (entity-encoded
 * schemes, control characters inside schemes, raw-text elements) that a home-made filter
 * gets wrong. The options object is built once at module load, not per call.
 *
 * Decisions:
 * - `style` attributes are dropped entirely. A "safe CSS subset" still needs a CSS parse per
 *   element (postcss, on the hot path), and even harmless-looking properties do harm in a
 *   reader: `position:fixed` overlays, `url()` tracking pixels, `font-size:0` hidden text,
 *   colours that assume the publisher's background. The reader's own stylesheet styles articles.
 * - No `class` or `id`: publisher classes mean nothing here, and ids invite DOM clobbering.
 * - Tags whose content is not prose (script, style, iframe fallback, svg drawings, templates …)
 *   are dropped with their content. Other unknown tags are not unwrapped but renamed to a bare
 *   `span` (or `div` for the ones that close an open `<p>`, like `section`): htmlparser2's
 *   implied-close rules look only at the innermost open tag, so unwrapping `<p>a<font><p>b`
 *   would re-parse differently the second time. Renaming keeps sanitizeHtml idempotent.
 * - `data:` URLs survive only as `img src` with a raster image type (png, gif, jpeg, webp);
 *   SVG is excluded because it is a script-capable document when opened directly.
 * - Video and audio always get `controls` and never `autoplay`; links always get
 *   `rel="noopener noreferrer"` and lose `target`. `title` is kept on every element, and `wbr`
 *   (long URLs, CJK line breaking) is allowed besides the brief's list.
 * - srcset is pre-cleaned here (see cleanSrcset) so sanitize-html's srcset parser never sees a
 *   malformed candidate: it would console.log it, onto the stdout `tidings parse` prints JSON to.
 */
import sanitize from 'sanitize-html';

const TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'small', 'mark', 'del', 'ins',
  'blockquote', 'q', 'cite', 'pre', 'code', 'abbr', 'time', 'span', 'div',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'figure', 'figcaption', 'img', 'picture', 'source', 'video', 'audio', 'track',
  'a', 'details', 'summary', 'ruby', 'rt', 'rp', 'wbr',
];
const ALLOWED = new Set(TAGS);

const ATTRIBUTES: Record<string, string[]> = {
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
  'script', 'style', 'textarea', 'option', 'select', 'xmp', 'title', 'template',
  'noembed', 'noframes', 'iframe', 'svg', 'head', 'frameset',
];
const DROPPED = new Set(DROP_WITH_CONTENT);

// htmlparser2's void elements: they have no content, so discarding them changes no structure.
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

// Unknown tags that htmlparser2 lets close an open <p> (its openImpliesClose table) become div.
const CLOSES_P = new Set(['address', 'article', 'aside', 'fieldset', 'footer', 'form', 'header', 'main', 'nav', 'section']);

const RASTER_DATA_URL = /^data:image\/(?:png|gif|jpeg|webp)[;,]/i;

// Browsers ignore C0 controls and spaces inside a scheme (the same cleaning launder does).
const IGNORED_IN_URL = /[\x00-\x20]+/g;

function keepRasterDataSrc(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  const src = attribs.src?.replace(IGNORED_IN_URL, '');
  if (src === undefined || !/^data:/i.test(src) || RASTER_DATA_URL.test(src)) return { tagName, attribs };
  const { src: _dropped, ...rest } = attribs;
  return { tagName, attribs: rest };
}

// An image left with nothing to show (its only source was unsafe) is noise.
function isEmptyImage(frame: sanitize.IFrame): boolean {
  return frame.tag === 'img' && !frame.attribs.src && !frame.attribs.srcset;
}

const SRCSET_SPACE = /[ \t\n\f\r]/;
const FLOAT = /^-?(?:\d+|\d*\.\d+)(?:[eE][+-]?\d+)?$/;
const SAFE_SRCSET_URL = /^(?:https?:|[^:]*$|[^:/?#]*[/?#])/i;

/** Returns true when a candidate's descriptors are what parse-srcset accepts without error: none, `Nw`, `Nw Nh`, or `Fx`. */
function isValidDescriptorList(descriptors: string[]): boolean {
  const kinds = descriptors.map((d) => d.slice(-1)).sort().join('');
  if (kinds !== '' && kinds !== 'w' && kinds !== 'hw' && kinds !== 'x') return false;
  return descriptors.every((d) => {
    const value = d.slice(0, -1);
    return d.endsWith('x') ? FLOAT.test(value) && Number.parseFloat(value) > 0 : /^\d+$/.test(value) && Number(value) > 0;
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
        if (depth === 0 && c === ',') { pos++; break; }
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

/** The transform every tag goes through: unknown tags renamed, srcset pre-cleaned. */
function transformAnyTag(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  let result = attribs;
  if (attribs.srcset !== undefined) {
    const cleaned = cleanSrcset(attribs.srcset);
    result = {};
    for (const [name, value] of Object.entries(attribs)) {
      if (name !== 'srcset') result[name] = value;
      else if (cleaned !== undefined) result[name] = cleaned;
    }
  }
  if (ALLOWED.has(tagName) || DROPPED.has(tagName) || VOID.has(tagName)) return { tagName, attribs: result };
  return { tagName: CLOSES_P.has(tagName) ? 'div' : 'span', attribs: result };
}

function addLinkRel(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  return { tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } };
}

function addMediaControls(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  return { tagName, attribs: { ...attribs, controls: '' } };
}

const OPTIONS: sanitize.IOptions = {
  allowedTags: TAGS,
  allowedAttributes: ATTRIBUTES,
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  parseStyleAttributes: false,
  exclusiveFilter: isEmptyImage,
  selfClosing: ['img', 'br', 'hr', 'wbr', 'source', 'track', 'col'],
  transformTags: {
    img: keepRasterDataSrc, a: addLinkRel, video: addMediaControls, audio: addMediaControls, '*': transformAnyTag,
  },
};

/** Returns `html` reduced to the allowlisted tags, attributes and URL schemes; idempotent. */
export function sanitizeHtml(html: string): string {
  if (html === '') return '';
  return sanitize(html, OPTIONS);
}
