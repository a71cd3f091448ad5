/**
 * Encodes text as GBK bytes for benchmark corpora. Node ships a GBK decoder (WHATWG
 * TextDecoder) but no encoder, and iconv-lite is not a dependency, so the encoder is the
 * decoder inverted once over the two-byte code space (lead 0x81–0xFE, trail 0x40–0xFE).
 */

let table: Map<string, number> | undefined;

/** Returns the char → two-byte code map, built on first use (≈ 24 000 entries, a few ms). */
function loadTable(): Map<string, number> {
  if (table) return table;
  const decoder = new TextDecoder('gbk');
  const map = new Map<string, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const char = decoder.decode(pair);
      if (char.length === 1 && char !== '\ufffd' && !map.has(char)) map.set(char, (lead << 8) | trail);
    }
  }
  table = map;
  return map;
}

/**
 * Returns `text` as GBK bytes; a character GBK cannot encode is written as an XML numeric
 * character reference (`&#N;`), so callers must only pass XML or HTML text.
 */
export function encodeGbk(text: string): Buffer {
  const map = loadTable();
  const out = Buffer.allocUnsafe(text.length * 2 + 16);
  let length = 0;
  let spill: Buffer[] | undefined;
  const flushIfFull = (need: number): void => {
    if (length + need <= out.length) return;
    spill ??= [];
    spill.push(Buffer.from(out.subarray(0, length)));
    length = 0;
  };
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      flushIfFull(1);
      out[length++] = code;
      continue;
    }
    const bytes = map.get(char);
    if (bytes !== undefined) {
      flushIfFull(2);
      out[length++] = bytes >> 8;
      out[length++] = bytes & 0xff;
      continue;
    }
    const reference = `&#${code};`;
    flushIfFull(reference.length);
    length += out.write(reference, length, 'latin1');
  }
  const tail = out.subarray(0, length);
  return spill ? Buffer.concat([...spill, tail]) : Buffer.from(tail);
}
