/**
 * The store's shapes for cleaning: per-feed cleaning state (learned boilerplate
 * rules, when they were learned, the feed's generator string), the inputs of learning and
 * re-cleaning, and what full-text mode needs to know before storing a document. The learned
 * rule is declared here structurally (the store may not import clean/): it is the same
 * shape as clean/'s LearnedRule, so values pass between them without conversion.
 */

/** A learned boilerplate rule as stored (clean/'s LearnedRule has exactly this shape). */
export interface StoredLearnedRule {
  edge: 'leading' | 'trailing';
  key: string;
  text: string;
  share: number;
  sample: number;
}

/** A feed's cleaning state; a feed never learned from has no rules, `newSinceLearning` 0. */
export interface FeedCleaning {
  feedId: number;
  learnedRules: StoredLearnedRule[];
  /** When the rules were last computed (also when none were found); absent before the first time. */
  learnedAt?: number;
  /** New articles stored since the rules were last computed. */
  newSinceLearning: number;
  /** The feed's generator string as its document last gave it (rule packs may match it). */
  generator?: string;
}

/** A change to a feed's cleaning state: `undefined` keeps a value, `null` clears the generator. */
export interface FeedCleaningPatch {
  /** New rules; also sets `learnedAt` (to `at`) and resets `newSinceLearning`. */
  learnedRules?: StoredLearnedRule[];
  /** The time of the learning; default now. */
  at?: number;
  /** Added to `newSinceLearning` (after a reset by `learnedRules`, when both are given). */
  addNewArticles?: number;
  generator?: string | null;
}

/** The latest stored revision of an article, as far as deciding "will this entry be stored?" needs it. */
export interface StoredEntryState {
  articleId: number;
  deleted: boolean;
  /** Absent for a revision imported without one (then any entry makes a new revision). */
  fingerprint?: string;
  titleKey?: string;
  link?: string;
}

/** One revision's bodies, for re-cleaning. */
export interface RevisionBodies {
  revisionId: number;
  articleId: number;
  number: number;
  link?: string;
  rawBody: string;
  cleanedBody?: string;
  /** True when its archive file has been written. */
  archived: boolean;
}

/** A page of revisions of one feed's articles that are not deleted, by revision id. */
export interface ListRevisionBodiesOptions {
  feedId: number;
  afterRevisionId?: number;
  limit: number;
}
