/**
 * Short human durations for logs and UI reasons ("15 min", "2.5 h", "3 d").
 */

/** Returns `seconds` as a short human duration: s under 90 s, min under 90 min, h under 36 h, else d (at most one decimal). */
export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${roundTo(seconds, 0)} s`;
  if (seconds < 90 * 60) return `${roundTo(seconds / 60, 0)} min`;
  if (seconds < 36 * 3600) return `${roundTo(seconds / 3600, 1)} h`;
  return `${roundTo(seconds / 86400, 1)} d`;
}

function roundTo(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}
