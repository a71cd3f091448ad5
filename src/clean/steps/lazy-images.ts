/**
 * Step 2: makes lazy-loaded images real. Pages (and the feeds copied from them) put the real
 * URL in `data-src`, `data-original` (jQuery lazyload), `data-lazy-src` (WordPress plugins),
 * `data-actualsrc` (Zhihu) and the like, and a placeholder or nothing in `src`; a reader runs
 * none of the page's scripts, so without this step such images show nothing, and the
 * sanitizer drops an image left without a source. The lazy attribute wins over `src`,
 * because `src` is then the placeholder. An image with only a `srcset` gets its largest
 * candidate as `src`. A `<noscript>` right after a lazy image (its no-JS fallback) would show
 * the image twice and is removed. Runs before URL resolution so the URLs made real here are
 * resolved like any other.
 */
import { type Element, forEachElement, isElement, isText, removeNode } from '../dom.ts';
import type { CleanStep } from '../clean-types.ts';

const LAZY_SRC = [
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-actualsrc',
  'data-original-src',
  'data-echo',
  'data-lazyload',
  'data-hi-res-src',
];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];
const LAZY_ATTRIBUTES = [...LAZY_SRC, ...LAZY_SRCSET];

/** Returns the URL of the largest candidate of a srcset (by `w`, then `x` descriptor), or undefined. */
export function largestSrcsetCandidate(srcset: string): string | undefined {
  let best: string | undefined;
  let bestSize = -1;
  for (const candidate of srcset.split(/,(?=\s)|,$/)) {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const size = descriptor ? Number.parseFloat(descriptor) * (descriptor.endsWith('w') ? 1 : 1000) : 1000;
    if (Number.isFinite(size) && size > bestSize) {
      best = url;
      bestSize = size;
    }
  }
  return best;
}

function nextElementSibling(element: Element): Element | undefined {
  for (let node = element.next; node; node = node.next) {
    if (isElement(node)) return node;
    if (!isText(node) || node.data.trim() !== '') return undefined;
  }
  return undefined;
}

function realize(element: Element, context: Parameters<CleanStep>[1]): void {
  const attribs = element.attribs;
  const before = attribs.src;
  let lazy = false;
  for (const name of LAZY_SRC) {
    const value = attribs[name]?.trim();
    if (value && !value.startsWith('data:')) {
      if (value !== before) attribs.src = value;
      lazy = true;
      break;
    }
  }
  for (const name of LAZY_SRCSET) {
    const value = attribs[name]?.trim();
    if (value) {
      attribs.srcset = value;
      lazy = true;
      break;
    }
  }
  if (element.name === 'img' && !attribs.src && attribs.srcset) {
    const largest = largestSrcsetCandidate(attribs.srcset);
    if (largest) attribs.src = largest;
  }
  for (const name of LAZY_ATTRIBUTES) if (attribs[name] !== undefined) delete attribs[name];
  if (attribs.src !== before) {
    context.explain?.({ step: 'lazy-images', action: 'changed', detail: `src ${before ?? '(none)'} → ${attribs.src}` });
  }
  const fallback = lazy && element.name === 'img' ? nextElementSibling(element) : undefined;
  if (fallback?.name === 'noscript') {
    context.explain?.({ step: 'lazy-images', action: 'removed', detail: 'the <noscript> copy of a lazy image' });
    removeNode(fallback);
  }
}

/** Copies lazy-loading attributes into `src`/`srcset` on images and picture sources. */
export const realizeLazyImages: CleanStep = (root, context) => {
  forEachElement(root, (element) => {
    if (element.name === 'img' || element.name === 'source') realize(element, context);
  });
};
