// Shared by the peer CLIs: turns a feed file's bytes into text the way a user's command must,
// BOM first, then the charset in the XML declaration (WHATWG labels, so gbk and gb2312 work),
// else UTF-8. Plain JS so that the peers start without a TypeScript loader.
const decoders = new Map();

/** Returns a cached TextDecoder for `label`, or the UTF-8 one when the label is unknown. */
function getDecoder(label) {
  const key = label.toLowerCase();
  let decoder = decoders.get(key);
  if (!decoder) {
    try {
      decoder = new TextDecoder(key);
    } catch {
      decoder = getDecoder('utf-8');
    }
    decoders.set(key, decoder);
  }
  return decoder;
}

/** Returns the text of a feed document given its bytes. */
export function decodeFeed(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return getDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return getDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return getDecoder('utf-16le').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 256).toString('latin1');
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return getDecoder(declared ? declared[1] : 'utf-8').decode(bytes);
}
