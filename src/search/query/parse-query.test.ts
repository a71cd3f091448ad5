import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';

const term = (text: string, extra: object = {}) => ({ text, phrase: false, prefix: false, ...extra });

describe('parseQuery', () => {
  it('makes each word a required clause and a quoted text one phrase', () => {
    expect(parseQuery('中国 "new york" economy').clauses).toEqual([
      { terms: [term('中国')], negated: false },
      { terms: [term('new york', { phrase: true })], negated: false },
      { terms: [term('economy')], negated: false },
    ]);
  });

  it('joins OR alternatives into one clause and reads -word as an exclusion', () => {
    expect(parseQuery('香港 OR 台湾 -经济 a | b').clauses).toEqual([
      { terms: [term('香港'), term('台湾')], negated: false },
      { terms: [term('经济')], negated: true },
      { terms: [term('a'), term('b')], negated: false },
    ]);
  });

  it('reads prefix*, field filters with words or phrases, and leaves unknown fields as text', () => {
    expect(parseQuery('econ* title:"中国 经济" author:王伟 feed:BBC category:科技 http://x').clauses).toEqual([
      { terms: [term('econ', { prefix: true })], negated: false },
      { terms: [term('中国 经济', { phrase: true, field: 'title' })], negated: false },
      { terms: [term('王伟', { field: 'author' })], negated: false },
      { terms: [term('BBC', { field: 'feed' })], negated: false },
      { terms: [term('科技', { field: 'category' })], negated: false },
      { terms: [term('http://x')], negated: false },
    ]);
  });

  it('understands full-width punctuation and CJK quotation marks typed with an input method', () => {
    const parsed = parseQuery('“中国 经济” 「香港」 －台湾 title：习近平');
    expect(parsed.clauses).toEqual([
      { terms: [term('中国 经济', { phrase: true })], negated: false },
      { terms: [term('香港', { phrase: true })], negated: false },
      { terms: [term('台湾')], negated: true },
      { terms: [term('习近平', { field: 'title' })], negated: false },
    ]);
  });

  it('turns lang and date filters into bounds: before a period, after it, on it; combined they intersect', () => {
    const parsed = parseQuery('lang:zh,EN after:2024-01 before:2024-03-15 x');
    expect(parsed.languages).toEqual(['zh', 'en']);
    expect(parsed.since).toBe(Date.UTC(2024, 1, 1));
    expect(parsed.until).toBe(Date.UTC(2024, 2, 15));
    expect(parseQuery('on:2024').since).toBe(Date.UTC(2024, 0, 1));
    expect(parseQuery('on:2024').until).toBe(Date.UTC(2025, 0, 1));
    expect(parseQuery('on:２０２４／０２／２９')).toMatchObject({
      since: Date.UTC(2024, 1, 29),
      until: Date.UTC(2024, 2, 1),
    });
  });

  it('reports a bad date instead of failing', () => {
    const parsed = parseQuery('before:2024-02-30 after:yesterday 中国');
    expect(parsed.since).toBeUndefined();
    expect(parsed.until).toBeUndefined();
    expect(parsed.problems).toHaveLength(2);
    expect(parsed.clauses).toHaveLength(1);
  });
});
