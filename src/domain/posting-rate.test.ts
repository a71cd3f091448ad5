import { describe, expect, it } from 'vitest';
import { describePostingRate, estimatePostingInterval } from './posting-rate.ts';

const HOUR = 3600_000;
const NOW = Date.UTC(2024, 5, 1, 12);

// Publish times `gapsHours` apart, the newest `agoHours` before NOW.
function series(count: number, gapHours: number, agoHours = 0): number[] {
  return Array.from({ length: count }, (_, i) => NOW - (agoHours + i * gapHours) * HOUR);
}

describe('estimatePostingInterval', () => {
  it.each([
    ['no times', [], undefined],
    ['one time', [NOW - HOUR], undefined],
    ['two equal times', [NOW - HOUR, NOW - HOUR], undefined],
    ['one past and one future time', [NOW - HOUR, NOW + HOUR], undefined],
    ['non-finite times only', [Number.NaN, Number.POSITIVE_INFINITY], undefined],
    ['a regular 8-hourly feed', series(10, 8), 8 * 3600],
    ['two times', [NOW, NOW - 6 * HOUR], 6 * 3600],
    ['an even number of gaps (median of the middle two)', [NOW, NOW - 2 * HOUR, NOW - 6 * HOUR], 3 * 3600],
  ])('%s', (_name, times, expected) => {
    expect(estimatePostingInterval(times, NOW)).toBe(expected);
  });

  it('is not moved by one long pause (median, not mean)', () => {
    const times = [...series(10, 2), NOW - 30 * 24 * HOUR];
    expect(estimatePostingInterval(times, NOW)).toBe(2 * 3600);
  });

  it('ignores duplicates and future dates', () => {
    const times = [NOW + 48 * HOUR, NOW + HOUR, ...series(6, 4), ...series(6, 4)];
    expect(estimatePostingInterval(times, NOW)).toBe(4 * 3600);
  });

  it('accepts times in any order', () => {
    expect(estimatePostingInterval(series(8, 3).reverse(), NOW)).toBe(3 * 3600);
  });

  it('looks only at the most recent times', () => {
    const times = [...series(20, 1), ...series(30, 24, 20)];
    expect(estimatePostingInterval(times, NOW)).toBe(3600);
    expect(estimatePostingInterval(times, NOW, 50)).toBe(24 * 3600);
  });

  it('uses the silence since the last post when it is longer than the usual gap', () => {
    expect(estimatePostingInterval(series(10, 1, 30 * 24), NOW)).toBe(30 * 24 * 3600);
    expect(estimatePostingInterval(series(10, 8, 3), NOW)).toBe(8 * 3600);
  });
});

describe('describePostingRate', () => {
  it.each([
    [8 * 3600, '~3 posts/day'],
    [3600, '~24 posts/day'],
    [24 * 3600, '~1 post/day'],
    [2 * 24 * 3600, '~4 posts/week'],
    [7 * 24 * 3600, '~1 post/week'],
    [30 * 24 * 3600, '~1 post every 30 days'],
  ])('%d s → %s', (seconds, expected) => {
    expect(describePostingRate(seconds)).toBe(expected);
  });
});
