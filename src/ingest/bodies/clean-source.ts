/**
 * The one way an article body is cleaned, whether it came from a feed item, an article page
 * (full text, `tidings extract`) or a re-cleaning: the context's rule packs, the feed's
 * learned boilerplate, the item's URL as the base for links.
 */
import { cleanArticle, type CleanArticleOptions } from '../../clean/clean-article.ts';
import type { LearnedRule, RulePack } from '../../clean/index.ts';

/** What the cleaner may know about the document a body came from, and the feed's rules. */
export interface BodyCleaningOptions {
  feedUrl?: string;
  generator?: string;
  /** The rule packs to choose from; default the shipped ones. */
  packs?: readonly RulePack[];
  /** The feed's learned boilerplate (none when switched off for the feed). */
  learned?: readonly LearnedRule[];
}

/** What the cleaned body of an entry was made from, so it can be cleaned again (new learned rules, full text). */
export interface CleanSource {
  /** The HTML given to the cleaner (a plain-text body already turned into paragraphs). */
  html: string;
  itemUrl?: string;
  baseUrl?: string;
}

/** Returns the cleaned form of `source` with the document's options (packs, learned rules, feed URL, generator). */
export function cleanSource(source: CleanSource, options: BodyCleaningOptions): string {
  const cleanOptions: CleanArticleOptions = {
    ...options,
    itemUrl: source.itemUrl,
    baseUrl: source.baseUrl ?? source.itemUrl,
  };
  return cleanArticle(source.html, cleanOptions).html;
}
