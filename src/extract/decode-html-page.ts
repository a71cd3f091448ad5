/**
 * Bytes of an HTML page → text, for extraction: the charset from the HTTP Content-Type when
 * given, else from the page's own `<meta charset>` / `http-equiv` declaration in its first
 * 2 KB (HTML §13.2.3.2 prescan, simplified), else a BOM, else UTF-8. Node's TextDecoder
 * (full ICU) covers GBK, GB18030, Big5, Shift_JIS and the rest.
 */
import { TextDecoder } from 'node:util';

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)/i;

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase() === 'gb2312' ? 'gbk' : label.trim());
  } catch {
    return undefined;
  }
}

/** Returns the page's text, decoded by its declared charset (UTF-8 when none is declared or known). */
export function decodeHtmlPage(bytes: Uint8Array, contentType?: string): string {
  const fromHeader = contentType !== undefined ? /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1] : undefined;
  let decoder = decoderFor(fromHeader);
  if (!decoder && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decoder = new TextDecoder('utf-8');
  if (!decoder && bytes[0] === 0xff && bytes[1] === 0xfe) decoder = new TextDecoder('utf-16le');
  if (!decoder && bytes[0] === 0xfe && bytes[1] === 0xff) decoder = new TextDecoder('utf-16be');
  if (!decoder) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    decoder = decoderFor(META_CHARSET.exec(head)?.[1]);
  }
  return (decoder ?? new TextDecoder('utf-8')).decode(bytes);
}
