/**
 * The lenient parser for dates written with a month name: RFC 822/1123/2822 and what feeds
 * actually send under that name (missing or extra day names, "Thurs", "Sept", single-digit
 * fields, missing seconds, stray commas and dots, two-digit years, RFC 850's
 * "02-Nov-22"), asctime ("Wed Nov  2 13:16:00 2022"), JavaScript's Date#toString and
 * English prose forms ("November 2nd, 2022 at 1:16 pm"). One hand-written scan over the
 * characters, no regex backtracking and no Date.parse.
 */
import { buildTimestamp } from './build-timestamp.ts';
import { lookupZoneName, toOffsetMinutes } from './time-zones.ts';

// Month names; any prefix of three or more letters counts ("Sep", "Sept", "June"), unless
// two months share it (French "jui" is juin or juillet). English first, then the German
// and French names localized feeds use.
const MONTH_NAMES: ReadonlyArray<readonly [number, string]> = [
  [1, 'january'],
  [2, 'february'],
  [3, 'march'],
  [4, 'april'],
  [5, 'may'],
  [6, 'june'],
  [7, 'july'],
  [8, 'august'],
  [9, 'september'],
  [10, 'october'],
  [11, 'november'],
  [12, 'december'],
  [1, 'januar'],
  [1, 'janvier'],
  [2, 'februar'],
  [2, 'février'],
  [2, 'fevrier'],
  [3, 'märz'],
  [3, 'maerz'],
  [3, 'mrz'],
  [3, 'mars'],
  [4, 'avril'],
  [5, 'mai'],
  [6, 'juni'],
  [6, 'juin'],
  [7, 'juli'],
  [7, 'juillet'],
  [8, 'août'],
  [8, 'aout'],
  [10, 'oktober'],
  [12, 'dezember'],
  [12, 'décembre'],
];
const MONTHS: ReadonlyMap<string, number> = buildMonthPrefixes();

function buildMonthPrefixes(): Map<string, number> {
  const months = new Map<string, number>();
  for (const [month, name] of MONTH_NAMES) {
    for (let length = 3; length <= name.length; length++) {
      const prefix = name.slice(0, length);
      const known = months.get(prefix);
      months.set(prefix, known === undefined || known === month ? month : 0);
    }
  }
  return months;
}

const WEEKDAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
// German and French day abbreviations, matched whole ("mar", French Tuesday, is March).
const FOREIGN_WEEKDAYS = new Set(['mo', 'di', 'mi', 'do', 'fr', 'sa', 'so', 'lun', 'mer', 'jeu', 'ven', 'sam', 'dim']);
const FILLERS = new Set(['at', 'of', 'the', 'on', 'st', 'nd', 'rd', 'th']);

/** Fields collected by the scan; -1 means not seen. */
interface Fields {
  month: number;
  numbers: number[];
  digits: number[];
  hour: number;
  minute: number;
  second: number;
  meridiem: '' | 'am' | 'pm';
  zoneName: string;
  offset: number | undefined;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0x24f);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function monthOf(word: string): number | undefined {
  const month = MONTHS.get(word);
  return month === 0 ? undefined : month;
}

// Returns false when the word makes the whole value unparseable.
function takeWord(word: string, fields: Fields): boolean {
  const lower = word.toLowerCase();
  const month = monthOf(lower);
  if (month !== undefined) {
    if (fields.month !== -1) return false;
    fields.month = month;
    return true;
  }
  if ((lower.length <= 9 && WEEKDAYS.has(lower.slice(0, 3))) || FOREIGN_WEEKDAYS.has(lower)) return true;
  if (FILLERS.has(lower)) return true;
  if (lower === 'am' || lower === 'pm') {
    fields.meridiem = lower;
    return true;
  }
  if (fields.hour !== -1 && fields.zoneName === '' && lookupZoneName(lower) !== undefined) {
    fields.zoneName = lower;
    return true;
  }
  return false;
}

// Reads HH:MM[:SS[.fraction]] starting at a digit; returns the index after it, or -1.
function takeTime(text: string, start: number, fields: Fields): number {
  const parts: number[] = [];
  let i = start;
  while (parts.length < 3) {
    let value = 0;
    const from = i;
    while (i < text.length && isDigit(text.charCodeAt(i)) && i - from < 2)
      value = value * 10 + text.charCodeAt(i++) - 48;
    if (i === from) return -1;
    parts.push(value);
    if (text.charCodeAt(i) !== 58 || !isDigit(text.charCodeAt(i + 1))) break;
    i++;
  }
  if (parts.length < 2 || fields.hour !== -1) return -1;
  if ((text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44) && parts.length === 3) {
    i++;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  }
  [fields.hour, fields.minute] = parts;
  fields.second = parts[2] ?? 0;
  return i;
}

// Reads +H, +HH, +HMM, +HHMM or +HH:MM; returns the index after it, or -1.
function takeOffset(text: string, start: number, fields: Fields): number {
  let i = start + 1;
  while (i < text.length && i - start <= 4 && isDigit(text.charCodeAt(i))) i++;
  const digits = text.slice(start + 1, i);
  const hours = Number(digits.length <= 2 ? digits : digits.slice(0, -2));
  let minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2));
  if (digits.length <= 2 && text.charCodeAt(i) === 58 && isDigit(text.charCodeAt(i + 1))) {
    minutes = Number(text.slice(i + 1, i + 3));
    i += 3;
  }
  if (digits.length > 4 || isDigit(text.charCodeAt(i))) return -1;
  fields.offset = toOffsetMinutes(text[start], hours, minutes);
  return fields.offset === undefined ? -1 : i;
}

function scan(text: string, fields: Fields): boolean {
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 40) {
      const close = text.indexOf(')', i);
      i = close === -1 ? text.length : close + 1;
    } else if (isLetter(code)) {
      const start = i;
      while (i < text.length && isLetter(text.charCodeAt(i))) i++;
      const word = text.slice(start, i);
      // "a.m." / "p.m."
      if ((word === 'a' || word === 'p' || word === 'A' || word === 'P') && /^\.[mM]\.?/.test(text.slice(i, i + 3))) {
        fields.meridiem = word.toLowerCase() === 'a' ? 'am' : 'pm';
        i += text[i + 2] === '.' ? 3 : 2;
      } else if (!takeWord(word, fields)) return false;
    } else if (isDigit(code)) {
      let end = i;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
      if (text.charCodeAt(end) === 58) {
        i = takeTime(text, i, fields);
        if (i === -1) return false;
      } else {
        if (end - i > 4 || fields.numbers.length === 2) return false;
        fields.numbers.push(Number(text.slice(i, end)));
        fields.digits.push(end - i);
        i = end;
      }
    } else if ((code === 43 || code === 45) && fields.hour !== -1 && isDigit(text.charCodeAt(i + 1))) {
      if (fields.offset !== undefined) return false;
      i = takeOffset(text, i, fields);
      if (i === -1) return false;
    } else {
      i++;
    }
  }
  return true;
}

function expandYear(year: number, digits: number): number {
  // RFC 2822 §4.3: two-digit years 00–49 are 2000–2049, 50–99 are 1950–1999; three digits add 1900.
  if (digits === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (digits === 3) return 1900 + year;
  return year;
}

/** Returns the UTC timestamp of a date written with a month name (RFC 822 and its variants, asctime), or undefined when it is not one. */
export function parseLooseDate(text: string): string | undefined {
  const fields: Fields = {
    month: -1,
    numbers: [],
    digits: [],
    hour: -1,
    minute: 0,
    second: 0,
    meridiem: '',
    zoneName: '',
    offset: undefined,
  };
  if (!scan(text, fields) || fields.month === -1 || fields.numbers.length !== 2) return undefined;
  const [a, b] = fields.numbers;
  const [aDigits, bDigits] = fields.digits;
  // The year is the number written with three or four digits; otherwise RFC order: day, then year.
  const yearFirst = aDigits >= 3 && bDigits <= 2;
  if (!yearFirst && (aDigits > 2 || bDigits < 2)) return undefined;
  const day = yearFirst ? b : a;
  const year = yearFirst ? expandYear(a, aDigits) : expandYear(b, bDigits);

  let hour = fields.hour === -1 ? 0 : fields.hour;
  if (fields.meridiem !== '') {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (fields.meridiem === 'pm' ? 12 : 0);
  }
  // A numeric offset wins over a name: "GMT+8", "-0500 EST".
  const offset = fields.offset ?? (fields.zoneName === '' ? 0 : (lookupZoneName(fields.zoneName) ?? 0));
  return buildTimestamp(year, fields.month, day, hour, fields.minute, fields.second, offset);
}
