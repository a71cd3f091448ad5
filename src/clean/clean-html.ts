/**
 * The cleaning pipeline: one parse of the article HTML, an ordered list of small
 * steps over the tree (steps/, each a function of the tree and the context only), then the
 * sanitizer, always last, written straight from the same tree.
 *
 * Why the sanitizer is a pass over our tree (sanitize-tree.ts) rather than sanitize-html parsing
 * the serialized tree again: in a cold refresh round cleaning is the largest CPU cost, and the
 * second parse (its own htmlparser2 parse, per-tag frames, escaping) plus the serialization
 * before it were close to half of cleanHtml and a good share of its GC; the tree pass costs a
 * small part of that (bench/README.md, "Cleaning: the sanitizer as a pass over the tree"). It
 * cannot drift from sanitize-html: both read one policy (sanitize-policy.ts), and the tree pass
 * writes exactly what sanitize-html writes for the serialized tree, which sanitize-tree.test.ts
 * checks byte for byte. Trees that would not re-parse to themselves (svg, math, noscript,
 * comments …) take the string path, so the output is always exactly what sanitizeHtml returns
 * for the serialized tree, a fixed point of sanitizeHtml.
 */
import type { CleanOptions, CleanResult, CleanStep, Explanation, StepContext, StepName } from './clean-types.ts';
import { parseFragmentWithDepth, renderNodes } from './dom.ts';
import { sanitizeHtml } from './sanitize-html.ts';
import { renderSanitizedTree } from './sanitize-tree.ts';
import { selectRulePacks } from './select-rule-packs.ts';
import { applyRulePacks } from './steps/apply-rule-packs.ts';
import { collapseBreaks } from './steps/collapse-breaks.ts';
import { dropNonContent } from './steps/drop-non-content.ts';
import { realizeLazyImages } from './steps/lazy-images.ts';
import { normalizeWhitespace } from './steps/normalize-whitespace.ts';
import { removeEmpty } from './steps/remove-empty.ts';
import { removeTrackers } from './steps/remove-trackers.ts';
import { resolveUrls } from './steps/resolve-urls.ts';
import { stripLearnedBoilerplate } from './steps/strip-learned-boilerplate.ts';
import { stripTrackingParamsStep } from './steps/strip-tracking-params.ts';

/** Deeper nesting than any real article; beyond it only the sanitizer runs. */
const MAX_DEPTH = 500;

/** The tree steps in the order they run (the sanitizer follows them all). */
export const CLEAN_STEPS: ReadonlyArray<{ name: StepName; run: CleanStep }> = [
  { name: 'drop-non-content', run: dropNonContent },
  { name: 'lazy-images', run: realizeLazyImages },
  { name: 'resolve-urls', run: resolveUrls },
  { name: 'remove-trackers', run: removeTrackers },
  { name: 'strip-tracking-params', run: stripTrackingParamsStep },
  { name: 'remove-empty', run: removeEmpty },
  { name: 'collapse-breaks', run: collapseBreaks },
  { name: 'rule-packs', run: applyRulePacks },
  { name: 'learned-boilerplate', run: stripLearnedBoilerplate },
  { name: 'normalize-whitespace', run: normalizeWhitespace },
];

/** Returns the cleaned, sanitized article and, when `options.explain` is set, what each step removed; never throws on odd HTML. */
export function cleanHtml(html: string, options: CleanOptions = {}): CleanResult {
  const removed: Explanation[] = [];
  if (html.trim() === '') return { html: '', removed };
  const context: StepContext = {
    baseUrl: options.baseUrl ?? options.itemUrl,
    packs: selectRulePacks(options.packs ?? [], {
      feedUrl: options.feedUrl,
      itemUrl: options.itemUrl,
      generator: options.generator,
      html,
    }),
    learned: options.learned ?? [],
    explain: options.explain ? (entry) => removed.push(entry) : undefined,
  };
  const { root, depth } = parseFragmentWithDepth(html);
  if (depth > MAX_DEPTH) {
    // The steps walk the tree recursively and would overflow the stack on hostile nesting; the
    // streaming sanitizer has no such limit, so the article is still stored, and safe.
    removed.push({ step: 'sanitize', action: 'skipped', detail: `nesting deeper than ${MAX_DEPTH}: sanitized only` });
    return { html: sanitizeHtml(html).trim(), removed };
  }
  for (const step of CLEAN_STEPS) step.run(root, context);
  const onTree = renderSanitizedTree(root);
  const serialized = onTree === undefined || options.explain ? renderNodes(root) : '';
  const sanitized = (onTree ?? sanitizeHtml(serialized)).trim();
  if (options.explain && sanitized !== serialized.trim()) {
    removed.push({ step: 'sanitize', action: 'changed', detail: 'tags, attributes or URLs outside the allowlist' });
  }
  return { html: sanitized, removed };
}
