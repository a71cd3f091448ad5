/**
 * Category paths as OPML carries them: nested outline titles, or OPML 2.0 `category`
 * attributes holding "/a/b" paths. Both read and write go through one normal form, "a/b"
 * (segments trimmed, empty ones dropped), so read(write(x)) gives back the same strings.
 */

/** Returns `path` in normal form ("/News//World/ " → "News/World"); '' when nothing is left. */
export function normalizeCategory(path: string): string {
  if (!path.includes('/')) return path.trim();
  return path
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '')
    .join('/');
}

/** Returns the segments of a normalized category path ("News/World" → ["News", "World"]). */
export function splitCategory(path: string): string[] {
  return normalizeCategory(path)
    .split('/')
    .filter((segment) => segment !== '');
}
