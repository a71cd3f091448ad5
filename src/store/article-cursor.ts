/**
 * The opaque pagination cursor of `listArticles`: the (time, id) of the last article on a
 * page, so the next page starts strictly after it. Keyset pagination, not offsets, so
 * pages neither skip nor repeat articles when new ones arrive or times are equal.
 */

/** The position after which the next page starts. */
export interface ArticleCursor {
  time: number;
  id: number;
}

/** Returns the cursor text of a position. */
export function encodeArticleCursor(cursor: ArticleCursor): string {
  return Buffer.from(`${cursor.time}:${cursor.id}`, 'utf8').toString('base64url');
}

/** Returns the position of a cursor text, or undefined when it is not one this store made. */
export function decodeArticleCursor(text: string): ArticleCursor | undefined {
  const match = /^(-?\d{1,16}):(\d{1,16})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (match === null) return undefined;
  const time = Number(match[1]);
  const id = Number(match[2]);
  return Number.isSafeInteger(time) && Number.isSafeInteger(id) ? { time, id } : undefined;
}
