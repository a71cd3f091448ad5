/**
 * Learned boilerplate per feed: the rules are learned from the raw bodies of the
 * feed's 20 most recent articles (clean/'s learnBoilerplate: a block opening or closing at
 * least 60 % of them) and stored with the feed. Learning parses every sampled body, so one
 * learning costs about as much as cleaning ten articles (bench/README.md, "Learning
 * boilerplate"), and it does not run after every refresh: only when the feed has never been
 * learned from, or after RELEARN_EVERY new articles. Raw bodies, not cleaned ones: the
 * cleaned bodies have the learned blocks removed already, so learning from them would
 * unlearn the rules the next time. Switching learned boilerplate off for a feed only stops
 * applying the rules; they are still learned, so switching it back on needs no re-learning.
 */
import { learnBoilerplate, LEARN_DEFAULTS, type LearnedRule } from '../../clean/learn-boilerplate.ts';
import type { FeedCleaning } from '../../store/index.ts';
import type { IngestContext } from '../ingest-context.ts';

/** How many recent articles rules are learned from: the "last 20 or more". */
export const LEARN_SAMPLE = LEARN_DEFAULTS.minArticles;

/** Re-learn after this many new articles since the last learning. */
export const RELEARN_EVERY = 5;

/** What a (re-)learning found; `changed` when the rules differ from the stored ones. */
export interface RelearnResult {
  rules: LearnedRule[];
  changed: boolean;
}

/** Returns true when a refresh that stored `newArticles` should re-learn the feed's rules. */
export function shouldRelearn(state: FeedCleaning, newArticles: number): boolean {
  if (newArticles <= 0) return false;
  return state.learnedAt === undefined || state.newSinceLearning + newArticles >= RELEARN_EVERY;
}

/** Learns the feed's rules from its recent raw bodies (with `learn`: a round passes its worker pool's) and stores them (also when none are found: below 20 articles that is none, without parsing). */
export async function relearnBoilerplate(
  ctx: IngestContext,
  feedId: number,
  previous: readonly LearnedRule[],
  learn: (bodies: string[]) => LearnedRule[] | Promise<LearnedRule[]> = learnBoilerplate,
): Promise<RelearnResult> {
  const bodies = await ctx.store.recentRawBodies(feedId, LEARN_SAMPLE);
  const rules = await learn(bodies);
  await ctx.store.updateFeedCleaning(feedId, { learnedRules: rules, at: ctx.now() });
  return { rules, changed: !sameRules(previous, rules) };
}

/** True when both lists hold the same rules (edge and key), whatever their shares. */
export function sameRules(a: readonly LearnedRule[], b: readonly LearnedRule[]): boolean {
  const keys = (rules: readonly LearnedRule[]) =>
    rules
      .map((r) => `${r.edge}\u0000${r.key}`)
      .sort()
      .join('\u0001');
  return keys(a) === keys(b);
}
