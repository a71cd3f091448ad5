/**
 * The cleaning entry point ingest calls for every article body: HTML as received → HTML to
 * store and show, through the whole pipeline of clean-html.ts (rule packs, learned
 * boilerplate, sanitize last). The options bag grows with what ingest knows about the
 * article; without `packs` it uses the packs shipped with Tidings, so cleaning is on by
 * default even before the caller loads the user's packs.
 */
import { cleanHtml } from './clean-html.ts';
import type { CleanOptions } from './clean-types.ts';
import { loadShippedRulePacks } from './load-rule-packs.ts';

/** What cleanArticle knows about the article besides its HTML: cleanHtml's options without `explain`. */
export type CleanArticleOptions = Omit<CleanOptions, 'explain'>;

/** The cleaned article. */
export interface CleanedArticle {
  /** Sanitized HTML, safe to show. */
  html: string;
}

/** Returns the cleaned, sanitized form of an article body; never throws on odd HTML. */
export function cleanArticle(html: string, options: CleanArticleOptions = {}): CleanedArticle {
  const { html: cleaned } = cleanHtml(html, { ...options, packs: options.packs ?? loadShippedRulePacks() });
  return { html: cleaned };
}
