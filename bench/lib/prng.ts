/**
 * The seeded generator for benchmark data: src/util/seeded-random.ts (mulberry32, the same one
 * the tests use) plus `chance`, so the same seed gives the same corpus on every machine.
 */
import { createSeededRandom } from '../../src/util/seeded-random.ts';

/** Deterministic random helpers over one seeded stream. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

/** Returns a generator whose sequence depends only on `seed` (a 32-bit integer). */
export function createPrng(seed: number): Prng {
  const random = createSeededRandom(seed);
  return { ...random, chance: (p) => random.next() < p };
}
