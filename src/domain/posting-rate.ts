/**
 * A feed's posting rate, estimated from the publish times of its recent items: the input of
 * the adaptive check interval (next-check.ts).
 *
 * Robust by construction: the median gap, not the mean, so one burst or one long pause does
 * not swing it; duplicate times (items stamped alike) and future times (publisher clock or
 * time zone errors) are ignored. One addition to the plain median: when the feed has been
 * silent for longer than its median gap, the silence is the estimate, so a feed that has
 * stopped posting (or posts in morning bursts) is checked less and less often instead of
 * at its old pace forever.
 */

/** How many of the most recent distinct publish times `estimatePostingInterval` looks at by default. */
export const POSTING_RATE_SAMPLE = 20;

/** Returns the typical seconds between posts from publish times (epoch ms), or undefined with fewer than 2 distinct past times. */
export function estimatePostingInterval(
  times: readonly number[],
  now: number,
  sample = POSTING_RATE_SAMPLE,
): number | undefined {
  const past = [...new Set(times)].filter((time) => Number.isFinite(time) && time <= now);
  if (past.length < 2) return undefined;
  const recent = past.sort((a, b) => b - a).slice(0, Math.max(2, sample));
  const gaps: number[] = [];
  for (let i = 1; i < recent.length; i++) gaps.push(recent[i - 1] - recent[i]);
  gaps.sort((a, b) => a - b);
  const middle = gaps.length >> 1;
  const median = gaps.length % 2 === 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
  return Math.max(median, now - recent[0]) / 1000;
}

/** Returns a posting interval as a rate for people: "~3 posts/day", "~1 post/week", "~1 post every 30 days". */
export function describePostingRate(intervalSeconds: number): string {
  const perDay = 86400 / intervalSeconds;
  if (perDay >= 0.95) return perUnit(perDay, 'day');
  if (perDay * 7 >= 0.95) return perUnit(perDay * 7, 'week');
  return `~1 post every ${Math.round(intervalSeconds / 86400)} days`;
}

function perUnit(rate: number, unit: string): string {
  const count = Math.round(rate);
  return `~${count} post${count === 1 ? '' : 's'}/${unit}`;
}
