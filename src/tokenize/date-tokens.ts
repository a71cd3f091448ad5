/**
 * Date tokens: each article's index row also holds the UTC day, month and year of its time
 * (`_d20231231 _m202312 _y2023`), so a search bounded by `before:` or `on:` can read one period
 * at a time, newest first, as the intersection of its words with the period's token (a short
 * list) instead of every match of a common word. They start with `_`, which no word, character
 * or gram token does. Part of the index format: changing them needs a reindex.
 */

/** A period length: a UTC day, month or year. */
export type Period = 'day' | 'month' | 'year';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Returns the start (epoch ms) of the UTC period that holds `time`. */
export function periodStart(period: Period, time: number): number {
  const d = new Date(time);
  if (period === 'day') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (period === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return Date.UTC(d.getUTCFullYear(), 0, 1);
}

/** Returns the token of the UTC period that holds `time`. */
export function periodToken(period: Period, time: number): string {
  const d = new Date(time);
  const year = pad(d.getUTCFullYear(), 4);
  if (period === 'year') return `_y${year}`;
  const month = `${year}${pad(d.getUTCMonth() + 1, 2)}`;
  return period === 'month' ? `_m${month}` : `_d${month}${pad(d.getUTCDate(), 2)}`;
}

/** Returns the day, month and year tokens of `time`. */
export function dateTokens(time: number): string[] {
  return [periodToken('day', time), periodToken('month', time), periodToken('year', time)];
}
