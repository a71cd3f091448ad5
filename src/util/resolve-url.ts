/**
 * URL resolution for feed values. Absolute http(s) URLs are returned exactly as the feed
 * gave them (docs/archive-format.md keeps a link's own percent-encoding), and only relative
 * references pay for WHATWG URL parsing.
 */

const ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** Returns `ref` resolved against `base` (absolute refs unchanged); returns the trimmed ref when it cannot be resolved. */
export function resolveUrl(ref: string, base: string | undefined): string {
  const trimmed = ref.trim();
  if (ABSOLUTE.test(trimmed)) return trimmed;
  if (base === undefined) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

/** Returns true when `url` is absolute (has a scheme). */
export function isAbsoluteUrl(url: string): boolean {
  return ABSOLUTE.test(url);
}
