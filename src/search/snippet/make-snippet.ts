/**
 * Search snippets: the stretch of an article's text with the most query matches, cut at a
 * sensible place and with the matches marked. Matching runs on folded text (so 經濟 is marked
 * for the query 经济, Café for cafe) and the marks are mapped back to the original characters.
 * A window is cut at a clause or sentence end (。！？；，、 and . ! ? ; ,) when one lies near
 * the edge, else at a space for Latin text, else (CJK, no punctuation near) between any two
 * characters, never inside a Latin word or a surrogate pair. Whitespace is collapsed first.
 */
import { escapeHtml } from '../../util/escape-html.ts';
import { foldText } from '../../tokenize/fold-text.ts';
import { CJK, CLASSES, WORD } from '../../tokenize/split-units.ts';
import type { WorkMeter } from '../../util/work-meter.ts';

/** A snippet: plain text (with `…` where it was cut) and the [start, end) ranges to highlight. */
export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
}

/** What to highlight: each phrase as the list of its units' texts (CJK runs and words, folded). */
export type HighlightPhrase = Array<{ text: string; kind: 'word' | 'cjk'; prefix?: boolean }>;

const BREAKS = /[。！？；，、.!?;,:：]/u;

// Chunks folded at once: NFKC may change a text's length (… → ...), and then only the chunks whose length
// changed are folded character by character, which is slow over a whole article (bench/README.md, "Snippets").
const FOLD_CHUNK = 64;

// `map[i]` is the index in `text` of folded character i; undefined when folding kept every position.
function foldWithMap(text: string): { folded: string; map?: number[] } {
  const whole = foldText(text);
  if (whole.length === text.length) return { folded: whole };
  let folded = '';
  const map: number[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + FOLD_CHUNK);
    if ((text.charCodeAt(end) & 0xfc00) === 0xdc00) end++;
    const chunk = text.slice(start, end);
    const piece = foldText(chunk);
    if (piece.length === chunk.length) {
      for (let j = 0; j < piece.length; j++) map.push(start + j);
      folded += piece;
    } else {
      for (let i = start; i < end; ) {
        const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        const one = foldText(text.slice(i, i + width));
        for (let j = 0; j < one.length; j++) map.push(i);
        folded += one;
        i += width;
      }
    }
    start = end;
  }
  map.push(text.length);
  return { folded, map };
}

function isWordChar(text: string, i: number): boolean {
  return i >= 0 && i < text.length && CLASSES[text.charCodeAt(i)] === WORD;
}

// Counts a step per place the first unit is found and per unit checked there.
function findMatches(
  folded: string,
  phrases: HighlightPhrase[],
  meter: WorkMeter | undefined,
): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let steps = 0;
  for (const phrase of phrases) {
    if (phrase.length === 0) continue;
    const first = phrase[0];
    let from = 0;
    for (;;) {
      const start = folded.indexOf(first.text, from);
      if (start < 0) break;
      steps++;
      from = start + 1;
      if (first.kind === 'word' && isWordChar(folded, start - 1)) continue;
      let at = start;
      let ok = true;
      for (let u = 0; u < phrase.length && ok; u++) {
        steps++;
        const unit = phrase[u];
        if (u > 0) {
          while (
            at < folded.length &&
            CLASSES[folded.charCodeAt(at)] !== WORD &&
            CLASSES[folded.charCodeAt(at)] !== CJK
          )
            at++;
          ok = folded.startsWith(unit.text, at);
        }
        at += unit.text.length;
        if (ok && unit.kind === 'word' && unit.prefix !== true) ok = !isWordChar(folded, at);
        if (ok && unit.kind === 'word' && unit.prefix === true) while (isWordChar(folded, at)) at++;
      }
      if (ok) found.push([start, at]);
    }
  }
  if (meter !== undefined) meter.steps += steps;
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function cutPoint(text: string, at: number, direction: -1 | 1, slack: number): number {
  const limit = direction < 0 ? Math.max(0, at - slack) : Math.min(text.length, at + slack);
  for (let i = at; direction < 0 ? i > limit : i < limit; i += direction) {
    if (BREAKS.test(text[direction < 0 ? i - 1 : i])) return direction < 0 ? i : i + 1;
  }
  for (let i = at; direction < 0 ? i > limit : i < limit; i += direction)
    if (text[i] === ' ') return direction < 0 ? i + 1 : i;
  let i = at;
  while (i > 0 && i < text.length && isWordChar(text, i - 1) && isWordChar(text, i)) i += direction;
  if (i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00) i += direction;
  return Math.max(0, Math.min(text.length, i));
}

// Whitespace runs other than a lone space: replacing every \s+ with ' ' rebuilds the whole text around each of its
// thousands of single spaces (bench/README.md, "Snippets"). Every \s is in the BMP, so no /u flag is needed.
const ODD_SPACE = /\s{2,}|[^\S ]/g;

function collapseSpaces(text: string): string {
  return text.replace(ODD_SPACE, ' ').trim();
}

// The phrases' matches in `text`, as [start, end) ranges of its characters.
function matchesIn(text: string, phrases: HighlightPhrase[], meter?: WorkMeter): Array<[number, number]> {
  const { folded, map } = foldWithMap(text);
  const matches = findMatches(folded, phrases, meter);
  return map === undefined ? matches : matches.map(([s, e]) => [map[s], map[e]]);
}

/** Returns the whole of a short text (a title) with the phrases' matches to highlight, whitespace collapsed. */
export function highlightAll(rawText: string, phrases: HighlightPhrase[]): Snippet {
  const text = collapseSpaces(rawText);
  return { text, highlights: matchesIn(text, phrases) };
}

/** Returns the best snippet of about `length` characters for the phrases; the text's start when nothing matches. Adds its steps (matches tried, window moves) to `meter`. */
export function makeSnippet(rawText: string, phrases: HighlightPhrase[], length = 160, meter?: WorkMeter): Snippet {
  const text = collapseSpaces(rawText);
  const matches = matchesIn(text, phrases, meter);
  let start = 0;
  // The window starting at the match that has the most whole matches in it (the first such). Starts and ends both
  // ascend (mapped back from folded text, two may share a start), so the matches in the window of match i are lo … hi-1,
  // and both only move forward: one pass, where counting afresh for every match would grow with the square of the
  // matches ("the" has thousands in a long article; make-snippet.test.ts counts the steps).
  let bestCount = -1;
  let steps = 0;
  for (let i = 0, lo = 0, hi = 0; i < matches.length; i++, steps++) {
    const [from] = matches[i];
    for (; matches[lo][0] < from; steps++) lo++;
    if (hi < lo) hi = lo;
    for (; hi < matches.length && matches[hi][1] <= from + length; steps++) hi++;
    if (hi - lo > bestCount) {
      bestCount = hi - lo;
      start = Math.max(0, from - Math.floor(length / 5));
    }
  }
  if (meter !== undefined) meter.steps += steps;
  if (start > 0) start = cutPoint(text, start, -1, Math.floor(length / 5));
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = Math.max(start + 1, cutPoint(text, end, -1, Math.floor(length / 4)));
  const body = text.slice(start, end).trim();
  const lead = start > 0 ? '…' : '';
  const offset = text.indexOf(body, start) - lead.length;
  const highlights = matches
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - offset, e - offset] as [number, number]);
  return { text: `${lead}${body}${end < text.length ? '…' : ''}`, highlights };
}

/** Returns the snippet as HTML: text escaped, highlights in `<mark>`. */
export function snippetToHtml(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const [s, e] of snippet.highlights) {
    out += `${escapeHtml(snippet.text.slice(at, s))}<mark>${escapeHtml(snippet.text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(snippet.text.slice(at));
}

/** Returns the snippet with each highlight wrapped in `open` and `close` (e.g. ANSI bold for a terminal). */
export function markSnippet(snippet: Snippet, open: string, close: string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of snippet.highlights) {
    out += `${snippet.text.slice(at, s)}${open}${snippet.text.slice(s, e)}${close}`;
    at = e;
  }
  return out + snippet.text.slice(at);
}
