/**
 * Learned boilerplate: per feed, the blocks that open or close most of its recent
 * articles. For each article the first and last three edge blocks (blocks.ts) are taken;
 * a block whose normalized text (whitespace collapsed, lowercased; an image-only block by its
 * source) appears at the same edge in at least 60 % of at least 20 articles becomes a rule.
 * Counting is per article, so a block repeated inside one article counts once. Pure: it
 * parses the bodies it is given and returns rules; storing them per feed is the caller's.
 * Numbers are not normalized away: a dateline that differs per article must not be learned.
 */
import { type Edge, type EdgeBlock, edgeBlocks } from './blocks.ts';
import { parseFragment } from './dom.ts';

/** A block the feed's articles open or close with. */
export interface LearnedRule {
  edge: Edge;
  /** The block's identity (blocks.ts `key`): lowercased normalized text, or `[media] src`. */
  key: string;
  /** The block's text as it appeared (for `tidings feeds show`), '' for an image-only block. */
  text: string;
  /** The share of the sampled articles it appeared in, 0–1. */
  share: number;
  /** How many articles were sampled. */
  sample: number;
}

/** Tuning for learnBoilerplate. */
export interface LearnBoilerplateOptions {
  /** Fewest articles to learn from (default 20). */
  minArticles?: number;
  /** Smallest share of articles a block must appear in (default 0.6). */
  minShare?: number;
  /** How many blocks at each edge are candidates (default 3). */
  depth?: number;
}

/** The defaults of learnBoilerplate, for documentation and callers that sample. */
export const LEARN_DEFAULTS = { minArticles: 20, minShare: 0.6, depth: 3 } as const;

/** Returns the first `depth` edge blocks of a parsed article. */
export function takeEdgeBlocks(blocks: Iterable<EdgeBlock>, depth: number): EdgeBlock[] {
  const taken: EdgeBlock[] = [];
  for (const block of blocks) {
    taken.push(block);
    if (taken.length >= depth) break;
  }
  return taken;
}

/** Returns the boilerplate rules shared by `recentBodies` (newest first or last, order does not matter); none below `minArticles`. */
export function learnBoilerplate(
  recentBodies: readonly string[],
  options: LearnBoilerplateOptions = {},
): LearnedRule[] {
  const minArticles = options.minArticles ?? LEARN_DEFAULTS.minArticles;
  const minShare = options.minShare ?? LEARN_DEFAULTS.minShare;
  const depth = options.depth ?? LEARN_DEFAULTS.depth;
  if (recentBodies.length < minArticles) return [];
  const counts = new Map<string, { edge: Edge; key: string; text: string; count: number }>();
  for (const body of recentBodies) {
    const root = parseFragment(body);
    const seen = new Set<string>();
    for (const edge of ['leading', 'trailing'] as const) {
      const blocks = takeEdgeBlocks(edgeBlocks(root, edge), Math.max(depth, 2));
      // A one-block article is all edge: learning from it would learn articles, not boilerplate.
      if (blocks.length < 2) continue;
      for (const block of blocks.slice(0, depth)) {
        const id = `${edge}\u0000${block.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const entry = counts.get(id) ?? { edge, key: block.key, text: block.text, count: 0 };
        entry.count++;
        counts.set(id, entry);
      }
    }
  }
  const rules: LearnedRule[] = [];
  for (const entry of counts.values()) {
    const share = entry.count / recentBodies.length;
    if (share >= minShare)
      rules.push({ edge: entry.edge, key: entry.key, text: entry.text, share, sample: recentBodies.length });
  }
  return rules.sort((a, b) => (a.edge === b.edge ? b.share - a.share : a.edge === 'leading' ? -1 : 1));
}

/** Returns one line describing a learned rule, for `tidings feeds show`: `trailing · 85 % of 20 · “Follow us on Twitter”`. */
export function formatLearnedRule(rule: LearnedRule): string {
  const what = rule.text !== '' ? `“${rule.text.length > 80 ? `${rule.text.slice(0, 79)}…` : rule.text}”` : rule.key;
  return `${rule.edge} · ${Math.round(rule.share * 100)} % of ${rule.sample} · ${what}`;
}
