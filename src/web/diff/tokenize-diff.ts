/**
 * Splits text into the units a revision diff compares. Latin, Cyrillic, Hangul … words are
 * one token each (so a changed word is marked whole), while every Han, Hiragana and Katakana
 * character is its own token: Chinese and Japanese have no spaces, so a word-level split
 * would make a whole sentence one "word" and mark it all changed for one edited character.
 * Whitespace runs and each punctuation mark are tokens too, so joining the tokens gives the
 * text back exactly.
 */

const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}_'’])+|\s+|[\s\S]/gu;

/** Returns the tokens of `text`, in order; their concatenation is `text`. */
export function tokenizeForDiff(text: string): string[] {
  return text.match(TOKEN) ?? [];
}
