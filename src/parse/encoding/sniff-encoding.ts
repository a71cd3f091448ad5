/**
 * Cheap looks at a document's first bytes: a byte order mark, the NUL pattern of UTF-16 or
 * UTF-32 text without one (XML 1.0 Appendix F), and the XML declaration's encoding label.
 * Only a short prefix is ever read, so these cost nothing on large documents.
 */

/** What a byte order mark says: the encoding and how many bytes the mark takes. */
export interface ByteOrderMark {
  encoding: string;
  length: number;
}

// How far into the document an XML declaration may end (it is normally under 60 bytes).
const DECLARATION_LIMIT = 1024;
const ENCODING_PSEUDO_ATTRIBUTE = /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** Returns the encoding and length of the byte order mark at the start of `bytes`, or undefined when there is none. */
export function sniffByteOrderMark(bytes: Uint8Array): ByteOrderMark | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b0 === 0xff && b1 === 0xfe) {
    if (b2 === 0 && b3 === 0 && bytes.length >= 4) return { encoding: 'utf-32le', length: 4 };
    return { encoding: 'utf-16le', length: 2 };
  }
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', length: 4 };
  return undefined;
}

/**
 * Returns utf-16le/be or utf-32le/be when the first four bytes are ASCII characters laid out
 * in that form (a feed starts with `<`, `{` or whitespace), or undefined for an ASCII-compatible start.
 */
export function sniffWideEncoding(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  const [b0, b1, b2, b3] = bytes;
  if (b0 !== 0 && b0 < 0x80 && b1 === 0 && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0 && b3 < 0x80) return 'utf-32be';
  if (b0 !== 0 && b0 < 0x80 && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le';
  if (b0 === 0 && b1 !== 0 && b1 < 0x80 && b2 === 0 && b3 !== 0) return 'utf-16be';
  return undefined;
}

function skipWhitespace(bytes: Uint8Array, start: number): number {
  let i = start;
  while (
    i < bytes.length &&
    i < 64 &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return i;
}

/** Returns the encoding label of an XML declaration at the start of `bytes` (read as ASCII, after `start`), or undefined when there is no declaration or it names none. */
export function sniffXmlDeclaration(bytes: Uint8Array, start = 0): string | undefined {
  const open = skipWhitespace(bytes, start);
  // "<?xml" then whitespace; "<?xml-stylesheet" and the like are not declarations.
  if (bytes[open] !== 0x3c || bytes[open + 1] !== 0x3f || (bytes[open + 2] | 0x20) !== 0x78) return undefined;
  if ((bytes[open + 3] | 0x20) !== 0x6d || (bytes[open + 4] | 0x20) !== 0x6c) return undefined;
  const after = bytes[open + 5];
  if (after !== 0x20 && after !== 0x09 && after !== 0x0a && after !== 0x0d) return undefined;
  const limit = Math.min(bytes.length, open + DECLARATION_LIMIT);
  let close = open + 5;
  while (close < limit && bytes[close] !== 0x3e) close++;
  const declaration = Buffer.from(bytes.buffer, bytes.byteOffset + open, close - open).toString('latin1');
  const match = ENCODING_PSEUDO_ATTRIBUTE.exec(declaration);
  if (match === null) return undefined;
  const label = (match[1] ?? match[2]).trim();
  return label === '' ? undefined : label;
}
