/**
 * The index tokenizer's inner loop (index-tokens.ts states the rules), written for speed
 * because it runs over every character of every indexed article (tokenizing was most
 * of `reindex`'s JavaScript time). The stored tokens are written as UTF-16 code units into one
 * reused buffer and decoded once (Buffer `utf16le`), instead of a string per CJK character and
 * a join; common-character pairs and run-break grams are collected as numbers (two code
 * units) and become strings only once per distinct pair of an article. The tokens must be
 * exactly the ones index-tokens.ts's rules give (index-tokens.test.ts compares them with the
 * query side's tokens on generated text).
 */
import { COMMON_HAN } from './common-han.ts';
import { COMMON_WORDS } from './common-words.ts';
import { CJK, CLASSES, classifyAstral, HIGH_SURROGATE, MAX_WORD_LENGTH, WORD } from './split-units.ts';

const SPACE = 0x20;
const BREAK = 0x5f; // RUN_BREAK, '_'
const COMMON_UNITS = new Uint8Array(0x10000);
for (const char of COMMON_HAN) COMMON_UNITS[char.charCodeAt(0)] = 1;
const COMMON_WORD_LENGTHS = new Set([...COMMON_WORDS].map((word) => word.length));

/** The pairs and grams of one article, collected over all its fields without repeats. */
export interface PairSink {
  /** Two adjacent BMP characters (a common pair, or a break gram `a_b` when `gram`), as code units. */
  units: Set<number>;
  /** Grams and pairs that need their text: word grams and break grams with an astral character. */
  texts: Set<string>;
}

/** Returns an empty sink. */
export function createPairSink(): PairSink {
  return { units: new Set(), texts: new Set() };
}

/** Returns the distinct pair and gram tokens a sink holds. */
export function sinkTokens(sink: PairSink): string[] {
  const out: string[] = [];
  for (const key of sink.units) {
    const gram = key >= 0x100000000;
    const pair = gram ? key - 0x100000000 : key;
    const a = String.fromCharCode(Math.floor(pair / 0x10000));
    const b = String.fromCharCode(pair % 0x10000);
    out.push(gram ? `${a}_${b}` : a + b);
  }
  for (const text of sink.texts) out.push(text);
  return out;
}

let buffer = new Uint16Array(4096);

const isCommonWord = (folded: string, start: number, end: number): boolean =>
  COMMON_WORD_LENGTHS.has(end - start) && COMMON_WORDS.has(folded.slice(start, end));

/** Returns the space-separated stored tokens of already folded text; adds its pairs and grams to `sink` when given. */
export function scanTokens(folded: string, sink?: PairSink): string {
  if (buffer.length < folded.length * 4 + 8) buffer = new Uint16Array(folded.length * 4 + 8);
  const out = buffer;
  let n = 0;
  let wordStart = -1;
  let inRun = false;
  let afterRun = false;
  let previous = -1; // the last CJK character: a code unit, or -2 for an astral one (never common)
  let previousText = '';
  let lastStart = -1;
  let lastEnd = -1;
  let lastCommon = false;
  const endWord = (end: number) => {
    const stop = Math.min(end, wordStart + MAX_WORD_LENGTH);
    for (let j = wordStart; j < stop; j++) out[n++] = folded.charCodeAt(j);
    out[n++] = SPACE;
    if (sink !== undefined) {
      const common = isCommonWord(folded, wordStart, stop);
      if (lastStart >= 0 && (common || lastCommon))
        sink.texts.add(`${folded.slice(lastStart, lastEnd)}_${folded.slice(wordStart, stop)}`);
      lastCommon = common;
    }
    lastStart = wordStart;
    lastEnd = stop;
    wordStart = -1;
  };
  for (let i = 0; i < folded.length; ) {
    const unit = folded.charCodeAt(i);
    let kind = CLASSES[unit];
    let width = 1;
    if (kind === HIGH_SURROGATE) {
      width = i + 1 < folded.length ? 2 : 1;
      kind = width === 2 ? classifyAstral(folded.slice(i, i + 2)) : 0;
    }
    if (kind === CJK) {
      if (wordStart >= 0) endWord(i);
      lastStart = -1;
      if (!inRun) {
        if (afterRun) {
          out[n++] = BREAK;
          out[n++] = SPACE;
          if (sink !== undefined) addBreakGram(sink, previous, previousText, folded, i, width);
        }
        inRun = true;
      } else if (
        sink !== undefined &&
        width === 1 &&
        previous >= 0 &&
        COMMON_UNITS[unit] === 1 &&
        COMMON_UNITS[previous] === 1
      ) {
        sink.units.add(previous * 0x10000 + unit);
      }
      out[n++] = unit;
      if (width === 2) out[n++] = folded.charCodeAt(i + 1);
      out[n++] = SPACE;
      previous = width === 1 ? unit : -2;
      if (width === 2) previousText = folded.slice(i, i + 2);
    } else if (kind === WORD) {
      inRun = false;
      afterRun = false;
      if (wordStart < 0) wordStart = i;
    } else {
      if (wordStart >= 0) {
        endWord(i);
        afterRun = false;
      }
      if (inRun) {
        inRun = false;
        afterRun = true;
      }
    }
    i += width;
  }
  if (wordStart >= 0) endWord(folded.length);
  if (n === 0) return '';
  return Buffer.from(out.buffer, out.byteOffset, (n - 1) * 2).toString('utf16le');
}

function addBreakGram(
  sink: PairSink,
  previous: number,
  previousText: string,
  folded: string,
  i: number,
  width: number,
): void {
  const unit = folded.charCodeAt(i);
  const afterCommon = width === 1 && COMMON_UNITS[unit] === 1;
  const beforeCommon = previous >= 0 && COMMON_UNITS[previous] === 1;
  if (!afterCommon && !beforeCommon) return;
  if (previous >= 0 && width === 1) {
    sink.units.add(0x100000000 + previous * 0x10000 + unit);
    return;
  }
  const before = previous >= 0 ? String.fromCharCode(previous) : previousText;
  sink.texts.add(`${before}_${folded.slice(i, i + width)}`);
}
