/**
 * Step 9: strips the feed's learned boilerplate (learn-boilerplate.ts). Among the first and
 * last few edge blocks, those whose key matches a learned rule for that edge are removed,
 * nearest the edge first, as long as everything removed stays within 30 % of the article's
 * text; a block that would pass the cap is kept and the skip is explained. The cap is what
 * keeps a wrongly learned rule (a feed whose articles are mostly alike) from emptying
 * articles.
 */
import { type Edge, type EdgeBlock, edgeBlocks, normalizeText, removeBlock } from '../blocks.ts';
import type { CleanStep } from '../clean-types.ts';
import { renderNodes, shorten, textOf } from '../dom.ts';
import { LEARN_DEFAULTS, takeEdgeBlocks } from '../learn-boilerplate.ts';

/** The most of an article's text learned rules may remove, as a share. */
export const LEARNED_MAX_SHARE = 0.3;

/** Removes learned leading and trailing blocks within the 30 % cap. */
export const stripLearnedBoilerplate: CleanStep = (root, context) => {
  if (context.learned.length === 0) return;
  const total = normalizeText(textOf(root)).length;
  let budget = total * LEARNED_MAX_SHARE;
  const chosen: Array<{ block: EdgeBlock; edge: Edge }> = [];
  for (const edge of ['leading', 'trailing'] as const) {
    const keys = new Set(context.learned.filter((rule) => rule.edge === edge).map((rule) => rule.key));
    if (keys.size === 0) continue;
    for (const block of takeEdgeBlocks(edgeBlocks(root, edge), LEARN_DEFAULTS.depth)) {
      if (!keys.has(block.key) || chosen.some((c) => c.block.nodes[0] === block.nodes[0])) continue;
      if (block.text.length > budget) {
        context.explain?.({
          step: 'learned-boilerplate',
          rule: `learned:${edge}`,
          action: 'skipped',
          detail: `over the 30 % cap: ${shorten(block.text)}`,
        });
        continue;
      }
      budget -= block.text.length;
      chosen.push({ block, edge });
    }
  }
  for (const { block, edge } of chosen) {
    context.explain?.({
      step: 'learned-boilerplate',
      rule: `learned:${edge}`,
      action: 'removed',
      detail: shorten(renderNodes(block.nodes)),
    });
    removeBlock(block, edge);
  }
};
