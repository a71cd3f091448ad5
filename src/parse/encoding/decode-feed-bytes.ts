/**
 * Decodes a feed document's bytes to text, choosing the encoding in this order: the user's
 * per-feed override, a byte order mark, UTF-16/32 NUL patterns, the HTTP charset, the XML
 * declaration, then detection (chardet), then UTF-8. A declaration the bytes contradict is
 * not obeyed: the document is decoded by what it really is and a problem line says so.
 * The common case (UTF-8, declared or not) costs one strict TextDecoder call and nothing
 * else; everything slower happens only for documents that are not UTF-8.
 */
import { decodeStrict } from './decode-bytes.ts';
import { isAsciiCompatible, normalizeCharsetLabel } from './charset-labels.ts';
import { recoverEncoding, type Declaration } from './recover-encoding.ts';
import { sniffByteOrderMark, sniffWideEncoding, sniffXmlDeclaration } from './sniff-encoding.ts';
import { decodeTrusted } from './decode-trusted.ts';
import type { DecodedText } from './decoded-text.ts';

export type { DecodedText };

export { normalizeCharsetLabel } from './charset-labels.ts';

/** Where a charset may come from besides the document itself. */
export interface DecodeOptions {
  /** The charset label of the HTTP Content-Type header, e.g. "gb2312". */
  httpCharset?: string;
  /** A user's per-feed encoding setting; trusted over everything else. */
  override?: string;
}

// Problem lines stay short even when a hostile document declares a kilobyte-long label.
const LABEL_DISPLAY = 40;

function readDeclarations(bytes: Uint8Array, httpCharset: string | undefined, problems: string[]): Declaration[] {
  const declarations: Declaration[] = [];
  for (const label of [httpCharset, sniffXmlDeclaration(bytes)]) {
    if (label === undefined || label.trim() === '') continue;
    const encoding = normalizeCharsetLabel(label);
    if (encoding === undefined) problems.push(`unknown encoding "${label.slice(0, LABEL_DISPLAY)}" ignored`);
    else if (!declarations.some((known) => known.encoding === encoding)) declarations.push({ label, encoding });
  }
  return declarations;
}

function sameFamily(a: string, b: string): boolean {
  return a.slice(0, 6) === b.slice(0, 6);
}

/** Returns the document's text (BOM removed), the lowercase WHATWG name of the encoding used, and what had to be recovered; never throws. */
export function decodeFeedBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const problems: string[] = [];
  const bom = sniffByteOrderMark(bytes);
  if (options.override !== undefined) {
    const encoding = normalizeCharsetLabel(options.override);
    if (encoding !== undefined) {
      const body = bom !== undefined && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
      return decodeTrusted(body, encoding, problems);
    }
    problems.push(`unknown encoding "${options.override.slice(0, LABEL_DISPLAY)}" in the feed's settings ignored`);
  }
  if (bom !== undefined) return decodeTrusted(bytes.subarray(bom.length), bom.encoding, problems);

  const declarations = readDeclarations(bytes, options.httpCharset, problems);
  const primary = declarations[0];
  const wide = sniffWideEncoding(bytes);
  if (wide !== undefined) {
    if (primary !== undefined && !sameFamily(primary.encoding, wide)) {
      problems.push(`declared encoding "${primary.label}" is wrong; decoded as ${wide}`);
    }
    return decodeTrusted(bytes, wide, problems);
  }

  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 === undefined) return recoverEncoding(bytes, declarations, problems);
  if (primary === undefined || primary.encoding === 'utf-8') return { text: utf8, encoding: 'utf-8', problems };
  // Valid UTF-8 whose UTF-16 length equals its byte length is pure ASCII: the same text in
  // every ASCII-compatible encoding except ISO-2022-JP, whose escapes keep it 7-bit.
  if (utf8.length === bytes.length && isAsciiCompatible(primary.encoding)) {
    if (primary.encoding === 'iso-2022-jp') return decodeTrusted(bytes, primary.encoding, problems);
    return { text: utf8, encoding: primary.encoding, problems };
  }
  // Valid multi-byte UTF-8 is essentially never meaningful text in a legacy encoding, and
  // UTF-16/32 was ruled out above by the absence of their NUL pattern.
  problems.push(`declared encoding "${primary.label}" is wrong; decoded as utf-8`);
  return { text: utf8, encoding: 'utf-8', problems };
}
