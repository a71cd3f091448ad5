/** A decoded document: its text without BOM, the encoding used, and what was recovered. */
export interface DecodedText {
  text: string;
  /** The lowercase WHATWG name of the encoding actually used, e.g. "utf-8", "gbk". */
  encoding: string;
  /** One short line per recovery (wrong declaration, replaced bytes); [] when clean. */
  problems: string[];
}
