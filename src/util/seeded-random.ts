/**
 * A small deterministic PRNG (mulberry32) for property tests, fuzzing and generated
 * benchmark corpora: the same seed gives the same sequence on every machine.
 */

/** A seeded random source. */
export interface SeededRandom {
  /** Returns a float in [0, 1). */
  next(): number;
  /** Returns an integer in [min, max]. */
  int(min: number, max: number): number;
  /** Returns one element of `items`. */
  pick<T>(items: readonly T[]): T;
}

/** Creates a random source from a 32-bit seed. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
