/**
 * Dates in query filters: `2024`, `2024-05`, `2024-05-07` (also with `/` or `.`, full-width
 * digits after NFKC), each naming a whole UTC period: the year, month or day. `before:` ends
 * before the period starts, `after:` starts after it ends, `on:` is the period itself.
 */

/** A period in epoch ms: `start` inclusive, `end` exclusive. */
export interface DatePeriod {
  start: number;
  end: number;
}

/** Returns the UTC period a date text names, or undefined when it is not a date. */
export function parseDatePeriod(text: string): DatePeriod | undefined {
  const match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text.trim());
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (month === undefined) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  if (day === undefined) return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) };
  const start = Date.UTC(year, month - 1, day);
  if (new Date(start).getUTCDate() !== day) return undefined;
  return { start, end: start + 86_400_000 };
}
