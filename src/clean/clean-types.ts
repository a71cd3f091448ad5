/**
 * The values the cleaning pipeline passes around: what a caller gives cleanHtml, what it
 * returns, and the context each step receives. Kept apart from the pipeline so that steps,
 * rule packs and the CLI can import the types without importing each other.
 */
import type { Document } from './dom.ts';
import type { LearnedRule } from './learn-boilerplate.ts';
import type { RulePack } from './rule-pack.ts';

/** The names of the pipeline's steps, in the order they run. */
export type StepName =
  | 'drop-non-content'
  | 'lazy-images'
  | 'resolve-urls'
  | 'remove-trackers'
  | 'strip-tracking-params'
  | 'remove-empty'
  | 'collapse-breaks'
  | 'rule-packs'
  | 'learned-boilerplate'
  | 'normalize-whitespace'
  | 'sanitize';

/** One thing a step removed or changed, for `tidings clean --explain`. */
export interface Explanation {
  step: StepName;
  /** The rule that acted, for rule packs (`feedx#footer`) and learned rules (`learned:trailing`). */
  rule?: string;
  action: 'removed' | 'changed' | 'skipped';
  /** The markup removed, `before → after` for a change, or why a rule was skipped; shortened. */
  detail: string;
}

/** What cleanHtml knows about the article besides its HTML. */
export interface CleanOptions {
  /** Base for relative URLs; defaults to `itemUrl`. */
  baseUrl?: string;
  /** The feed's own URL: rule packs match its host. */
  feedUrl?: string;
  /** The article's URL: rule packs match its host. */
  itemUrl?: string;
  /** The feed's generator string (RSS `generator`, Atom `generator`): rule packs may match it. */
  generator?: string;
  /** Every loaded rule pack; cleanHtml applies the ones that match. */
  packs?: readonly RulePack[];
  /** The feed's learned boilerplate rules (from learnBoilerplate). */
  learned?: readonly LearnedRule[];
  /** When true, `removed` lists what each step did (slower; for the CLI and debugging). */
  explain?: boolean;
}

/** The cleaned article. */
export interface CleanResult {
  /** Sanitized HTML, safe to show. */
  html: string;
  /** What was removed or changed, in order; empty unless `explain` was set. */
  removed: Explanation[];
}

/** What every step receives besides the tree. */
export interface StepContext {
  baseUrl: string | undefined;
  /** The rule packs that matched this article. */
  packs: readonly RulePack[];
  learned: readonly LearnedRule[];
  /** Records an explanation; a no-op unless explaining. */
  explain: ((entry: Explanation) => void) | undefined;
}

/** A cleaning step: changes only the tree it is given, reads nothing else, writes nothing else. */
export type CleanStep = (root: Document, context: StepContext) => void;
