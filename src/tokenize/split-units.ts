/**
 * Splits folded text into search units: words (runs of letters, digits and marks, e.g.
 * `covid19`, `münchen` → already folded to `munchen`) and CJK runs (unbroken runs of Han,
 * kana and Hangul, kept whole so that adjacency inside a run can be indexed exactly).
 * Everything else (spaces, punctuation, symbols, CJK punctuation) separates units. A URL
 * becomes its words (`https://example.com/a-b` → https, example, com, a, b), so a phrase
 * query of the same URL finds it. Classification is a table per UTF-16 code unit, built once
 * from Unicode property escapes, because this loop runs over every indexed character.
 */

/** One unit: a word, or the characters (code points) of a CJK run. */
export type TextUnit = { kind: 'word'; text: string } | { kind: 'cjk'; chars: string[] };

/** Longest word kept, in UTF-16 units; longer runs (base64, hashes) are cut, the same way at index and query time. */
export const MAX_WORD_LENGTH = 64;

/** Character classes of `charClass`. */
export const SEPARATOR = 0;
export const WORD = 1;
export const CJK = 2;
/** A high surrogate: classify the pair with `classifyAstral`. */
export const HIGH_SURROGATE = 3;

const CJK_PATTERN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]/u;
const WORD_PATTERN = /[\p{L}\p{N}\p{M}]/u;

function buildClasses(): Uint8Array {
  const classes = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdbff) {
      classes[unit] = HIGH_SURROGATE;
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) continue;
    const char = String.fromCharCode(unit);
    if (CJK_PATTERN.test(char)) classes[unit] = CJK;
    else if (WORD_PATTERN.test(char)) classes[unit] = WORD;
  }
  return classes;
}

/** The class of each UTF-16 code unit (SEPARATOR, WORD, CJK or HIGH_SURROGATE). */
export const CLASSES = buildClasses();

/** Returns the class of an astral character given as its surrogate pair. */
export function classifyAstral(pair: string): number {
  if (CJK_PATTERN.test(pair)) return CJK;
  return WORD_PATTERN.test(pair) ? WORD : SEPARATOR;
}

/** Returns the class (SEPARATOR, WORD or CJK) of the character at `i` in UTF-16 units and its width (1, or 2 for a surrogate pair). */
export function charClass(text: string, i: number): [kind: number, width: number] {
  const kind = CLASSES[text.charCodeAt(i)];
  if (kind !== HIGH_SURROGATE) return [kind, 1];
  return i + 1 < text.length ? [classifyAstral(text.slice(i, i + 2)), 2] : [SEPARATOR, 1];
}

/** Returns the units of already folded text, in order. */
export function splitUnits(folded: string): TextUnit[] {
  const units: TextUnit[] = [];
  let word = -1;
  let run: string[] | undefined;
  const endWord = (at: number) => {
    if (word < 0) return;
    units.push({ kind: 'word', text: folded.slice(word, Math.min(at, word + MAX_WORD_LENGTH)) });
    word = -1;
  };
  const endRun = () => {
    if (run === undefined) return;
    units.push({ kind: 'cjk', chars: run });
    run = undefined;
  };
  for (let i = 0; i < folded.length; i++) {
    const [kind, width] = charClass(folded, i);
    if (kind === CJK) {
      endWord(i);
      run ??= [];
      run.push(width === 1 ? folded[i] : folded.slice(i, i + 2));
    } else if (kind === WORD) {
      endRun();
      if (word < 0) word = i;
    } else {
      endWord(i);
      endRun();
    }
    i += width - 1;
  }
  endWord(folded.length);
  endRun();
  return units;
}
