/**
 * Cuts an HTML text to at most a number of characters without leaving half a tag or half a
 * character at its end: the cut moves back to before an unfinished `<…` and off a lone high
 * surrogate. Elements left open are the caller's to close (a sanitizer or a lenient reader does).
 */

/** Returns `html` when it has at most `max` characters, else its first characters up to `max`, cut outside any tag. */
export function cutHtml(html: string, max: number): string {
  if (html.length <= max) return html;
  let end = max;
  const open = html.lastIndexOf('<', end - 1);
  if (open !== -1 && html.lastIndexOf('>', end - 1) < open) end = open;
  const code = html.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return html.slice(0, end);
}
