/**
 * The `lang` to put on article content, so the stylesheet can pick CJK fonts and line
 * height: the language the article or its feed declares when it looks like a language tag,
 * else a guess from the script of the text (kana → ja, hangul → ko, Han → zh), else none.
 */

const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** Returns a language tag for `sample` text, or undefined when nothing can be said. */
export function contentLanguage(declared: string | undefined, sample: string): string | undefined {
  const tag = declared?.trim().replace(/_/g, '-');
  if (tag !== undefined && TAG.test(tag)) return tag;
  const head = sample.slice(0, 2000);
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(head)) return 'ja';
  if (/\p{Script=Hangul}/u.test(head)) return 'ko';
  if (/\p{Script=Han}/u.test(head)) return 'zh';
  return undefined;
}
