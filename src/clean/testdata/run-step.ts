/** Test helper: runs one cleaning step over an HTML fragment and returns the serialized tree and the explanations. */
import type { CleanStep, Explanation, StepContext } from '../clean-types.ts';
import { parseFragment, renderNodes } from '../dom.ts';

/** Returns `html` after `step`, serialized (not sanitized), with what the step explained. */
export function runStep(
  step: CleanStep,
  html: string,
  context: Partial<StepContext> = {},
): { html: string; explained: Explanation[] } {
  const explained: Explanation[] = [];
  const root = parseFragment(html);
  step(root, { baseUrl: undefined, packs: [], learned: [], explain: (e) => explained.push(e), ...context });
  return { html: renderNodes(root), explained };
}
