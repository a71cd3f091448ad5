import { describe, expect, it } from 'vitest';
import { generateSearchCorpus } from '../search/testdata/search-corpus.ts';
import { htmlToText } from './html-to-text.ts';
import { indexTokens, pairTokens, phraseTokens, queryUnits } from './index-tokens.ts';

const texts = (query: string) =>
  phraseTokens(queryUnits(query))
    .map((t) => (t.prefix === true ? `${t.text}*` : t.text))
    .join(' ');

describe('indexTokens', () => {
  it('stores one token per CJK character and marks a break between runs that only punctuation separates', () => {
    expect(indexTokens('中国经济')).toBe('中 国 经 济');
    expect(indexTokens('中国，经济。')).toBe('中 国 _ 经 济');
    expect(indexTokens('中国 2024 经济')).toBe('中 国 2024 经 济');
  });

  it('folds before splitting: Traditional, full-width and case meet their plain forms', () => {
    expect(indexTokens('習近平會見ＣＥＯ')).toBe('习 近 平 会 见 ceo');
    expect(indexTokens('Café au Lait')).toBe('cafe au lait');
  });

  it('splits mixed text, numbers and URLs into words and characters', () => {
    expect(indexTokens('用iPhone 16拍摄，销量增长5.2%')).toBe('用 iphone 16 拍 摄 _ 销 量 增 长 5 2');
    expect(indexTokens('见https://news.example.cn/2024/a-1.html')).toBe('见 https news example cn 2024 a 1 html');
    expect(indexTokens('COVID-19 and U.S.')).toBe('covid 19 and u s');
  });

  it('treats kana and Hangul as CJK, and keeps astral Han characters whole', () => {
    expect(indexTokens('東京へ行く')).toBe('东 京 へ 行 く');
    expect(indexTokens('서울특별시')).toBe('서 울 특 별 시');
    expect(indexTokens('𠮷野家')).toBe('𠮷 野 家');
  });

  it('collects pairs of adjacent common characters only', () => {
    const pairs = new Set<string>();
    indexTokens('中国人大芯片', pairs);
    expect([...pairs].sort()).toEqual(['中国', '人大', '国人'].sort());
    expect(pairTokens(queryUnits('人大'))).toEqual(['人大']);
    expect(pairTokens(queryUnits('芯片'))).toEqual([]);
  });
});

describe('grams', () => {
  it('stores a gram for adjacent words when either is common, and for the characters around a run break', () => {
    const pairs = new Set<string>();
    indexTokens('The government said: markets fell. 经济，政策', pairs);
    expect([...pairs].sort()).toEqual(['the_government', '济_政'].sort());
    expect(pairTokens(queryUnits('the government'))).toEqual(['the_government']);
    expect(pairTokens(queryUnits('markets fell'))).toEqual([]);
    expect(pairTokens(queryUnits('经济，政策'))).toEqual(['济_政']);
    expect(pairTokens(queryUnits('of the'))).toEqual(['of_the']);
    expect(pairTokens(queryUnits('of a'))).toEqual([]);
    expect(pairTokens(queryUnits('the gov'), true)).toEqual([]);
  });

  it('makes the same grams around astral characters, once per article however often they occur', () => {
    const pairs = new Set<string>();
    expect(indexTokens('𠮷，的 的，𠮷 𠮷，𠮷 的，的 的，的', pairs)).toBe(
      '𠮷 _ 的 _ 的 _ 𠮷 _ 𠮷 _ 𠮷 _ 的 _ 的 _ 的 _ 的',
    );
    expect([...pairs].sort()).toEqual(['𠮷_的', '的_𠮷', '的_的'].sort());
    expect(pairTokens(queryUnits('𠮷，的'))).toEqual(['𠮷_的']);
    expect(pairTokens(queryUnits('𠮷，𠮷'))).toEqual([]);
  });

  it('gives every phrase of corpus text only hints its article stores', () => {
    for (const article of generateSearchCorpus(200)) {
      const text = htmlToText(article.html);
      const stored = new Set<string>();
      indexTokens(text, stored);
      const units = queryUnits(text);
      for (let at = 0; at + 3 <= units.length; at += 2) {
        for (const hint of pairTokens(units.slice(at, at + 3))) expect(stored).toContain(hint);
      }
    }
  });
});

describe('phraseTokens', () => {
  it('gives a query exactly the tokens its text is stored with', () => {
    for (const article of generateSearchCorpus(300)) {
      for (const text of [article.title, htmlToText(article.html)]) {
        expect(texts(text)).toBe(indexTokens(text));
      }
    }
  });

  it('marks a final word as a prefix when asked', () => {
    expect(phraseTokens(queryUnits('new yor'), true)).toEqual([{ text: 'new' }, { text: 'yor', prefix: true }]);
  });
});
