/**
 * The cleaning pipeline: one parse of the article HTML, an ordered list of small
 * steps over the tree (steps/, each a function of the tree and the context only), then the
 * sanitizer, always last, written straight from the same tree.
 *
 * Why the sanitizer is a pass over our tree (sanitize-tree.ts) and no longer a second parse of
 * the serialized tree by sanitize-html: first measured as a string step, sanitize-html cost
 * 0.08 ms of a 0.21 ms median and the 0.5 ms target was met, so it was kept. Under the cold
 * refresh round of issue 3 (50,000 new articles) cleaning became the largest CPU cost, and a
 * CPU profile of 30,000 refresh-bench bodies put sanitize-html (its own htmlparser2 parse,
 * per-tag frames, escaping) plus the serialization before it at ≈ 45 % of cleanHtml and a
 * good share of its GC. The tree pass costs ≈ 12 % of the new, smaller total. It cannot drift
 * from sanitize-html: both read one policy (sanitize-policy.ts), and the tree pass writes
 * exactly what sanitize-html writes for the serialized tree: checked byte for byte while it was
 * written over ≈ 115,000 cleanings of corpus bodies and summaries (bench:clean, bench:refresh,
 * the parse corpus), the XSS corpora and 340,000 fuzzed inputs, and by sanitize-tree.test.ts.
 * Trees that would not re-parse to themselves (svg, math, noscript, comments …) still take the
 * string path, so the output is what it always was: exactly what sanitizeHtml returns for the
 * serialized tree, a fixed point of sanitizeHtml.
 * Measured with `npm run bench:clean -- --baseline` against the commit before (480 articles,
 * Node 20, the shared 2-core machine at load ≈ 1.3, runners taking turns): per article median
 * 0.21 → 0.07 ms and mean 0.24 → 0.08 ms (ratios 0.29–0.34 over five runs), CPU ≈ 0.33×; over
 * 3,000 refresh-bench bodies CPU 114 → 29 µs per article. Parsing is now about a third of it.
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
