/**
 * Durations typed on the command line (`--min-interval 15m`): a number with an optional
 * unit, s (the default), m/min, h or d, e.g. `900`, `90s`, `15m`, `2h`, `1.5d`.
 */

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, min: 60, h: 3600, d: 86_400 };

/** Returns the duration in whole seconds (rounded), or undefined when it is not a positive duration. */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?\s*$/i.exec(text);
  if (match === null) return undefined;
  const seconds = Math.round(Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase()]);
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : undefined;
}
