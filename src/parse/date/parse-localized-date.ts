/**
 * Dates in the local forms feedparser reads besides RFC 822 and W3C-DTF, tried only when
 * those fail: Greek RFC 822 ("Κυρ, 11 Ιούλ 2004 12:00:00 EST"), Hungarian W3C-DTF with a
 * month name ("2004-július-13T9:15-05:00"), Korean ("2004-05-25 오후 11:23:17" from Nate,
 * "2004년 05월 28일 01:31:15" from OnBlog; both in Korea's time, +09:00, as those services
 * wrote them), and ISO 8601 week and ordinal dates ("2004-W01-4", "2004-032").
 */
import { buildTimestamp } from './build-timestamp.ts';
import { parseRfc822 } from './parse-rfc822.ts';
import { parseLooseDate } from './parse-loose-date.ts';
import { parseZone } from './time-zones.ts';

const GREEK_MONTHS: Readonly<Record<string, string>> = {
  Ιαν: 'Jan',
  Φεβ: 'Feb',
  Μάώ: 'Mar',
  Μαώ: 'Mar',
  Μαρ: 'Mar',
  Απρ: 'Apr',
  Μάι: 'May',
  Μαϊ: 'May',
  Μαι: 'May',
  Ιούν: 'Jun',
  Ιον: 'Jun',
  Ιούλ: 'Jul',
  Ιολ: 'Jul',
  Αύγ: 'Aug',
  Αυγ: 'Aug',
  Σεπ: 'Sep',
  Οκτ: 'Oct',
  Νοέ: 'Nov',
  Νοε: 'Nov',
  Δεκ: 'Dec',
};
const GREEK_WEEKDAYS: Readonly<Record<string, string>> = {
  Κυρ: 'Sun',
  Δευ: 'Mon',
  Τρι: 'Tue',
  Τετ: 'Wed',
  Πεμ: 'Thu',
  Παρ: 'Fri',
  Σαβ: 'Sat',
};
const GREEK = /^(?:([^\s,]+),\s*)?(\d{1,2})\s+([^\s]+)\s+(\d{2,4})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*(.*)$/u;

const HUNGARIAN_MONTHS: Readonly<Record<string, number>> = {
  január: 1,
  február: 2,
  februári: 2,
  március: 3,
  április: 4,
  május: 5,
  máujus: 5,
  június: 6,
  július: 7,
  augusztus: 8,
  szeptember: 9,
  október: 10,
  november: 11,
  december: 12,
};
const HUNGARIAN = /^(\d{4})-([^\d\s-]+)-(\d{1,2})(?:T(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/u;

const KOREA_OFFSET = 540;
const KOREAN_NATE = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(오전|오후)\s+(\d{1,2}):(\d{2}):(\d{2})$/u;
const KOREAN_ONBLOG = /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s+(\d{1,2}):(\d{2}):(\d{2})$/u;

// ISO 8601 §4.1.4: week dates (2004-W01-4, 2004W014, 2004-W01) and ordinal dates (2004-032, 2004032), then an optional time and zone.
const WEEK = /^(\d{4})-?W(\d{2})(?:-?([1-7]))?(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?\s*(.*)$/;
const ORDINAL = /^(\d{4})-?(\d{3})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?\s*(.*)$/;

function greek(text: string): string | undefined {
  const m = GREEK.exec(text);
  if (m === null) return undefined;
  const month = GREEK_MONTHS[m[3]];
  if (month === undefined) return undefined;
  const weekday = m[1] === undefined ? undefined : GREEK_WEEKDAYS[m[1]];
  const english = `${weekday === undefined ? '' : `${weekday}, `}${m[2]} ${month} ${m[4]} ${m[5]} ${m[6]}`.trim();
  return parseRfc822(english) ?? parseLooseDate(english);
}

function hungarian(text: string): string | undefined {
  const m = HUNGARIAN.exec(text);
  if (m === null) return undefined;
  const month = HUNGARIAN_MONTHS[m[2].toLowerCase()];
  const offset = parseZone(m[7]);
  if (month === undefined || offset === undefined) return undefined;
  return buildTimestamp(
    Number(m[1]),
    month,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    offset,
  );
}

function korean(text: string): string | undefined {
  const nate = KOREAN_NATE.exec(text);
  if (nate !== null) {
    const hour = (Number(nate[5]) % 12) + (nate[4] === '오후' ? 12 : 0);
    return buildTimestamp(
      Number(nate[1]),
      Number(nate[2]),
      Number(nate[3]),
      hour,
      Number(nate[6]),
      Number(nate[7]),
      KOREA_OFFSET,
    );
  }
  const onblog = KOREAN_ONBLOG.exec(text);
  if (onblog === null) return undefined;
  const [, year, month, day, hour, minute, second] = onblog.map(Number);
  return buildTimestamp(year, month, day, hour, minute, second, KOREA_OFFSET);
}

/** Returns the ordinal day of the year of ISO week `week`, weekday `day` (1 = Monday) of `year`. */
function weekToOrdinal(year: number, week: number, day: number): number {
  const jan4 = new Date(Date.UTC(year, 0, 4)).getUTCDay() || 7;
  return week * 7 + day - (jan4 + 3);
}

function fromOrdinal(year: number, ordinal: number, time: Array<string | undefined>, zone: string): string | undefined {
  const offset = parseZone(zone);
  if (offset === undefined || ordinal < -6 || ordinal > 373) return undefined;
  const date = new Date(Date.UTC(year, 0, ordinal));
  if (ordinal < 1 || ordinal > 366) return undefined;
  return buildTimestamp(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    Number(time[0] ?? 0),
    Number(time[1] ?? 0),
    Number(time[2] ?? 0),
    offset,
  );
}

function isoWeekOrOrdinal(text: string): string | undefined {
  const week = WEEK.exec(text);
  if (week !== null) {
    const year = Number(week[1]);
    const w = Number(week[2]);
    if (w < 1 || w > 53) return undefined;
    const ordinal = weekToOrdinal(year, w, Number(week[3] ?? 1));
    if (ordinal < 1) return fromOrdinal(year - 1, ordinal + daysInYear(year - 1), week.slice(4, 7), week[7]);
    if (ordinal > daysInYear(year)) return fromOrdinal(year + 1, ordinal - daysInYear(year), week.slice(4, 7), week[7]);
    return fromOrdinal(year, ordinal, week.slice(4, 7), week[7]);
  }
  const ordinal = ORDINAL.exec(text);
  if (ordinal === null) return undefined;
  const day = Number(ordinal[2]);
  if (day > daysInYear(Number(ordinal[1]))) return undefined;
  return fromOrdinal(Number(ordinal[1]), day, ordinal.slice(3, 6), ordinal[6]);
}

function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/** Returns the UTC timestamp of a Greek, Hungarian or Korean date, or of an ISO 8601 week or ordinal date; undefined for anything else. */
export function parseLocalizedDate(text: string): string | undefined {
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return isoWeekOrOrdinal(text) ?? hungarian(text) ?? korean(text);
  return greek(text);
}
