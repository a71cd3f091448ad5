/**
 * The values the decoding modules pass between them, in a module of their own so that
 * decode-feed-bytes.ts and the helpers it calls (decode-trusted.ts, recover-encoding.ts)
 * depend on it rather than on each other.
 */

/** A decoded document: its text without BOM, the encoding used, and what was recovered. */
export interface DecodedText {
  text: string;
  /** The lowercase WHATWG name of the encoding actually used, e.g. "utf-8", "gbk". */
  encoding: string;
  /** One short line per recovery (wrong declaration, replaced bytes); [] when clean. */
  problems: string[];
  /**
   * Set when the document is UTF-8 and `text` is only the Latin-1 view of these bytes (one
   * character per byte), for a parser that decodes what it takes out (xml/text-slicer.ts).
   */
  utf8?: Uint8Array;
  /** Notes on what was unusual but needed no repair (an HTTP charset overriding the XML declaration); absent when none. */
  notes?: string[];
}
