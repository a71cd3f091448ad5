// Owns turning a feed document's bytes into text: BOM, HTTP charset, XML declaration,
// detection, WHATWG labels. Imports nothing from other parse folders or any layer above.
export { decodeFeedBytes, normalizeCharsetLabel } from './decode-feed-bytes.ts';
export type { DecodeOptions } from './decode-feed-bytes.ts';
export type { DecodedText } from './decoded-text.ts';
