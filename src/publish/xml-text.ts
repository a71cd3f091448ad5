/**
 * Text for XML documents: escaping for element content and attribute values, and removing
 * the characters XML 1.0 forbids (XML 1.0 §2.2 Char: C0 controls other than tab, LF, CR,
 * lone surrogates, U+FFFE and U+FFFF), which stored article text may carry and which would
 * make the whole document ill-formed. Everything is escaped, never wrapped in CDATA, so a
 * `]]>` in a body needs no special case.
 */

// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Returns `text` without the characters XML 1.0 does not allow. */
export function xmlSafeText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Returns `text` escaped for XML element content and (double- or single-quoted) attribute values, forbidden characters removed. */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}
