/**
 * Statistical encoding detection with chardet (a port of ICU's detector): it scores every
 * legacy encoding Node can decode using byte-pair and common-character statistics, which
 * is what tells GBK from Big5 from Shift_JIS. Chosen over writing our own because those
 * per-language tables are the hard part; it is only called when declarations and UTF-8
 * have failed, and only on a bounded sample, so its cost stays off the common path.
 * It is loaded on first use (chardet is CommonJS, so `require` can load it synchronously):
 * importing it up front added to every `tidings parse`'s start-up (bench/README.md), and
 * documents that are UTF-8 or decode by their declaration never need it.
 */
import { createRequire } from 'node:module';

type Chardet = typeof import('chardet');
let chardet: Chardet | undefined;

function loadChardet(): Chardet {
  chardet ??= createRequire(import.meta.url)('chardet') as Chardet;
  return chardet;
}

/** One detection result: a WHATWG encoding name and chardet's confidence (0–100). */
export interface EncodingGuess {
  encoding: string;
  confidence: number;
}

// chardet names → WHATWG names. ISO-2022-CN/KR have no decoder in Node (WHATWG maps them
// to "replacement"), so they are left out and never guessed.
const WHATWG_NAMES: Readonly<Record<string, string>> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'UTF-32LE': 'utf-32le',
  'UTF-32BE': 'utf-32be',
  GB18030: 'gbk',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-2022-JP': 'iso-2022-jp',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'windows-1254',
  'KOI8-R': 'koi8-r',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'windows-874': 'windows-874',
};

// Enough text for stable statistics; a feed's first non-ASCII byte is where text starts to matter.
const SAMPLE_SIZE = 64 * 1024;
const SAMPLE_LEAD = 256;

const MULTI_BYTE = new Set(['gbk', 'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr']);

/** Returns true for the East Asian double-byte encodings (gbk, gb18030, big5, shift_jis, euc-jp, euc-kr). */
export function isMultiByteLegacy(encoding: string): boolean {
  return MULTI_BYTE.has(encoding);
}

function sampleText(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_SIZE) return bytes;
  let first = 0;
  while (first < bytes.length && bytes[first] < 0x80) first++;
  const start = Math.max(0, Math.min(first - SAMPLE_LEAD, bytes.length - SAMPLE_SIZE));
  return bytes.subarray(start, start + SAMPLE_SIZE);
}

/** Returns chardet's guesses for `bytes` as WHATWG encoding names, most confident first, without duplicates. */
export function guessEncodings(bytes: Uint8Array): EncodingGuess[] {
  const guesses: EncodingGuess[] = [];
  const seen = new Set<string>();
  for (const match of loadChardet().analyse(sampleText(bytes))) {
    const encoding = WHATWG_NAMES[match.name];
    if (encoding === undefined || seen.has(encoding)) continue;
    seen.add(encoding);
    guesses.push({ encoding, confidence: match.confidence });
  }
  return guesses;
}
