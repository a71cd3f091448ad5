import { describe, expect, it } from 'vitest';
import { nextCheck, type NextCheckInput } from './next-check.ts';

const NOW = Date.UTC(2024, 5, 1, 12);
const MIN = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

function check(fields: Partial<NextCheckInput>): ReturnType<typeof nextCheck> {
  return nextCheck({ now: NOW, outcome: 'ok', jitterKey: 'feed-1', consecutiveErrors: 0, ...fields });
}

// Asserts `seconds` is `expected` give or take the ±10 % jitter.
function expectAbout(seconds: number, expected: number): void {
  expect(seconds).toBeGreaterThanOrEqual(Math.floor(expected * 0.9));
  expect(seconds).toBeLessThanOrEqual(Math.ceil(expected * 1.1));
}

describe('nextCheck after a good fetch', () => {
  it.each([
    ['half the posting interval', { postingIntervalSeconds: 8 * HOUR }, 4 * HOUR, 'adaptive: ~3 posts/day'],
    ['the default without posting history', {}, HOUR, 'no posting history'],
    ['a ttl longer than the adaptive interval', { postingIntervalSeconds: HOUR, ttlMinutes: 60 }, HOUR, 'ttl 60 min'],
    [
      'a max-age longer than the adaptive interval',
      { postingIntervalSeconds: HOUR, maxAgeSeconds: 2 * HOUR },
      2 * HOUR,
      'max-age 2 h',
    ],
    [
      'an Expires later than the adaptive interval',
      { postingIntervalSeconds: HOUR, expiresAt: NOW + 3 * HOUR * 1000 },
      3 * HOUR,
      'expires in 3 h',
    ],
    [
      'the strongest of several hints',
      { ttlMinutes: 90, maxAgeSeconds: 2 * HOUR, expiresAt: NOW + HOUR * 1000 },
      2 * HOUR,
      'max-age 2 h',
    ],
    [
      'the adaptive interval when hints are shorter',
      { postingIntervalSeconds: 12 * HOUR, ttlMinutes: 60 },
      6 * HOUR,
      'adaptive: ~2 posts/day',
    ],
    [
      'not-modified like ok',
      { outcome: 'not-modified' as const, postingIntervalSeconds: 8 * HOUR },
      4 * HOUR,
      'adaptive: ~3 posts/day',
    ],
  ])('uses %s', (_name, fields, expected, reason) => {
    const result = check(fields);
    expectAbout(result.intervalSeconds, expected);
    expect(result.reason).toBe(reason);
    expect(result.at).toBe(NOW + result.intervalSeconds * 1000);
  });

  it('never checks earlier than a publisher hint, whatever the jitter', () => {
    for (let i = 0; i < 200; i++) {
      const result = check({ jitterKey: `feed-${i}`, postingIntervalSeconds: 10 * MIN, ttlMinutes: 120 });
      expect(result.intervalSeconds).toBeGreaterThanOrEqual(2 * HOUR);
    }
  });

  it('clamps a fast feed to the minimum and a slow one to the maximum', () => {
    const fast = check({ postingIntervalSeconds: 60 });
    expect(fast.intervalSeconds).toBeGreaterThanOrEqual(15 * MIN);
    expect(fast.reason).toBe('adaptive: ~1440 posts/day (minimum 15 min)');
    const slow = check({ postingIntervalSeconds: 30 * DAY });
    expect(slow.intervalSeconds).toBeLessThanOrEqual(DAY);
    expect(slow.reason).toBe('adaptive: ~1 post every 30 days (maximum 24 h)');
  });

  it('lets the maximum win over a longer ttl', () => {
    const result = check({ ttlMinutes: 3 * 24 * 60 });
    expectAbout(result.intervalSeconds, DAY);
    expect(result.intervalSeconds).toBeLessThanOrEqual(DAY);
    expect(result.reason).toBe('ttl 3 d (maximum 24 h)');
  });

  it('uses configured bounds', () => {
    const bounds = { minSeconds: HOUR, maxSeconds: 2 * HOUR, defaultSeconds: 90 * MIN };
    expectAbout(check({ bounds, postingIntervalSeconds: 10 * MIN }).intervalSeconds, HOUR);
    expect(check({ bounds, postingIntervalSeconds: 10 * MIN }).intervalSeconds).toBeGreaterThanOrEqual(HOUR);
    expect(check({ bounds, postingIntervalSeconds: DAY }).intervalSeconds).toBeLessThanOrEqual(2 * HOUR);
    expectAbout(check({ bounds }).intervalSeconds, 90 * MIN);
  });

  it('ignores hints that are not positive numbers and an Expires in the past', () => {
    const result = check({
      postingIntervalSeconds: 8 * HOUR,
      ttlMinutes: Number.NaN,
      maxAgeSeconds: -5,
      expiresAt: NOW - 1000,
    });
    expect(result.reason).toBe('adaptive: ~3 posts/day');
  });
});

describe('nextCheck after an error', () => {
  it.each([
    [1, 5 * MIN, 'backoff after 1 error'],
    [2, 10 * MIN, 'backoff after 2 errors'],
    [3, 20 * MIN, 'backoff after 3 errors'],
    [6, 160 * MIN, 'backoff after 6 errors'],
  ])('backs off exponentially: error %d → about %d s', (errors, expected, reason) => {
    const result = check({ outcome: 'failed', consecutiveErrors: errors });
    expectAbout(result.intervalSeconds, expected);
    expect(result.reason).toBe(reason);
  });

  it('caps the backoff', () => {
    for (const errors of [10, 20, 1000]) {
      const result = check({ outcome: 'failed', consecutiveErrors: errors });
      expect(result.intervalSeconds).toBeLessThanOrEqual(DAY);
      expectAbout(result.intervalSeconds, DAY);
    }
    const capped = check({
      outcome: 'failed',
      consecutiveErrors: 10,
      errorBackoff: { baseSeconds: 60, maxSeconds: HOUR },
    });
    expect(capped.intervalSeconds).toBeLessThanOrEqual(HOUR);
  });

  it('counts a first error even when the caller passes 0', () => {
    expectAbout(check({ outcome: 'failed', consecutiveErrors: 0 }).intervalSeconds, 5 * MIN);
  });

  it('does not trust the cache hints of a failed fetch', () => {
    expectAbout(check({ outcome: 'failed', consecutiveErrors: 1, maxAgeSeconds: 6 * HOUR }).intervalSeconds, 5 * MIN);
  });

  it('backs off when rate-limited without Retry-After', () => {
    const result = check({ outcome: 'rate-limited', consecutiveErrors: 2 });
    expectAbout(result.intervalSeconds, 10 * MIN);
    expect(result.reason).toBe('rate-limited: backoff after 2 errors');
  });
});

describe('nextCheck and Retry-After', () => {
  it('honours Retry-After as a floor, even beyond every maximum', () => {
    const result = check({ outcome: 'rate-limited', consecutiveErrors: 1, retryAfterAt: NOW + 3 * DAY * 1000 });
    expect(result.intervalSeconds).toBeGreaterThanOrEqual(3 * DAY);
    expect(result.intervalSeconds).toBeLessThanOrEqual(3 * DAY * 1.1);
    expect(result.reason).toBe('retry-after 3 d');
  });

  it('applies to a good fetch too, and never lands before it', () => {
    for (let i = 0; i < 100; i++) {
      const result = check({
        jitterKey: `feed-${i}`,
        postingIntervalSeconds: HOUR,
        retryAfterAt: NOW + 5 * HOUR * 1000,
      });
      expect(result.intervalSeconds).toBeGreaterThanOrEqual(5 * HOUR);
    }
  });

  it('does not shorten a longer backoff', () => {
    const result = check({ outcome: 'failed', consecutiveErrors: 8, retryAfterAt: NOW + 60 * 1000 });
    expect(result.reason).toBe('backoff after 8 errors');
    expectAbout(result.intervalSeconds, 640 * MIN);
  });
});

describe('nextCheck jitter', () => {
  it('is deterministic for the same input', () => {
    expect(check({ postingIntervalSeconds: 8 * HOUR })).toEqual(check({ postingIntervalSeconds: 8 * HOUR }));
  });

  it('spreads feeds with the same schedule across ±10 %', () => {
    const intervals = Array.from(
      { length: 200 },
      (_, i) => check({ jitterKey: `feed-${i}`, postingIntervalSeconds: 8 * HOUR }).intervalSeconds,
    );
    for (const seconds of intervals) expectAbout(seconds, 4 * HOUR);
    expect(new Set(intervals).size).toBeGreaterThan(150);
    expect(Math.min(...intervals)).toBeLessThan(4 * HOUR * 0.95);
    expect(Math.max(...intervals)).toBeGreaterThan(4 * HOUR * 1.05);
  });
});
