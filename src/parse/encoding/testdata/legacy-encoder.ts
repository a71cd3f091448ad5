/**
 * Test helper: encodes text into legacy encodings (GBK, Big5, Shift_JIS, EUC-KR,
 * windows-125x, ISO-8859-x, …) by inverting Node's TextDecoder over the one- and two-byte
 * code space, since TextEncoder only produces UTF-8. Built once per encoding and cached.
 */

const tables = new Map<string, Map<string, number[]>>();

// Node 20's TextDecoder decodes windows-1252 as ISO-8859-1, so its C1 row is spelled out
// here (WHATWG index-windows-1252), independently of the production table.
const WINDOWS_1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

function buildWindows1252Table(): Map<string, number[]> {
  const table = new Map<string, number[]>();
  for (let b = 0xa0; b <= 0xff; b++) table.set(String.fromCharCode(b), [b]);
  for (let i = 0; i < 32; i++) table.set(WINDOWS_1252_C1[i], [0x80 + i]);
  return table;
}

function buildTable(encoding: string): Map<string, number[]> {
  if (encoding === 'windows-1252') return buildWindows1252Table();
  const decoder = new TextDecoder(encoding, { fatal: true });
  const table = new Map<string, number[]>();
  const add = (seq: number[]): void => {
    let text: string;
    try {
      text = decoder.decode(new Uint8Array(seq));
    } catch {
      return;
    }
    if ([...text].length === 1 && text !== '\uFFFD' && !table.has(text)) table.set(text, seq);
  };
  for (let b = 0x80; b <= 0xff; b++) add([b]);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  }
  return table;
}

/** Returns `text` encoded in `encoding` (a TextDecoder name); throws when a character has no one- or two-byte mapping. */
export function encodeLegacy(text: string, encoding: string): Uint8Array {
  let table = tables.get(encoding);
  if (table === undefined) {
    table = buildTable(encoding);
    tables.set(encoding, table);
  }
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const seq = table.get(char);
    if (seq === undefined) throw new Error(`${JSON.stringify(char)} has no ${encoding} mapping`);
    out.push(...seq);
  }
  return Uint8Array.from(out);
}

/** Returns `text` as UTF-16 bytes in the given byte order, without a BOM. */
export function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[i * 2 + (littleEndian ? 0 : 1)] = unit & 0xff;
    out[i * 2 + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return out;
}

/** Returns `text` as UTF-32 bytes in the given byte order, without a BOM. */
export function encodeUtf32(text: string, littleEndian: boolean): Uint8Array {
  const points = [...text].map((char) => char.codePointAt(0) ?? 0);
  const out = new Uint8Array(points.length * 4);
  const view = new DataView(out.buffer);
  for (const [i, point] of points.entries()) view.setUint32(i * 4, point, littleEndian);
  return out;
}

/** Returns the concatenation of byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
