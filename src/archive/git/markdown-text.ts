/**
 * Markdown that every git host renders the same (GitHub, GitLab and Gitea all follow
 * CommonMark): text with Markdown's and HTML's special characters escaped, and relative link
 * targets percent-encoded as UTF-8, one path segment at a time, so Chinese names, spaces and
 * parentheses never end or break a link. Pure.
 */

/** Returns `text` on one line with the characters Markdown or HTML would read as markup escaped. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`);
}

/** Returns a relative path as a link target: each segment percent-encoded (parentheses and quotes too), slashes kept. */
export function encodeLinkTarget(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}

/** Returns an inline link whose text is escaped and whose target is encoded. */
export function markdownLink(text: string, path: string): string {
  return `[${escapeMarkdownText(text)}](${encodeLinkTarget(path)})`;
}

/** Returns an absolute http(s) URL as a link target, or undefined for any other scheme (no `javascript:` links). */
export function safeWebUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return undefined;
  }
}
