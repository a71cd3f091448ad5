/**
 * Relevance for every back end: field-weighted BM25 with term frequency taken as presence,
 * times freshness. Why not the index's own BM25 (FTS5 `bm25()`): it computes each phrase's
 * document frequency by running the phrase over the whole index on every query, which for 中国
 * or "the" at a million articles costs more than the whole 30 ms budget, and it must score
 * every match before the first page. Here a score has a known ceiling at each article time, so
 * a search walks matches newest first and stops as soon as no older article could still enter
 * the page (see `maxScore`): the page is exactly the top of this ranking, but only the recent
 * part of a huge match list is read.
 *
 * Per required group g (a phrase, or an OR of phrases): tf = 1 + titleWeight when the title
 * holds it, else 1 (the article matched, so another field holds it), saturated the BM25 way,
 * idf(g)·tf·(k1+1)/(tf + k1), with no length normalization: with presence-only frequencies a
 * long article gains nothing from its length, so there is nothing to normalize away. idf comes
 * from the match count among the newest articles (only counted when a query has several groups;
 * one group's idf does not change the order). The sum is multiplied by freshness
 * 1/√(1 + age/τ), τ = 2 days: ½ at six days, ¼ at a month, and never flat, so old articles keep
 * their order among themselves and the ceiling keeps falling as the walk goes back in time.
 */
import { foldText } from '../tokenize/fold-text.ts';
import { indexTokens, RUN_BREAK } from '../tokenize/index-tokens.ts';
import type { MatchNode, SearchToken } from './search-types.ts';

/** The ranking constants. */
export const RANKING = { titleWeight: 3, k1: 1.2, freshnessDays: 2 } as const;

const DAY = 86_400_000;

/** One required part of a query: its alternative phrases (one for a plain phrase) and its idf. */
export interface ScoringGroup {
  phrases: SearchToken[][];
  idf: number;
}

/** Returns the freshness factor (0…1] of an article `time` seen at `now`. */
export function freshness(time: number, now: number): number {
  const age = Math.max(0, now - time) / DAY;
  return 1 / Math.sqrt(1 + age / RANKING.freshnessDays);
}

/** Returns the required groups of a match tree: the children of a top-level AND, else the tree itself. */
export function scoringGroups(match: MatchNode): MatchNode[] {
  return match.kind === 'and' ? match.nodes : [match];
}

/** Returns the phrases of a node (every phrase under it). */
export function nodePhrases(node: MatchNode): SearchToken[][] {
  return node.kind === 'phrase' ? [node.tokens] : node.nodes.flatMap(nodePhrases);
}

/** Returns the idf of a group matching `matches` of `rows` recent articles (1 when nothing was counted). */
export function estimateIdf(matches: number, rows: number): number {
  if (rows <= 0) return 1;
  return Math.log(1 + (rows - matches + 0.5) / (matches + 0.5));
}

/** Returns whether the token list holds the phrase at adjacent positions. */
export function holdsPhrase(tokens: readonly string[], phrase: readonly SearchToken[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let start = 0; start + phrase.length <= tokens.length; start++) {
    for (let i = 0; i < phrase.length; i++) {
      const token = tokens[start + i];
      const want = phrase[i];
      if (want.prefix === true ? !token.startsWith(want.text) : token !== want.text) continue outer;
    }
    return true;
  }
  return false;
}

/** Returns whether a title holds any of the phrases (a cheap substring test first, tokens only then). */
export function titleHolds(title: string, foldedTitle: string, phrases: readonly SearchToken[][]): boolean {
  let tokens: string[] | undefined;
  for (const phrase of phrases) {
    const needle = phrase.find((token) => token.text !== RUN_BREAK)?.text;
    if (needle === undefined || !foldedTitle.includes(needle)) continue;
    tokens ??= indexTokens(title).split(' ');
    if (holdsPhrase(tokens, phrase)) return true;
  }
  return false;
}

const PER_GROUP = (tf: number) => (tf * (RANKING.k1 + 1)) / (tf + RANKING.k1);

// Folded titles by title: every relevance search scores the newest articles first, so the same titles come
// back search after search (a fold is a pure function of the string; the oldest entries go first).
const foldedTitles = new Map<string, string>();
const FOLDED_TITLES = 8192;

function foldTitle(title: string): string {
  let folded = foldedTitles.get(title);
  if (folded === undefined) {
    folded = foldText(title);
    if (foldedTitles.size >= FOLDED_TITLES) foldedTitles.delete(foldedTitles.keys().next().value!);
    foldedTitles.set(title, folded);
  }
  return folded;
}

/** Returns an article's score from its title and time. */
export function scoreArticle(groups: readonly ScoringGroup[], title: string, time: number, now: number): number {
  const folded = title === '' ? '' : foldTitle(title);
  let sum = 0;
  for (const group of groups) {
    const tf = folded !== '' && titleHolds(title, folded, group.phrases) ? 1 + RANKING.titleWeight : 1;
    sum += group.idf * PER_GROUP(tf);
  }
  return sum * freshness(time, now);
}

/** Returns the highest score an article at or before `time` could have when its title holds none of the groups. */
export function baseScore(groups: readonly ScoringGroup[], time: number, now: number): number {
  return groups.reduce((sum, group) => sum + group.idf * PER_GROUP(1), 0) * freshness(time, now);
}

/** Returns the highest score any article at or before `time` could have: the ceiling that ends a search early. */
export function maxScore(groups: readonly ScoringGroup[], time: number, now: number): number {
  const perIdf = PER_GROUP(1 + RANKING.titleWeight);
  return groups.reduce((sum, group) => sum + group.idf * perIdf, 0) * freshness(time, now);
}
