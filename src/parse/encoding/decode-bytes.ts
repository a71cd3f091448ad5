/**
 * Turns bytes into text in one named encoding, strictly (undefined on any invalid byte) or
 * with U+FFFD replacement. Node's TextDecoder (full ICU) does the work, with cached
 * instances, except where it falls short of the WHATWG Encoding Standard:
 * - windows-1252 (also every "iso-8859-1"/"us-ascii" label): Node 20 decodes it as
 *   ISO-8859-1, turning 0x80–0x9F into C1 controls instead of € ‚ „ … ‘ ’ “ ” – —, so it
 *   is decoded here from a 32-entry table;
 * - gbk: Node's gbk rejects four-byte GB18030 sequences, but WHATWG's gbk decoder is the
 *   gb18030 decoder, so gbk is decoded with gb18030;
 * - utf-32le/be: not supported by TextDecoder at all, decoded here.
 * Strict UTF-8 that is not pure ASCII is checked with `isUtf8` (simdutf) and converted with
 * ICU's `transcode` to UTF-16, which measured faster than TextDecoder on Chinese text with
 * identical results (bench/README.md); the BOM case stays with TextDecoder, which strips it.
 * The feed parser itself mostly avoids decoding UTF-8 at all (xml/text-slicer.ts).
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { TextDecoder } from 'node:util';

// WHATWG index-windows-1252, bytes 0x80–0x9F (the rest of the table is ISO-8859-1).
const WINDOWS_1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';
const C1_BYTES = /[\x80-\x9f]/g;

const strictDecoders = new Map<string, TextDecoder>();
const lossyDecoders = new Map<string, TextDecoder>();

function getDecoder(encoding: string, fatal: boolean): TextDecoder {
  const cache = fatal ? strictDecoders : lossyDecoders;
  let decoder = cache.get(encoding);
  if (decoder === undefined) {
    decoder = new TextDecoder(encoding === 'gbk' ? 'gb18030' : encoding, { fatal });
    cache.set(encoding, decoder);
  }
  return decoder;
}

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(C1_BYTES, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]);
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean, fatal: boolean): string | undefined {
  const end = bytes.length - (bytes.length % 4);
  if (fatal && end !== bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  let points: number[] = [];
  for (let i = 0; i < end; i += 4) {
    let point = view.getUint32(i, littleEndian);
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
      if (fatal) return undefined;
      point = 0xfffd;
    }
    points.push(point);
    if (points.length === 4096) {
      chunks.push(String.fromCodePoint(...points));
      points = [];
    }
  }
  if (end !== bytes.length) points.push(0xfffd);
  chunks.push(String.fromCodePoint(...points));
  return chunks.join('');
}

/** Returns valid UTF-8 as text, or undefined when it is not valid UTF-8. */
function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom || isAscii(bytes)) return getDecoder('utf-8', true).decode(bytes);
  return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
}

/** Returns `bytes` decoded as `encoding` (a name from normalizeCharsetLabel), or undefined when any byte sequence is invalid in it. */
export function decodeStrict(bytes: Uint8Array, encoding: string): string | undefined {
  if (encoding === 'utf-8') return decodeUtf8Strict(bytes);
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le', true);
  try {
    return getDecoder(encoding, true).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Returns `bytes` decoded as `encoding`, with each invalid sequence replaced by U+FFFD; never throws. */
export function decodeLossy(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  if (encoding === 'utf-32le' || encoding === 'utf-32be')
    return decodeUtf32(bytes, encoding === 'utf-32le', false) ?? '';
  return getDecoder(encoding, false).decode(bytes);
}

/** Returns how many U+FFFD replacement characters `text` contains. */
export function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}
