/**
 * Lenient number reading for ttl, width, height and length: leading digits count
 * ("1,234", "300px", " 42 "), anything without them is no value at all.
 */

/** Returns the non-negative integer at the start of `raw` (thousands commas allowed), or undefined. */
export function parseNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  let n = 0;
  let digits = 0;
  let i = 0;
  const len = raw.length;
  while (i < len && raw.charCodeAt(i) <= 32) i++;
  if (raw.charCodeAt(i) === 43 /* + */) i++;
  for (; i < len; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
    } else if (c !== 44 /* , */ || digits === 0) break;
  }
  return digits === 0 || !Number.isSafeInteger(n) ? undefined : n;
}
