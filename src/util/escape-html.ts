/** HTML escaping shared by the pages, the snippets and the use cases that turn plain text into HTML. */

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Returns `text` with &, <, >, " and ' escaped, safe in text and in quoted attributes. */
export function escapeHtml(text: string): string {
  // Most values (ids, times, plain titles) need nothing: one test instead of a replace that builds a new string.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]) : text;
}
