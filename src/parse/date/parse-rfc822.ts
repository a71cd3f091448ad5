/**
 * The RFC 822 date as nearly every RSS feed writes it, "Tue, 14 May 2024 09:30:00 GMT" (or
 * "+0800" for the zone, a one-digit day allowed), read at fixed positions. Anything else is
 * left to the lenient month-name scan (parse-loose-date.ts), which gives the same result for
 * these forms; this path exists because that scan costs several times more per date, and
 * every RSS item has one (bench/README.md, "Measurements behind the parser's shape").
 */
import { buildTimestamp } from './build-timestamp.ts';
import { toOffsetMinutes } from './time-zones.ts';

const WEEKDAYS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
const MONTHS: ReadonlyMap<string, number> = new Map(
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((name, i) => [name, i + 1]),
);

/** Returns the `count` digits at `start` as a number, or -1 when one of them is not a digit. */
export function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Returns the zone's offset in minutes for "GMT" or "±HHMM" at `start` (the end of the text), or undefined. */
function zoneAt(text: string, start: number): number | undefined {
  const rest = text.length - start;
  if (rest === 3) return text.startsWith('GMT', start) ? 0 : undefined;
  if (rest !== 5) return undefined;
  const sign = text[start];
  const hours = digitsAt(text, start + 1, 2);
  const minutes = digitsAt(text, start + 3, 2);
  if ((sign !== '+' && sign !== '-') || hours < 0 || minutes < 0) return undefined;
  return toOffsetMinutes(sign, hours, minutes);
}

/** Returns "Www, D[D] Mon YYYY HH:MM:SS GMT|±HHMM" as UTC "YYYY-MM-DDTHH:MM:SSZ", or undefined for any other text. */
export function parseRfc822(text: string): string | undefined {
  if (
    text.length < 28 ||
    text.charCodeAt(3) !== 44 /* , */ ||
    text.charCodeAt(4) !== 32 ||
    !WEEKDAYS.has(text.slice(0, 3))
  )
    return undefined;
  const short = text.charCodeAt(6) === 32; // one-digit day
  const day = digitsAt(text, 5, short ? 1 : 2);
  const p = short ? 7 : 8; // the month
  if (day < 0 || text.charCodeAt(p - 1) !== 32 || text.charCodeAt(p + 3) !== 32 || text.charCodeAt(p + 8) !== 32)
    return undefined;
  const month = MONTHS.get(text.slice(p, p + 3));
  const year = digitsAt(text, p + 4, 4);
  const hour = digitsAt(text, p + 9, 2);
  const minute = digitsAt(text, p + 12, 2);
  const second = digitsAt(text, p + 15, 2);
  if (month === undefined || year < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (text.charCodeAt(p + 11) !== 58 || text.charCodeAt(p + 14) !== 58 || text.charCodeAt(p + 17) !== 32)
    return undefined;
  const offset = zoneAt(text, p + 18);
  return offset === undefined ? undefined : buildTimestamp(year, month, day, hour, minute, second, offset);
}
