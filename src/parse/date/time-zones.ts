/**
 * Time zone names and offsets as they appear in feed dates. The table holds the RFC 822 /
 * RFC 2822 names plus the abbreviations real feeds use; where one abbreviation means
 * several zones, the RFC meaning wins (CST is US Central, −6, not China Standard Time) and
 * otherwise the most common one in feeds (IST is India, BST is British Summer Time). Chinese
 * feeds are the exception for CST, re-read as +8 by china-standard-time.ts.
 */

// Minutes east of UTC.
const ZONE_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['z', 0],
  ['ut', 0],
  ['utc', 0],
  ['gmt', 0],
  ['zulu', 0],
  ['wet', 0],
  ['est', -300],
  ['edt', -240],
  ['cst', -360],
  ['cdt', -300],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
  ['ast', -240],
  ['adt', -180],
  ['nst', -210],
  ['ndt', -150],
  ['akst', -540],
  ['akdt', -480],
  ['hst', -600],
  ['hdt', -540],
  ['brt', -180],
  ['art', -180],
  ['west', 60],
  ['bst', 60],
  ['ist', 330],
  ['cet', 60],
  ['cest', 120],
  ['met', 60],
  ['mest', 120],
  ['eet', 120],
  ['eest', 180],
  ['msk', 180],
  ['msd', 240],
  ['trt', 180],
  ['pkt', 300],
  ['npt', 345],
  ['ict', 420],
  ['wib', 420],
  ['hkt', 480],
  ['sgt', 480],
  ['myt', 480],
  ['pht', 480],
  ['awst', 480],
  ['cct', 480],
  ['bjt', 480],
  ['jst', 540],
  ['kst', 540],
  ['acst', 570],
  ['acdt', 630],
  ['aest', 600],
  ['aedt', 660],
  ['nzst', 720],
  ['nzdt', 780],
]);

const UTC_NAMES = new Set(['z', 'ut', 'utc', 'gmt']);

// Optional name, optional numeric offset (+8, +08, +0800, +08:00, +800), optional "(comment)".
const ZONE = /^(?:([A-Za-z]{1,5})\s*)?(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*(?:\([^)]*\))?$/;

/** Returns the offset in minutes east of UTC for a zone name (any case), or undefined when unknown. RFC 2822 §4.3: military letters other than Z were defined with the wrong sign, so they count as UTC. */
export function lookupZoneName(name: string): number | undefined {
  const lower = name.toLowerCase();
  const offset = ZONE_OFFSETS.get(lower);
  if (offset !== undefined) return offset;
  return lower.length === 1 && lower !== 'j' ? 0 : undefined;
}

/** Returns true when `name` names UTC itself, so that a following offset ("GMT+8") is relative to it. */
export function isUtcName(name: string): boolean {
  return UTC_NAMES.has(name.toLowerCase());
}

/** Returns minutes east of UTC for an offset's sign, hours and minutes, or undefined when out of range. */
export function toOffsetMinutes(sign: string, hours: number, minutes: number): number | undefined {
  if (hours > 18 || minutes > 59) return undefined;
  const total = hours * 60 + minutes;
  return sign === '-' ? -total : total;
}

/** Returns the offset in minutes east of UTC of a whole zone text ("", "Z", "+08:00", "-0500", "GMT+8", "UTC+08:00", "CEST", "+0800 (CST)"), or undefined when it is not a zone. */
export function parseZone(text: string): number | undefined {
  if (text === '') return 0;
  const match = ZONE.exec(text);
  if (match === null) return undefined;
  const [, name, sign, hours, minutes] = match;
  const named = name === undefined ? 0 : lookupZoneName(name);
  if (named === undefined) return undefined;
  if (sign === undefined) return named;
  if (name !== undefined && !isUtcName(name)) return undefined;
  return toOffsetMinutes(sign, Number(hours), minutes === undefined ? 0 : Number(minutes));
}
