/**
 * Dates as feed formats want them: RFC 822 (as updated by RFC 1123, four-digit years) in
 * GMT for RSS 2.0, RFC 3339 in UTC for Atom 1.0 and JSON Feed 1.1.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Returns the time as RFC 822, e.g. `Tue, 03 Jun 2025 09:39:21 GMT`. */
export function formatRfc822(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`;
}

/** Returns the time as RFC 3339 in UTC with whole seconds, e.g. `2025-06-03T09:39:21Z`. */
export function formatRfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
