/**
 * UTF-8 encoded twice: a publisher took UTF-8 bytes for ISO-8859-1 or windows-1252 and
 * encoded them to UTF-8 again, so "café" arrives as "cafÃ©" and "’" as "â€™". feedparser
 * repairs such values (it re-encodes each as ISO-8859-1 and decodes it as UTF-8 when that
 * works); this does the same for every run of such characters in the document, so that a
 * run is only changed when its bytes form valid UTF-8, which ordinary Latin text almost
 * never does (an "Ã" followed by "©" is not a word in any language).
 */

// A lead byte of a two- to four-byte UTF-8 sequence (0xC2–0xF4) read as Latin-1, then a continuation byte.
const SUSPECT =
  /[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/;
// Runs of characters that stand for one byte 0x80–0xFF in windows-1252 or ISO-8859-1.
const RUNS =
  /[\u0080-\u00ff\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]{2,}/g;
const WINDOWS_1252_HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const WINDOWS_1252_BYTES = [
  0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
  0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
];
function byteOf(char: string): number {
  const code = char.charCodeAt(0);
  if (code <= 0xff) return code;
  return WINDOWS_1252_BYTES[WINDOWS_1252_HIGH.indexOf(char)];
}

/** Returns the length of the valid UTF-8 multi-byte sequence starting at `i`, or 0. */
function sequenceLength(bytes: number[], i: number): number {
  const lead = bytes[i];
  const length =
    lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  // Overlong three-byte forms and surrogates (RFC 3629 §4).
  if (lead === 0xe0 && bytes[i + 1] < 0xa0) return 0;
  if (lead === 0xed && bytes[i + 1] > 0x9f) return 0;
  if (lead === 0xf0 && bytes[i + 1] < 0x90) return 0;
  if (lead === 0xf4 && bytes[i + 1] > 0x8f) return 0;
  return length;
}

function repairRun(run: string): string {
  const bytes = Array.from(run, byteOf);
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      out += run[i];
      i++;
      continue;
    }
    let code = bytes[i] & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) code = (code << 6) | (bytes[i + k] & 0x3f);
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}

/** Returns `text` with every run of doubly UTF-8-encoded characters decoded once more; the same string when there is none. */
export function repairDoubleEncoding(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(RUNS, repairRun);
}
