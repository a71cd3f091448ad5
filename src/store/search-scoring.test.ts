import { describe, expect, it } from 'vitest';
import { freshness, maxScore, scoreArticle, type ScoringGroup } from './search-scoring.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 0, 1);
const groups: ScoringGroup[] = [
  { phrases: [[{ text: '中' }, { text: '国' }]], idf: 1.3 },
  { phrases: [[{ text: 'market' }], [{ text: 'econ', prefix: true }]], idf: 2.1 },
];

describe('search scoring', () => {
  it('ranks a title match above a body match, and a fresh article above an old one', () => {
    const inTitle = scoreArticle(groups, '中國 markets', NOW, NOW);
    const inBody = scoreArticle(groups, 'Weather', NOW, NOW);
    expect(inTitle).toBeGreaterThan(inBody);
    expect(scoreArticle(groups, 'Economy of 中国', NOW - DAY, NOW)).toBeGreaterThan(
      scoreArticle(groups, 'Economy of 中国', NOW - 30 * DAY, NOW),
    );
  });

  it('never scores an article above the ceiling for its time, so an early stop cannot drop a better hit', () => {
    for (const title of ['', 'x', '中国 market economy', '中国中国 market', 'Economics']) {
      for (const age of [0, 1, 5, 40, 400]) {
        const time = NOW - age * DAY;
        expect(scoreArticle(groups, title, time, NOW)).toBeLessThanOrEqual(maxScore(groups, time, NOW) + 1e-12);
      }
    }
  });

  it('lets freshness fall with age without ever flattening', () => {
    const values = [0, 1, 6, 30, 365, 3650].map((days) => freshness(NOW - days * DAY, NOW));
    expect(values[0]).toBe(1);
    expect(values[2]).toBeCloseTo(0.5, 5);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]);
    expect(freshness(NOW + DAY, NOW)).toBe(1);
  });
});
