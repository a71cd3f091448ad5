import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../src/clean/clean-html.ts';
import { loadShippedRulePacks } from '../../src/clean/load-rule-packs.ts';
import { generateArticles } from './generate-articles.ts';

describe('generateArticles', () => {
  const articles = generateArticles(40, 7);

  it('is deterministic, 2–6 KB, Chinese and English, every kind', () => {
    expect(generateArticles(40, 7)).toEqual(articles);
    for (const a of articles) expect(Buffer.byteLength(a.html)).toBeGreaterThan(1900);
    for (const a of articles) expect(Buffer.byteLength(a.html)).toBeLessThan(6000);
    expect(new Set(articles.map((a) => a.language))).toEqual(new Set(['en', 'zh']));
    expect(new Set(articles.map((a) => a.kind)).size).toBe(4);
  });

  it('gives the pipeline real work: the boilerplate it plants is removed', () => {
    const packs = loadShippedRulePacks();
    for (const a of articles) {
      const out = cleanHtml(a.html, { feedUrl: a.feedUrl, itemUrl: a.itemUrl, packs }).html;
      expect(out).not.toMatch(/获取更多RSS|appeared first on|utm_source|<p>&nbsp;<\/p>|pixel\.wp\.com|data:image\/svg/);
    }
  });
});
