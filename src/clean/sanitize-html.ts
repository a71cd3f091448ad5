/**
 * The allowlist HTML sanitizer: the LAST cleaning step, and what `tidings parse` applies to
 * every HTML field. Built on the `sanitize-html` package (htmlparser2 underneath): it is
 * well kept, made for exactly this job, and handles the parser-level traps (entity-encoded
 * schemes, control characters inside schemes, raw-text elements) that a home-made filter
 * gets wrong. The options object is built once at module load, not per call, from the policy
 * in sanitize-policy.ts. cleanHtml applies the same policy to its own tree (sanitize-tree.ts,
 * equal byte for byte to this function on the serialized tree, and far cheaper); this
 * function is for strings: untrusted HTML elsewhere, and trees the tree pass hands back.
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
 *   (long URLs, CJK line breaking) is allowed.
 * - srcset is pre-cleaned here (see cleanSrcset) so sanitize-html's srcset parser never sees a
 *   malformed candidate: it would console.log it, onto the stdout `tidings parse` prints JSON to.
 */
import sanitize from 'sanitize-html';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_SCHEMES,
  ALLOWED_SCHEMES_BY_TAG,
  ALLOWED_TAGS,
  DROP_WITH_CONTENT,
  isEmptyImage,
  SELF_CLOSING,
  TAG_TRANSFORMS,
  transformAnyTag,
} from './sanitize-policy.ts';

export { DROP_WITH_CONTENT } from './sanitize-policy.ts';

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedSchemes: ALLOWED_SCHEMES,
  allowedSchemesByTag: ALLOWED_SCHEMES_BY_TAG,
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  parseStyleAttributes: false,
  exclusiveFilter: (frame) => isEmptyImage(frame.tag, frame.attribs),
  selfClosing: SELF_CLOSING,
  transformTags: { ...TAG_TRANSFORMS, '*': transformAnyTag },
};

/** Returns `html` reduced to the allowlisted tags, attributes and URL schemes; idempotent. */
export function sanitizeHtml(html: string): string {
  if (html === '') return '';
  return sanitize(html, OPTIONS);
}
