/**
 * The cleaning entry point ingest calls for every article body: HTML as received → HTML to
 * store and show, through the whole pipeline of clean-html.ts (rule packs, learned
 * boilerplate, sanitize last). The options bag grows with what ingest knows about the
 * article; without `packs` it uses the packs shipped with Tidings, so cleaning is on by
 * default even before the caller loads the user's packs.
 */
import { cleanHtml } from './clean-html.ts';
import type { LearnedRule } from './learn-boilerplate.ts';
import { loadShippedRulePacks } from './load-rule-packs.ts';
import type { RulePack } from './rule-pack.ts';

/** What cleanArticle knows about the article besides its HTML. */
export interface CleanArticleOptions {
  /** The base for relative links (the parser already resolved them); defaults to `itemUrl`. */
  baseUrl?: string;
  /** The feed's URL: rule packs match its host. */
  feedUrl?: string;
  /** The article's URL: rule packs match its host. */
  itemUrl?: string;
  /** The feed's generator string. */
  generator?: string;
  /** The rule packs to choose from (shipped plus the user's); defaults to the shipped packs. */
  packs?: readonly RulePack[];
  /** The feed's learned boilerplate, unless switched off for the feed. */
  learned?: readonly LearnedRule[];
}

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
