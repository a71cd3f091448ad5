/**
 * The one place dates become output: range checks on the fields, then plain integer
 * arithmetic for the zone shift (an offset moves a time by less than a day, so at most one
 * day/month/year rollover) and formatting as "YYYY-MM-DDTHH:MM:SSZ". No Date.parse, whose
 * accepted formats are implementation-defined, and no Date object on the hot path.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MINUTES_PER_DAY = 1440;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function format(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): string | undefined {
  if (year < 1 || year > 9999) return undefined;
  const y = year >= 1000 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}Z`;
}

/** Returns the UTC timestamp for local fields and an offset (minutes east of UTC), or undefined when a field is out of range. A leap second (60) is read as 59; 24:00:00 is midnight of the next day. */
export function buildTimestamp(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): string | undefined {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute !== 0 || second !== 0))) return undefined;
  let minutes = hour * 60 + minute - offsetMinutes;
  let [y, m, d] = [year, month, day];
  if (minutes < 0) {
    minutes += MINUTES_PER_DAY;
    if (--d < 1) {
      if (--m < 1) [y, m] = [y - 1, 12];
      d = daysInMonth(y, m);
    }
  } else if (minutes >= MINUTES_PER_DAY) {
    minutes -= MINUTES_PER_DAY;
    if (++d > daysInMonth(y, m)) {
      d = 1;
      if (++m > 12) [y, m] = [y + 1, 1];
    }
  }
  return format(y, m, d, Math.floor(minutes / 60), minutes % 60, second === 60 ? 59 : second);
}

/** Returns milliseconds since the Unix epoch as "YYYY-MM-DDTHH:MM:SSZ" (sub-seconds dropped), or undefined outside years 1–9999. */
export function formatTimestamp(epochMs: number): string | undefined {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return undefined;
  return format(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
}
