/**
 * Step 3: resolves relative URLs against the article's base (its own URL, or the feed's).
 * The parser already resolves what it can (xml:base, the feed link), but extracted pages and
 * bodies given to `tidings clean` have not been through it. Absolute URLs are kept exactly as
 * written (util/resolve-url.ts), and in-page fragments (`#note-1`) are left alone: they point
 * into the article itself wherever it is shown.
 */
import { forEachElementInPlace } from '../dom.ts';
import type { CleanStep } from '../clean-types.ts';
import { isAbsoluteUrl, resolveUrl } from '../../util/resolve-url.ts';

// A Map, not an object literal: a tag named `constructor` must not find Object.prototype's.
const URL_ATTRIBUTES = new Map(
  Object.entries({
    a: ['href'],
    area: ['href'],
    img: ['src'],
    source: ['src'],
    video: ['src', 'poster'],
    audio: ['src'],
    track: ['src'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
  }),
);

function needsResolving(value: string): boolean {
  const trimmed = value.trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !isAbsoluteUrl(trimmed);
}

/** Returns a srcset with each relative candidate URL resolved against `base`. */
export function resolveSrcset(srcset: string, base: string): string {
  return srcset
    .split(/,(?=\s)/)
    .map((candidate) => {
      const [url, ...descriptors] = candidate.trim().split(/\s+/);
      return url && needsResolving(url) ? [resolveUrl(url, base), ...descriptors].join(' ') : candidate.trim();
    })
    .join(', ');
}

/** Resolves relative href, src, poster, cite and srcset values against the context's base URL. */
export const resolveUrls: CleanStep = (root, context) => {
  const base = context.baseUrl;
  if (base === undefined) return;
  forEachElementInPlace(root, (element) => {
    const attribs = element.attribs;
    for (const name of URL_ATTRIBUTES.get(element.name) ?? []) {
      const value = attribs[name];
      if (value !== undefined && needsResolving(value)) attribs[name] = resolveUrl(value, base);
    }
    const srcset = attribs.srcset;
    if (srcset?.split(/,(?=\s)/).some((c) => needsResolving(c.trim().split(/\s+/)[0] ?? ''))) {
      attribs.srcset = resolveSrcset(srcset, base);
    }
  });
};
