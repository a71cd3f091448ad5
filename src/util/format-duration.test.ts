import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [89, '89 s'],
    [90, '2 min'],
    [900, '15 min'],
    [3600, '60 min'],
    [5400, '1.5 h'],
    [7200, '2 h'],
    [86400, '24 h'],
    [129600, '1.5 d'],
    [7 * 86400, '7 d'],
  ])('%d s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
