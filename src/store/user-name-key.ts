/**
 * The key that makes user names unique case-insensitively: NFKC, then lower case. Done in
 * TypeScript rather than with SQLite's NOCASE collation, which folds ASCII only, so names
 * like `Łukasz`/`łukasz` or full-width letters collide as people expect, in every back end.
 */

/** Returns the uniqueness key of a user name. */
export function userNameKey(name: string): string {
  return name.trim().normalize('NFKC').toLowerCase();
}
