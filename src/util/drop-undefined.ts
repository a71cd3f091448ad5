/**
 * Drops the keys whose value is undefined, so that optional fields are absent rather than
 * present-but-undefined (values compare equal with `toEqual` and serialize alike). A plain
 * loop, not `Object.fromEntries(Object.entries(…).filter(…))`: the store maps every row of
 * a page through it, and the entry arrays showed in a timeline page's CPU
 * (bench/README.md, "Reader pages: where a timeline page's CPU went").
 */

/** Returns a shallow copy of `value` without the keys whose value is undefined. */
export function dropUndefined<T extends object>(value: T): T {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (source[key] !== undefined) out[key] = source[key];
  return out as T;
}
