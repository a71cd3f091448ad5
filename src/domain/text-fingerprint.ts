/**
 * The revision rule's fingerprints: an article gets a new revision when its title key or its
 * text fingerprint changes, and tags, whitespace, punctuation (Chinese punctuation too) and
 * case are ignored, so typography-only edits do not count.
 *
 * The normalization, in order:
 *   1. HTML only: drop comments, `<script>`/`<style>` with their content, and every tag
 *      (an unclosed one runs to the end, as in a browser); then decode entities
 *      (`entities`' decodeHTML, the HTML5 table, so `&nbsp;`, `&rdquo;`, `&#12290;` all work);
 *   2. Unicode NFKC: full-width forms become ASCII (`，` → `,`, `Ａ` → `A`), ligatures split;
 *   3. only letters, digits and combining marks (Unicode L, N, M, any script) are kept: all
 *      punctuation (、。，「」《》…—“” and straight quotes alike), symbols, spaces, `&nbsp;`,
 *      controls, zero-width and soft hyphens go, so a changed word, number or accent counts;
 *      a `.` or `,` between two digits stays (as `.`), so "1.5 %" → "15 %" is a change;
 *   4. case folding as upper-then-lower case, which also folds `ß` → `ss` and `ς` → `σ`.
 * Speed (it runs for every item of every fetch): step 3 is a loop over a 64 KB table of the
 * Basic Multilingual Plane built once on first use, because a `\p{…}` regex replace alone cost
 * more than the whole fingerprint does now (bench/README.md, "Text fingerprint"). No HTML
 * parser: a tokenizer would cost far more than one regex pass and find the same text.
 *
 * The text fingerprint is the first 32 hex digits of the SHA-256 of the normalized text.
 * If these rules ever change, bump TEXT_FINGERPRINT_VERSION so stored fingerprints can be
 * recomputed instead of every article gaining a spurious revision.
 */

import { decodeHTML } from 'entities';
import type { TextType } from './parsed-feed.ts';
import { sha256Hex } from '../util/sha256.ts';

/** The version of the normalization and fingerprint rules above. */
export const TEXT_FINGERPRINT_VERSION = 1;

// Linear on any input: every lazy or open-ended part can also end at `$`, so a failed
// match never rescans the rest of the text once per `<`.
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<[a-zA-Z/!?][^>]*(?:>|$)/gi;
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
let keptInBmp: Uint8Array | undefined;

/** Returns the normalized text that fingerprints are made of (rules in the module header); `type` says how to read `value`. */
export function normalizeFingerprintText(value: string, type: TextType = 'html'): string {
  let text = value;
  if (type === 'html') {
    if (text.includes('<')) text = text.replace(MARKUP, '');
    if (text.includes('&')) text = decodeHTML(text);
  }
  return keepWordCharacters(text.normalize('NFKC')).toUpperCase().toLowerCase();
}

/** Returns the 32-hex-digit text fingerprint of an HTML body (or of plain text with `type` 'text'); empty text gives the fingerprint of ''. */
export function textFingerprint(value: string, type: TextType = 'html'): string {
  return sha256Hex(normalizeFingerprintText(value, type)).slice(0, 32);
}

/** Returns the comparable key of a title: its normalized text (plain text unless `type` is 'html'); '' when absent. */
export function titleKey(title: string | undefined, type: TextType = 'text'): string {
  return title === undefined ? '' : normalizeFingerprintText(title, type);
}

function keepWordCharacters(text: string): string {
  const kept = (keptInBmp ??= buildBmpTable());
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (kept[code] === 1) continue;
    if ((code === 46 || code === 44) && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) {
      // A decimal or thousands mark between digits is content: "1.5 %" and "15 %" differ.
      out += `${text.slice(start, i)}.`;
      start = i + 1;
      continue;
    }
    const low = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    const pair = low >= 0xdc00 && low <= 0xdfff;
    if (pair && WORD_CHARACTER.test(text.slice(i, i + 2))) {
      i++;
      continue;
    }
    out += text.slice(start, i);
    if (pair) i++;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

function buildBmpTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    if (!isSurrogate && WORD_CHARACTER.test(String.fromCharCode(code))) table[code] = 1;
  }
  return table;
}
