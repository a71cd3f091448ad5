/**
 * Lenient date parsing for feed values: RFC 822 and its real-world misspellings,
 * W3C-DTF / ISO 8601 (extended and basic), asctime, "2022/11/02 13:16", Chinese
 * "2022年11月2日 13:16", and Unix epoch seconds or milliseconds. The result is always UTC
 * "YYYY-MM-DDTHH:MM:SSZ"; a value without a zone is taken as UTC. Anything else is
 * undefined, so the caller keeps only the raw text. Plain RFC 3339 is read at fixed
 * positions, other numeric forms by one precompiled regex each, month-name forms by a
 * hand-written scan (parse-loose-date).
 */
import { buildTimestamp, formatTimestamp } from './build-timestamp.ts';
import { parseLocalizedDate } from './parse-localized-date.ts';
import { parseLooseDate } from './parse-loose-date.ts';
import { digitsAt, parseRfc822 } from './parse-rfc822.ts';
import { parseZone, toOffsetMinutes } from './time-zones.ts';

// Longer values are prose, not dates; the limit also bounds the work on hostile input.
const MAX_LENGTH = 100;

// YYYY[-MM[-DD[(T| )hh:mm[:ss[.fff]]]]] with -, / or . between date fields, then a zone.
const EXTENDED =
  /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2})(?:(?:[Tt]\s*|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?)?)?\s*(.*)$/;
// YYYYMMDD[Thhmm[ss[.fff]]] then a zone.
const BASIC = /^(\d{4})(\d{2})(\d{2})(?:[Tt](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(.*)$/;
// 2022年11月2日 13:16 / 13时16分20秒, then a zone.
const CHINESE =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?:(\d{1,2})\s*[:：时時点點]\s*(\d{1,2})\s*(?:[:：分]\s*(?:(\d{1,2})\s*秒?)?)?)?\s*(.*)$/;
// Group numbers of year, month, day, hour, minute, second and zone text in each regex.
const EXTENDED_GROUPS = [1, 3, 4, 5, 6, 7, 8];
const SEQUENTIAL_GROUPS = [1, 2, 3, 4, 5, 6, 7];
const DIGITS = /^\d+$/;
const FOUR_DIGITS = /^\d{4}/;

function field(value: string | undefined, fallback: number): number {
  return value === undefined ? fallback : Number(value);
}

function fromMatch(match: RegExpExecArray, groups: readonly number[]): string | undefined {
  const [year, month, day, hour, minute, second, zone] = groups.map((group) => match[group]);
  // A zone needs a time to apply to; "2022-11-02 foo" is not a date.
  if (zone !== '' && hour === undefined) return undefined;
  const offset = parseZone(zone);
  if (offset === undefined) return undefined;
  return buildTimestamp(
    Number(year),
    field(month, 1),
    field(day, 1),
    field(hour, 0),
    field(minute, 0),
    field(second, 0),
    offset,
  );
}

// RFC 3339 as nearly every Atom feed writes it, "YYYY-MM-DDTHH:MM:SS" then "Z" or
// "±HH:MM", read at fixed positions; undefined sends anything else to the regexes.
function parseRfc3339(text: string): string | undefined {
  if (text.length !== 20 && text.length !== 25) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (text.length === 20)
    return text[19] === 'Z' ? buildTimestamp(year, month, day, hour, minute, second, 0) : undefined;
  const sign = text[19];
  const offsetHours = digitsAt(text, 20, 2);
  const offsetMinutes = digitsAt(text, 23, 2);
  if ((sign !== '+' && sign !== '-') || text[22] !== ':' || offsetHours < 0 || offsetMinutes < 0) return undefined;
  const offset = toOffsetMinutes(sign, offsetHours, offsetMinutes);
  return offset === undefined ? undefined : buildTimestamp(year, month, day, hour, minute, second, offset);
}

function parseNumericDate(text: string): string | undefined {
  if (DIGITS.test(text)) {
    // Epoch seconds (10 digits, or 9 before 2001-09-09) and milliseconds (13 digits).
    if (text.length === 9 || text.length === 10 || text.length === 13) {
      return formatTimestamp(text.length === 13 ? Number(text) : Number(text) * 1000);
    }
    if (text.length !== 4 && text.length !== 8) return undefined;
  }
  const third = text.charCodeAt(4);
  if (third === 0x5e74) {
    const chinese = CHINESE.exec(text);
    return chinese === null ? undefined : fromMatch(chinese, SEQUENTIAL_GROUPS);
  }
  if (third >= 48 && third <= 57) {
    const basic = BASIC.exec(text);
    return basic === null ? undefined : fromMatch(basic, SEQUENTIAL_GROUPS);
  }
  const extended = EXTENDED.exec(text);
  return extended === null ? undefined : fromMatch(extended, EXTENDED_GROUPS);
}

/** IANA's "Etc/GMT" style names: the zone after the prefix, read as usual. */
function parseEtcZone(text: string): string | undefined {
  const at = text.indexOf('Etc/');
  return at === -1 ? undefined : parseDate(text.slice(0, at) + text.slice(at + 4));
}

/** Returns the date as UTC "YYYY-MM-DDTHH:MM:SSZ", or undefined when `raw` is not a date this parser understands; never throws. */
export function parseDate(raw: string): string | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_LENGTH) return undefined;
  const first = text.charCodeAt(0);
  // Four leading digits start a numeric form ("2022 Nov 2" falls through to the month-name
  // parser); "2 Nov 2022" and "02 Nov 22" are month-name forms.
  if (first >= 48 && first <= 57 && FOUR_DIGITS.test(text)) {
    return parseRfc3339(text) ?? parseNumericDate(text) ?? parseLooseDate(text) ?? parseLocalizedDate(text);
  }
  return parseRfc822(text) ?? parseLooseDate(text) ?? parseLocalizedDate(text) ?? parseEtcZone(text);
}
