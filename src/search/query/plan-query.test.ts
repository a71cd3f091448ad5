import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.ts';
import { planQuery } from './plan-query.ts';

const plan = (query: string) => planQuery(parseQuery(query));

describe('planQuery', () => {
  it('makes a CJK string of up to four characters one exact phrase, with its common pairs as hints', () => {
    expect(plan('人大代表').match).toEqual({
      kind: 'phrase',
      tokens: [{ text: '人' }, { text: '大' }, { text: '代' }, { text: '表' }],
      hints: ['人大', '大代'],
    });
  });

  it('marks a two-token phrase that one pair or gram stands for, and only without a field or prefix', () => {
    expect(plan('"the government"').match).toMatchObject({
      kind: 'phrase',
      hints: ['the_government'],
      exact: 'the_government',
    });
    expect(plan('人大').match).toMatchObject({ hints: ['人大'], exact: '人大' });
    expect(plan('"经济，政策"').match).toMatchObject({ hints: ['济_政'] });
    expect(plan('"济，政"').match).toMatchObject({ hints: ['济_政'], exact: '济_政' });
    expect(plan('人大代表').match).not.toHaveProperty('exact');
    expect(plan('"markets fell"').match).not.toHaveProperty('exact');
    expect(plan('the-gov*').match).toMatchObject({ tokens: [{ text: 'the' }, { text: 'gov', prefix: true }] });
    expect(plan('the-gov*').match).not.toHaveProperty('exact');
    expect(plan('芯片').match).not.toHaveProperty('exact');
  });

  it('splits an unquoted CJK run longer than four characters into words, each required', () => {
    const match = plan('上海房价上涨').match;
    expect(match?.kind).toBe('and');
    if (match?.kind !== 'and') return;
    expect(match.nodes.map((n) => (n.kind === 'phrase' ? n.tokens.map((t) => t.text).join('') : '?'))).toEqual([
      '上海',
      '房价',
      '上涨',
    ]);
    expect(plan('"上海房价上涨"').match?.kind).toBe('phrase');
  });

  it('keeps a word next to CJK in one phrase and folds Traditional queries', () => {
    expect(plan('2024年').match).toEqual({ kind: 'phrase', tokens: [{ text: '2024' }, { text: '年' }] });
    expect(plan('習近平').match).toEqual(plan('习近平').match);
  });

  it('puts fields, OR groups, exclusions and filters where the store expects them', () => {
    const result = plan('title:经济 香港 OR 台湾 -体育 lang:zh');
    expect(result.match).toMatchObject({ kind: 'and', nodes: [{ kind: 'phrase', fields: ['title'] }, { kind: 'or' }] });
    expect(result.exclude).toHaveLength(1);
    expect(result.languages).toEqual(['zh']);
  });

  it('drops terms with nothing searchable', () => {
    expect(plan('!!! ，。').match).toBeUndefined();
  });
});
