/**
 * Pure readers for the response headers the fetcher reports: Retry-After, Cache-Control
 * max-age, Expires, Content-Type. Lenient like the parsers: a malformed header reads as
 * `undefined`, never as an error.
 */

/** Response headers as undici hands them over: lowercased names, repeated headers as arrays. */
export type RawHeaders = Record<string, string | string[] | undefined>;

const DELAY_SECONDS = /^\d+$/;
const ASCTIME = /^[a-z]{3} [a-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/i;
const MAX_TIME = 8.64e15; // ECMA-262 §21.4.1.1: the largest representable Date

/** Returns the moment a Retry-After value (delay-seconds or HTTP-date) points to, never before `now`; undefined when malformed. */
export function parseRetryAfter(value: string | undefined, now: Date): Date | undefined {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  // RFC 9110 §10.2.3: Retry-After = HTTP-date / delay-seconds
  const time = DELAY_SECONDS.test(text) ? now.getTime() + Number(text) * 1000 : parseHttpDate(text)?.getTime();
  if (time === undefined || !Number.isFinite(time) || time > MAX_TIME) return undefined;
  return new Date(Math.max(time, now.getTime()));
}

/** Returns the Cache-Control max-age in seconds (first valid directive), or undefined when absent or malformed. */
export function parseCacheControlMaxAge(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  for (const directive of value.split(',')) {
    const [name = '', argument] = directive.split('=', 2);
    if (name.trim().toLowerCase() !== 'max-age' || argument === undefined) continue;
    // RFC 9111 §5.2: senders use the token form, but recipients accept the quoted one
    const seconds = argument.trim().replace(/^"(.*)"$/, '$1');
    if (DELAY_SECONDS.test(seconds)) return Number(seconds);
  }
  return undefined;
}

/** Returns the Date an HTTP-date (IMF-fixdate, RFC 850 or asctime form) names, or undefined when it is not one. */
export function parseHttpDate(value: string | undefined): Date | undefined {
  const text = value?.trim();
  // RFC 9111 §5.3: an invalid Expires such as "0" means "already expired"; we report it as absent
  if (text === undefined || !/[a-z]/i.test(text)) return undefined;
  // asctime-date carries no zone but means GMT (RFC 9110 §5.6.7); Date.parse would read local time
  const time = Date.parse(ASCTIME.test(text) ? `${text} GMT` : text);
  return Number.isFinite(time) ? new Date(time) : undefined;
}

/** Returns the lowercased media type and charset parameter of a Content-Type value. */
export function parseContentType(value: string | undefined): { contentType?: string; charset?: string } {
  if (value === undefined) return {};
  const [type = '', ...parameters] = value.split(';');
  const contentType = type.trim().toLowerCase() || undefined;
  for (const parameter of parameters) {
    const [name = '', raw = ''] = parameter.split('=', 2);
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = raw
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    return charset === '' ? { contentType } : { contentType, charset };
  }
  return { contentType };
}

/** Returns headers as a plain record of lowercased names to single strings (repeats joined with ", "). */
export function flattenHeaders(headers: RawHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
