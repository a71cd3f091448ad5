import { afterAll, describe, expect, it } from 'vitest';
import { generateSearchCorpus } from '../search/testdata/search-corpus.ts';
import { contentTokens, type DocumentTokens, type SearchableRevision } from './document-tokens.ts';
import { createTokenPool } from './token-pool.ts';

const revisions: SearchableRevision[] = generateSearchCorpus(400).map((a) => ({
  title: a.title,
  rawBody: a.html,
  cleanedBody: a.html,
  authors: [{ name: a.author }],
  categories: [{ term: a.category }],
  feedTitle: a.language,
}));
const expected = revisions.map(contentTokens);

const run = (pool: ReturnType<typeof createTokenPool>, list: readonly SearchableRevision[]) => {
  const seen: Array<[number, DocumentTokens]> = [];
  pool.tokenizeInOrder(list, (i, tokens) => seen.push([i, tokens]));
  return seen;
};

describe('createTokenPool', () => {
  const pool = createTokenPool();
  afterAll(() => pool.close());

  it('hands every revision its own tokens, in order, whether the worker has started or not', async () => {
    for (let round = 0; round < 6; round++) {
      const seen = run(pool, revisions);
      expect(seen.map(([i]) => i)).toEqual(revisions.map((_, i) => i));
      expect(seen.map(([, t]) => t)).toEqual(expected);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(pool.counts().worker).toBeGreaterThan(0);
    expect(pool.counts().here).toBeGreaterThan(0);
  }, 30_000);

  it('handles empty and odd-sized batches, and carries on alone once closed', () => {
    expect(run(pool, [])).toEqual([]);
    expect(run(pool, revisions.slice(0, 5)).map(([, t]) => t)).toEqual(expected.slice(0, 5));
    pool.close();
    expect(run(pool, revisions.slice(7, 60)).map(([, t]) => t)).toEqual(expected.slice(7, 60));
  });

  it('stops at a write that throws, and serves the next batch in full', () => {
    const other = createTokenPool();
    try {
      expect(() =>
        other.tokenizeInOrder(revisions, (i) => {
          if (i === 50) throw new Error('disk full');
        }),
      ).toThrow('disk full');
      expect(run(other, revisions).map(([, t]) => t)).toEqual(expected);
    } finally {
      other.close();
    }
  });
});
