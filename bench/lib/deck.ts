/**
 * Shuffled decks for benchmark data: drawing cards from a deck reshuffled each round, rather
 * than independent draws, keeps a mix exact even in a small corpus (6 Chinese feeds in every 20).
 */
import type { Prng } from './prng.ts';

/** Returns a draw function that deals `cards` in a fresh shuffled order each round. */
export function createDeck<T>(prng: Prng, cards: readonly T[]): () => T {
  let hand: T[] = [];
  return () => {
    if (hand.length === 0) {
      hand = [...cards];
      for (let i = hand.length - 1; i > 0; i--) {
        const j = prng.int(0, i);
        [hand[i], hand[j]] = [hand[j], hand[i]];
      }
    }
    return hand.pop() as T;
  };
}
