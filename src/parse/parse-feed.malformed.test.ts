import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';

const DIR = join(import.meta.dirname, 'testdata', 'malformed');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  { titles: string[]; reported?: boolean }
>;

describe('the malformed corpus: every item that can be got is got, and the damage is reported', () => {
  for (const [file, { titles, reported = true }] of Object.entries(expected)) {
    it(file, () => {
      const result = parseFeed(readFileSync(join(DIR, file)), { url: 'https://e.com/feed' });
      expect(result.kind).toBe('feed');
      if (result.kind !== 'feed') return;
      expect(result.feed.items.map((item) => item.title)).toEqual(titles);
      // Control characters are removed from text values silently: finding them in bodies would cost a scan of every byte.
      expect(result.feed.wellFormed).toBe(!reported);
      expect(result.feed.problems.length > 0).toBe(reported);
      for (const item of result.feed.items)
        if (item.link !== undefined) expect(item.link).toMatch(/^https:\/\/e\.com\//);
    });
  }
});
