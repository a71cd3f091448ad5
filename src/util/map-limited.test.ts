import { describe, expect, it } from 'vitest';
import { mapLimited } from './map-limited.ts';

describe('mapLimited', () => {
  it('keeps the order of the results and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimited([30, 5, 20, 1, 10, 2], 2, async (ms, i) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return `${i}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, lets the running calls finish, then throws the first error', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const work = mapLimited([0, 1, 2, 3, 4], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('disk full');
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished.push(n);
      return n;
    });
    await expect(work).rejects.toThrow('disk full');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]);
  });
});
