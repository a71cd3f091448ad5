/**
 * The pre-check of resolveHtmlUrls (html-urls.ts): could this HTML hold a relative URL in a
 * URL attribute, or a srcset? It answers exactly what the regex below did, but walks only the
 * `=` signs (found with indexOf) instead of trying a case-insensitive alternation at every
 * character: the regex was a measurable share of bench:parse (bench/README.md), paid by every
 * document with a base URL, and nearly all of it says no.
 *
 *   /(?:srcset[\t\n\f\r ]*=|(?:href|src|…|original)[\t\n\f\r ]*=[\t\n\f\r ]*["']?[\t\n\f\r ]*(?![a-z][a-z0-9+.-]*:|#|["']))/i
 *
 * Like the regex, it also says yes when whitespace follows the `=` or the quote (the regex
 * can stop its whitespace short and look at a space); the attribute walk decides for real.
 */

const URL_NAMES = [
  'href',
  'src',
  'poster',
  'cite',
  'background',
  'longdesc',
  'usemap',
  'action',
  'data',
  'lowsrc',
  'dynsrc',
  'icon',
  'manifest',
  'original',
];

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isSchemeChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
}

/** Returns true when `text` has `name` (lowercase ASCII) ending at `end`, ASCII letters compared in any case. */
function endsWithName(text: string, end: number, name: string): boolean {
  const start = end - name.length;
  if (start < 0) return false;
  for (let i = 0; i < name.length; i++) {
    if ((text.charCodeAt(start + i) | 32) !== name.charCodeAt(i)) return false;
  }
  return true;
}

/** Returns true when the value at `at` starts with a scheme, `#` or a quote (`(?=[a-z][a-z0-9+.-]*:|#|["'])`). */
function startsSettled(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 35 || c === 34 || c === 39) return true;
  if (!isLetter(c)) return false;
  let i = at + 1;
  while (i < text.length && isSchemeChar(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 58;
}

/** Returns true when the value after the `=` at `at - 1` may be a relative URL (whitespace there counts as "may"). */
function valueMayBeRelative(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return !startsSettled(text, c === 34 || c === 39 ? at + 1 : at);
}

/** Returns true when `html` may hold a relative URL in a URL attribute, or holds a srcset (exactly the regex above). */
export function mayHaveRelativeUrl(html: string): boolean {
  for (let eq = html.indexOf('='); eq !== -1; eq = html.indexOf('=', eq + 1)) {
    let end = eq;
    while (end > 0 && isSpace(html.charCodeAt(end - 1))) end--;
    const last = html.charCodeAt(end - 1) | 32;
    // Every name ends in one of these letters; most attributes (alt, width, class…) stop here.
    if (
      last !== 102 &&
      last !== 99 &&
      last !== 114 &&
      last !== 101 &&
      last !== 100 &&
      last !== 112 &&
      last !== 110 &&
      last !== 97 &&
      last !== 116 &&
      last !== 108
    )
      continue;
    if (endsWithName(html, end, 'srcset')) return true;
    let named = false;
    for (const name of URL_NAMES) {
      if (endsWithName(html, end, name)) {
        named = true;
        break;
      }
    }
    if (named && valueMayBeRelative(html, eq + 1)) return true;
  }
  return false;
}
