/**
 * The tokens Tidings stores for a text and the tokens a query must find, made from the same
 * folding and the same character classes so the two always agree (index-tokens.test.ts checks
 * it on generated text). Words are stored as they are. CJK is stored one character per token
 * with its position, and `_` between two CJK runs that nothing but spaces or punctuation
 * separates. A query of n CJK characters is then the phrase of its n characters: FTS adjacency
 * is exactly "the folded text holds this string inside one run" (the `_` stops a phrase from
 * running across 中国，经济 as if it were 中国经济), so recall is exact for any length and no
 * hit is false. One character is one token, so single-character queries need nothing more.
 *
 * Phrases of very common characters that are rarely adjacent (人大, 国中) would make the index
 * check positions in nearly every Chinese article. So each text also yields its *pairs*: two
 * adjacent characters of one run that are both in COMMON_HAN, stored once per article in a
 * column of their own. A query adds its pairs as extra required tokens: they only narrow the
 * candidates (every article with the phrase has its pairs), so results do not change, but the
 * search walks the short list of articles that have the pair. Pairs add little to the index; a
 * bigram token for every pair (the classic CJK bigram index) made it about twice as big and
 * slower to write (bench/README.md, "Search index: pairs and grams").
 *
 * The same holds across a run break (经济，政策: 济 _ 政) and for words (`"the government"`),
 * so the pairs column also gets *grams*, Lucene's CommonGrams: `济_政` for the characters around
 * a run break when either is in COMMON_HAN, and `the_government` for two adjacent words when
 * either is in COMMON_WORDS. A phrase whose tokens there are rarer needs none: a rarer token's
 * own list is short. A gram for every break and a 50-word list made the index far bigger and
 * indexing far slower (docs/search.md, "How Chinese (and Japanese and Korean) is indexed"). The storing side's
 * loop is scan-tokens.ts, written for speed; this file holds the rules and the query side.
 */
import { COMMON_HAN } from './common-han.ts';
import { COMMON_WORDS } from './common-words.ts';
import { foldText } from './fold-text.ts';
import { createPairSink, scanTokens, sinkTokens } from './scan-tokens.ts';
import { splitUnits, type TextUnit } from './split-units.ts';

/** The token stored between two CJK runs with no word between them. */
export const RUN_BREAK = '_';

/** One token a query phrase must match; `prefix` matches every stored token that starts with `text`. */
export interface MatchToken {
  text: string;
  prefix?: boolean;
}

/** Returns the gram token of two adjacent words when either is common, else undefined. */
export function wordGram(first: string, second: string): string | undefined {
  return COMMON_WORDS.has(first) || COMMON_WORDS.has(second) ? `${first}${RUN_BREAK}${second}` : undefined;
}

/** Returns the gram token of the characters on both sides of a run break (`济_政`) when either is common, else undefined. */
export function breakGram(before: string, after: string): string | undefined {
  return COMMON_HAN.has(before) || COMMON_HAN.has(after) ? `${before}${RUN_BREAK}${after}` : undefined;
}

/** Returns the space-separated tokens to store for `text`; adds its pairs and grams to `pairs` when given. */
export function indexTokens(text: string, pairs?: Set<string>): string {
  if (pairs === undefined) return scanTokens(foldText(text));
  const sink = createPairSink();
  const tokens = scanTokens(foldText(text), sink);
  for (const token of sinkTokens(sink)) pairs.add(token);
  return tokens;
}

/** Returns the units of `text` after folding, as a query sees them. */
export function queryUnits(text: string): TextUnit[] {
  return splitUnits(foldText(text));
}

/** Returns the token phrase that finds `units` in stored text; `prefix` makes a final word a prefix. Empty when there is nothing to search. */
export function phraseTokens(units: TextUnit[], prefix = false): MatchToken[] {
  const tokens: MatchToken[] = [];
  units.forEach((unit, index) => {
    if (unit.kind === 'word') {
      tokens.push(prefix && index === units.length - 1 ? { text: unit.text, prefix: true } : { text: unit.text });
      return;
    }
    if (index > 0 && units[index - 1].kind === 'cjk') tokens.push({ text: RUN_BREAK });
    for (const char of unit.chars) tokens.push({ text: char });
  });
  return tokens;
}

/**
 * Returns the pair and gram tokens every text holding the phrase of `units` also holds: common
 * character pairs inside its CJK runs, the characters around each run break, and the grams of
 * adjacent words with a common one (a final prefix word has no gram: its stored word is unknown).
 */
export function pairTokens(units: TextUnit[], prefix = false): string[] {
  const pairs = new Set<string>();
  units.forEach((unit, index) => {
    const before = index > 0 ? units[index - 1] : undefined;
    if (unit.kind === 'word') {
      const last = prefix && index === units.length - 1;
      const gram = before?.kind === 'word' && !last ? wordGram(before.text, unit.text) : undefined;
      if (gram !== undefined) pairs.add(gram);
      return;
    }
    const gram = before?.kind === 'cjk' ? breakGram(before.chars[before.chars.length - 1], unit.chars[0]) : undefined;
    if (gram !== undefined) pairs.add(gram);
    for (let i = 1; i < unit.chars.length; i++) {
      if (COMMON_HAN.has(unit.chars[i - 1]) && COMMON_HAN.has(unit.chars[i]))
        pairs.add(unit.chars[i - 1] + unit.chars[i]);
    }
  });
  return [...pairs];
}

/**
 * Returns the pair or gram token that an article stores exactly when one of its text fields
 * holds the phrase `tokens`, else undefined: a phrase of two words with a gram (`the_government`),
 * two adjacent characters of one run that form a pair (人大), or the two characters around one run
 * break with a gram (济_政). Both directions hold because pairs and grams are made from the same
 * adjacency the phrase checks: two words with nothing but separators between them, two characters
 * of one run, the last and first characters of runs with only separators between them.
 */
export function exactHint(tokens: readonly MatchToken[], hints: readonly string[]): string | undefined {
  if (tokens.some((token) => token.prefix === true)) return undefined;
  const texts = tokens.map((token) => token.text);
  const candidates =
    texts.length === 2
      ? [texts.join(RUN_BREAK), texts.join('')]
      : texts.length === 3 && texts[1] === RUN_BREAK
        ? [texts.join('')]
        : [];
  return candidates.find((candidate) => hints.includes(candidate));
}
