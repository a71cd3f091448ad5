/**
 * Search folding: the one normalization applied to every text before it is tokenized, at
 * index time and at query time alike, so that what a user types and what an article says meet
 * in the same form. In order: Unicode NFKC (full-width → half-width, ligatures, compatibility
 * ideographs, half-width katakana → full-width), lower case (plus the full case folds ß → ss and
 * final ς → σ), Latin diacritics removed (é → e, ø → o), and Traditional Chinese with its Taiwan
 * and Hong Kong variants → Simplified (習 → 习, 裡 → 里, 綫 → 线), character by character (see
 * han-variants.ts for why not phrase by phrase). A table indexed by UTF-16 code unit finds the
 * characters that change (a regular expression with a 4,000-character class ran at a tenth of the
 * speed), so Simplified Chinese and plain English pass through almost untouched.
 */
import { buildHanFoldTable } from './han-variants.ts';

const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
  ſ: 's',
  ς: 'σ',
};

function buildFoldTable(): Map<string, string> {
  const table = buildHanFoldTable();
  const latinRanges: Array<[number, number]> = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of latinRanges) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      const stripped = char
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
      if (stripped !== char && /^[a-z]+$/.test(stripped)) table.set(char, stripped);
    }
  }
  for (const [char, folded] of Object.entries(LATIN_SPECIAL)) table.set(char, folded);
  for (let code = 0x300; code <= 0x36f; code++) table.set(String.fromCodePoint(code), '');
  return table;
}

// Built on first use, not at import: opening the store imports the tokenizer, and a round that indexes nothing should not pay for the table.
let FOLD_TABLE: Map<string, string> | undefined;
// Per UTF-16 code unit: 1 = this BMP character folds, 2 = a high surrogate that starts some folding astral character.
const FLAGS = new Uint8Array(0x10000);
const BMP: string[] = [];

function loadFoldTable(): Map<string, string> {
  const table = buildFoldTable();
  for (const [key, value] of table) {
    const unit = key.charCodeAt(0);
    if (key.length === 1) {
      FLAGS[unit] = 1;
      BMP[unit] = value;
    } else {
      FLAGS[unit] = 2;
    }
  }
  FOLD_TABLE = table;
  return table;
}

function foldChars(text: string): string {
  const table = FOLD_TABLE ?? loadFoldTable();
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const flag = FLAGS[text.charCodeAt(i)];
    if (flag === 0) continue;
    if (flag === 1) {
      out += text.slice(copied, i) + BMP[text.charCodeAt(i)];
      copied = i + 1;
    } else {
      const folded = table.get(text.slice(i, i + 2));
      if (folded !== undefined) {
        out += text.slice(copied, i) + folded;
        copied = i + 2;
      }
      i++;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Returns `text` in search form: NFKC, lower-cased, Latin diacritics removed, Traditional Chinese folded to Simplified. */
export function foldText(text: string): string {
  return foldChars(text.normalize('NFKC').toLowerCase());
}
