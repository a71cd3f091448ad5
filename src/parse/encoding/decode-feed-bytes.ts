/**
 * Decodes a feed document's bytes to text, choosing the encoding in this order: the user's
 * per-feed override, a byte order mark, UTF-16/32 NUL patterns, the HTTP charset, the XML
 * declaration, then detection (chardet), then UTF-8. A declaration the bytes contradict is
 * not obeyed: the document is decoded by what it really is and a problem line says so.
 * The HTTP media type adds RFC 3023's rules: `text/xml` without a charset means us-ascii
 * (the XML declaration does not count), `application/xml` falls back to the declaration,
 * and a type that is not XML at all (`text/plain`) is reported. The common case (UTF-8,
 * declared or not) costs one strict decode and nothing else; everything slower happens
 * only for documents that are not UTF-8.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { decodeStrict } from './decode-bytes.ts';
import { isAsciiCompatible, normalizeCharsetLabel } from './charset-labels.ts';
import type { DecodedText } from './decoded-text.ts';
import { recoverEncoding, type Declaration } from './recover-encoding.ts';
import { repairDoubleEncoding } from './repair-double-encoding.ts';
import { sniffByteOrderMark, sniffWideEncoding, sniffXmlDeclaration } from './sniff-encoding.ts';
import { decodeTrusted } from './decode-trusted.ts';

export type { DecodedText };

export { normalizeCharsetLabel } from './charset-labels.ts';

/** Where a charset may come from besides the document itself. */
export interface DecodeOptions {
  /** The charset label of the HTTP Content-Type header, e.g. "gb2312". */
  httpCharset?: string;
  /** The HTTP media type without parameters, lowercase (e.g. "text/xml"), when the document came with one. */
  mediaType?: string;
  /** A user's per-feed encoding setting; trusted over everything else. */
  override?: string;
  /** Return valid UTF-8 as the Latin-1 view of its bytes, with the bytes in `utf8`, instead of decoding it. */
  utf8AsBytes?: boolean;
}

// Problem lines stay short even when a hostile document declares a kilobyte-long label.
const LABEL_DISPLAY = 40;

/** How RFC 3023 §3 treats a media type: which charset sources count, and whether it is XML at all. */
type MediaRule = 'application' | 'text' | 'not-xml' | 'none';

function mediaRuleOf(mediaType: string | undefined): MediaRule {
  if (mediaType === undefined || mediaType === '') return 'none';
  if (mediaType.endsWith('+xml') || mediaType.endsWith('/xml') || mediaType.endsWith('/xml-external-parsed-entity'))
    return mediaType.startsWith('text/') ? 'text' : mediaType.startsWith('application/') ? 'application' : 'not-xml';
  if (mediaType === 'application/xml-dtd') return 'application';
  return 'not-xml';
}

function startsLikeJson(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length && i < 1024; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x7b || b === 0x5b;
  }
  return false;
}

function readDeclarations(labels: Array<string | undefined>, problems: string[]): Declaration[] {
  const declarations: Declaration[] = [];
  for (const label of labels) {
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

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** Returns the document's text (BOM removed), the lowercase WHATWG name of the encoding used, and what had to be recovered; never throws. */
export function decodeFeedBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const problems: string[] = [];
  const notes: string[] = [];
  const decoded = decodeChosen(bytes, options, problems, notes);
  if (decoded.encoding === 'utf-8' && decoded.problems.length === 0 && decoded.utf8 === undefined) {
    const repaired = repairDoubleEncoding(decoded.text);
    if (repaired !== decoded.text) {
      decoded.text = repaired;
      notes.push('text encoded twice as utf-8 repaired');
    }
  }
  if (notes.length > 0) decoded.notes = notes;
  return decoded;
}

function decodeChosen(bytes: Uint8Array, options: DecodeOptions, problems: string[], notes: string[]): DecodedText {
  const bom = sniffByteOrderMark(bytes);
  if (options.override !== undefined) {
    const encoding = normalizeCharsetLabel(options.override);
    if (encoding !== undefined) {
      const body = bom !== undefined && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
      return decodeTrusted(body, encoding, problems);
    }
    problems.push(`unknown encoding "${options.override.slice(0, LABEL_DISPLAY)}" in the feed's settings ignored`);
  }
  const rule = mediaRuleOf(options.mediaType);
  if (rule === 'not-xml' && !startsLikeJson(bytes)) problems.push(`${options.mediaType} is not an XML media type`);
  if (bom !== undefined) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8' && options.utf8AsBytes && isUtf8(body)) return byteView(body, problems);
    return decodeTrusted(body, bom.encoding, problems);
  }

  const declared = sniffXmlDeclaration(bytes);
  // RFC 3023 §3.1: text/xml without a charset parameter is us-ascii, whatever the document declares.
  const textDefault =
    (rule === 'text' || (rule === 'not-xml' && options.mediaType?.startsWith('text/') === true)) &&
    options.httpCharset === undefined;
  if (textDefault && isAscii(bytes))
    return { text: decodeStrict(bytes, 'windows-1252') ?? '', encoding: 'windows-1252', problems };
  if (textDefault) problems.push(`${options.mediaType} without a charset means us-ascii, but the bytes are not ascii`);
  const declarations = readDeclarations([options.httpCharset, declared], problems);
  const primary = declarations[0];
  const wide = sniffWideEncoding(bytes);
  if (wide !== undefined) {
    if (primary !== undefined && !sameFamily(primary.encoding, wide)) {
      problems.push(`declared encoding "${primary.label}" is wrong; decoded as ${wide}`);
    }
    return decodeTrusted(bytes, wide, problems);
  }

  if (options.utf8AsBytes && (primary === undefined || primary.encoding === 'utf-8') && isUtf8(bytes)) {
    noteOverride(declarations, declared, 'utf-8', notes);
    return byteView(bytes, problems);
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 === undefined) {
    const before = problems.length;
    const recovered = recoverEncoding(bytes, declarations, problems);
    if (problems.length === before) noteOverride(declarations, declared, recovered.encoding, notes);
    return recovered;
  }
  if (primary === undefined || primary.encoding === 'utf-8') {
    noteOverride(declarations, declared, 'utf-8', notes);
    return { text: utf8, encoding: 'utf-8', problems };
  }
  // Valid UTF-8 whose UTF-16 length equals its byte length is pure ASCII: the same text in
  // every ASCII-compatible encoding except ISO-2022-JP, whose escapes keep it 7-bit.
  if (utf8.length === bytes.length && isAsciiCompatible(primary.encoding)) {
    noteOverride(declarations, declared, primary.encoding, notes);
    if (primary.encoding === 'iso-2022-jp') return decodeTrusted(bytes, primary.encoding, problems);
    return { text: utf8, encoding: primary.encoding, problems };
  }
  // Valid multi-byte UTF-8 is essentially never meaningful text in a legacy encoding, and
  // UTF-16/32 was ruled out above by the absence of their NUL pattern.
  problems.push(`declared encoding "${primary.label}" is wrong; decoded as utf-8`);
  return { text: utf8, encoding: 'utf-8', problems };
}

/** Returns valid UTF-8 as the Latin-1 view of its bytes (a one-byte string: a copy, no decoding). */
function byteView(bytes: Uint8Array, problems: string[]): DecodedText {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return { text, encoding: 'utf-8', problems, utf8: bytes };
}

/** RFC 3023 §3.2: the HTTP charset wins over the XML declaration; a different declaration is noted, not an error. */
function noteOverride(declarations: Declaration[], declared: string | undefined, used: string, notes: string[]): void {
  if (declarations.length < 2 || declared === undefined) return;
  const declaredEncoding = normalizeCharsetLabel(declared);
  if (declaredEncoding !== undefined && declaredEncoding !== used)
    notes.push(`the HTTP charset ${used} overrides the XML declaration's ${declared.slice(0, LABEL_DISPLAY)}`);
}
