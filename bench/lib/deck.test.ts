import { describe, expect, it } from 'vitest';
import { createDeck } from './deck.ts';
import { createPrng } from './prng.ts';

describe('createDeck', () => {
  it('deals every card exactly once per round, in a shuffled order', () => {
    const cards = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const draw = createDeck(createPrng(3), cards);
    const rounds = [0, 1, 2].map(() => cards.map(() => draw()));
    for (const round of rounds) expect([...round].sort()).toEqual(cards);
    expect(rounds.some((round) => round.join('') !== cards.join(''))).toBe(true);
  });
});
