/**
 * The best `k` candidates of a search by (key, id), both descending, keeping only those
 * strictly after the page cursor: a sorted array with insertion, since k is a page (21 by
 * default) and most candidates are rejected by one comparison with the worst kept.
 */
import type { SearchCursor } from './search-cursor.ts';

/** One candidate: an article id and its sort key (score or time). */
export interface Candidate {
  id: number;
  key: number;
}

/** The collector. */
export interface TopHits {
  /** Considers a candidate. */
  offer(id: number, key: number): void;
  /** Whether k candidates are kept. */
  full(): boolean;
  /** The worst kept key (meaningful when full). */
  worstKey(): number;
  /** The kept candidates, best first. */
  list(): Candidate[];
}

/** Returns a collector of the best `k` candidates after `cursor`. */
export function createTopHits(k: number, cursor: SearchCursor | undefined): TopHits {
  const best: Candidate[] = [];
  const before = (a: Candidate, key: number, id: number) => a.key > key || (a.key === key && a.id > id);
  return {
    offer(id, key) {
      if (cursor !== undefined && !(key < cursor.key || (key === cursor.key && id < cursor.id))) return;
      if (best.length === k && before(best[k - 1], key, id)) return;
      let at = best.length;
      while (at > 0 && !before(best[at - 1], key, id)) at--;
      best.splice(at, 0, { id, key });
      if (best.length > k) best.pop();
    },
    full: () => best.length === k,
    worstKey: () => best[best.length - 1]?.key ?? -Infinity,
    list: () => best,
  };
}
