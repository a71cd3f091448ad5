import { describe, expect, it } from 'vitest';
import { ftsExpression, ftsQuery } from './fts-expression.ts';

describe('ftsExpression', () => {
  it('answers a phrase from its exact gram alone, unless the phrase is limited to fields', () => {
    const tokens = [{ text: 'the' }, { text: 'government' }];
    expect(ftsExpression({ kind: 'phrase', tokens, hints: ['the_government'], exact: 'the_government' })).toBe(
      '{pairs} : "the_government"',
    );
    expect(
      ftsExpression({ kind: 'phrase', tokens, hints: ['the_government'], exact: 'the_government', fields: ['title'] }),
    ).toBe('({title} : ("the" + "government") AND "the_government")');
  });

  it('leaves out the column filter only where no token could match in the pairs column', () => {
    expect(ftsExpression({ kind: 'phrase', tokens: [{ text: '经' }, { text: '济' }] })).toBe('("经" + "济")');
    expect(ftsExpression({ kind: 'phrase', tokens: [{ text: 'the' }, { text: 'gov', prefix: true }] })).toBe(
      '{body title author feed category} : ("the" + "gov" *)',
    );
  });

  it('quotes every token, so typed text is never FTS5 syntax', () => {
    expect(
      ftsQuery({ kind: 'phrase', tokens: [{ text: 'a"b' }] }, [{ kind: 'phrase', tokens: [{ text: 'NEAR' }] }]),
    ).toBe('("a""b") NOT ("NEAR")');
  });
});
