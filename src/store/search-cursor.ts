/**
 * The opaque cursor of a search page: the sort key of the last hit (score or time, then id)
 * and the `now` the scores were computed at, so page 2 ranks with the same freshness as page 1
 * and continues strictly after the last hit instead of skipping or repeating one.
 */

/** Where the next page starts. */
export interface SearchCursor {
  key: number;
  id: number;
  now: number;
}

/** Returns the cursor text of a position. */
export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id, cursor.now]), 'utf8').toString('base64url');
}

/** Returns the position of a cursor text, or undefined when it is not one a search made. */
export function decodeSearchCursor(text: string): SearchCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3 || !value.every((n) => typeof n === 'number' && Number.isFinite(n)))
      return undefined;
    const [key, id, now] = value as number[];
    return Number.isSafeInteger(id) && Number.isSafeInteger(now) ? { key, id, now } : undefined;
  } catch {
    return undefined;
  }
}
