/**
 * Slices of the document text. A UTF-8 document is parsed as the Latin-1 view of its bytes
 * (one character per byte, which V8 keeps as a one-byte string copied straight from the
 * buffer), and only the slices that hold non-ASCII bytes are decoded from the bytes
 * themselves. Why: decoding a whole mostly-English document turns it into a two-byte string
 * as soon as it holds one curly quote, and then every title, URL and body sliced from it is
 * two-byte too, which made decoding, JSON.stringify and UTF-8 output the largest costs of
 * `tidings parse` (bench/README.md, the news300 corpus). Markup, URLs and ASCII text now stay
 * one-byte; each non-ASCII value is decoded once, as it is taken out.
 */
import { Buffer } from 'node:buffer';
import { repairDoubleEncoding } from '../encoding/repair-double-encoding.ts';

/** Returns the document's text between two offsets, decoded. */
export type TextSlicer = (from: number, to: number) => string;

const HIGH = /[\u0080-\u00ff]/;

/**
 * Returns a slicer over `text`. With `utf8` (the bytes `text` is the Latin-1 view of), slices
 * holding non-ASCII bytes are decoded as UTF-8, repaired when encoded twice (`onRepair` is then
 * called); without it, plain `text.slice`.
 */
export function createTextSlicer(text: string, utf8: Uint8Array | undefined, onRepair: () => void): TextSlicer {
  if (utf8 === undefined) return (from, to) => text.slice(from, to);
  const bytes = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  return (from, to) => {
    const raw = text.slice(from, to);
    if (!HIGH.test(raw)) return raw;
    const decoded = bytes.toString('utf8', from, to);
    const repaired = repairDoubleEncoding(decoded);
    if (repaired !== decoded) onRepair();
    return repaired;
  };
}

/** Returns a value of the Latin-1 byte view (a DTD entity value) decoded as UTF-8. */
export function decodeByteString(value: string): string {
  return HIGH.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}
