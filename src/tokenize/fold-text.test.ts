import { describe, expect, it } from 'vitest';
import { generateSearchCorpus } from '../search/testdata/search-corpus.ts';
import { foldText } from './fold-text.ts';

describe('foldText', () => {
  it('applies NFKC: full-width Latin and digits, half-width katakana, compatibility ideographs', () => {
    expect(foldText('ＡＢＣ１２３ ｶﾞｲﾄﾞ ﬁ')).toBe('abc123 ガイド fi');
    expect(foldText('\uf9dc')).toBe('隆');
  });

  it('folds case and Latin diacritics, with the full folds of ß and final sigma', () => {
    expect(foldText('Crème Brûlée in ZÜRICH, São Paulo, Øresund, Straße, Łódź')).toBe(
      'creme brulee in zurich, sao paulo, oresund, strasse, lodz',
    );
    expect(foldText('ΟΔΟΣ')).toBe('οδοσ');
  });

  it('folds Traditional Chinese, with Taiwan and Hong Kong variants, to Simplified, both ways meeting in one form', () => {
    expect(foldText('習近平')).toBe(foldText('习近平'));
    expect(foldText('習近平')).toBe('习近平');
    expect(foldText('臺灣經濟')).toBe('台湾经济');
    expect(foldText('裡面')).toBe('里面');
    expect(foldText('裏面')).toBe('里面');
    expect(foldText('綫上')).toBe('线上');
    expect(foldText('衞生')).toBe('卫生');
    expect(foldText('著名')).toBe(foldText('着名'));
  });

  it('folds character by character, so a substring folds the same alone as inside its text', () => {
    const text = '乾隆年間，乾燥的天氣讓後來的人著急';
    const folded = foldText(text);
    for (let i = 0; i < text.length; i++) {
      for (let n = 1; n <= 4 && i + n <= text.length; n++) expect(folded).toContain(foldText(text.slice(i, i + n)));
    }
  });

  it('leaves Simplified Chinese, kana and Hangul as they are, and is idempotent on the corpus', () => {
    expect(foldText('中华人民共和国 東京へ 서울')).toBe('中华人民共和国 东京へ 서울');
    for (const article of generateSearchCorpus(200)) {
      const once = foldText(article.text);
      expect(foldText(once)).toBe(once);
    }
  });
});
