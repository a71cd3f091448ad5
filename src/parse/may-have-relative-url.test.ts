import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../util/seeded-random.ts';
import { mayHaveRelativeUrl } from './may-have-relative-url.ts';

// The regex this pre-check replaced: the oracle it must agree with on every input.
const CANDIDATE =
  /(?:srcset[\t\n\f\r ]*=|(?:href|src|poster|cite|background|longdesc|usemap|action|data|lowsrc|dynsrc|icon|manifest|original)[\t\n\f\r ]*=[\t\n\f\r ]*["']?[\t\n\f\r ]*(?![a-z][a-z0-9+.-]*:|#|["']))/i;

const PIECES = [
  '<a ',
  '<img ',
  'href',
  'HREF',
  'src',
  'Src',
  'srcset',
  'data-src',
  'original',
  'alt',
  'width',
  'xhref',
  'lowsrc',
  'ICON',
  '=',
  '=',
  ' = ',
  '="',
  "='",
  '"',
  "'",
  ' ',
  '\t',
  '\n',
  '\v',
  'http:',
  'https://x.example/',
  'HTTPS:',
  'mailto:',
  'a+b.c-d:',
  '#top',
  '/rel',
  'rel/x',
  '../up',
  '9x:',
  'x',
  ':',
  '>',
  '</a>',
  'é',
  '&amp;',
  'ſrc',
  '',
];

describe('mayHaveRelativeUrl', () => {
  it('agrees with the regex it replaced on random markup', () => {
    const random = createSeededRandom(20240601);
    let yes = 0;
    for (let n = 0; n < 20000; n++) {
      let html = '';
      const count = random.int(1, 12);
      for (let i = 0; i < count; i++) html += random.pick(PIECES);
      const expected = CANDIDATE.test(html);
      expect(mayHaveRelativeUrl(html), JSON.stringify(html)).toBe(expected);
      if (expected) yes++;
    }
    expect(yes).toBeGreaterThan(1000);
    expect(yes).toBeLessThan(19000);
  });

  it('says no for absolute, fragment and empty-quoted values, and yes for relative ones', () => {
    expect(mayHaveRelativeUrl('<a href="https://x.example/a">a</a><img src=\'http://x.example/i.png\' alt="b">')).toBe(
      false,
    );
    expect(mayHaveRelativeUrl('<a href="#top">a</a><a href="">b</a>')).toBe(false);
    expect(mayHaveRelativeUrl('<a href="/about">a</a>')).toBe(true);
    expect(mayHaveRelativeUrl('<img srcset="https://x.example/a.png 2x">')).toBe(true);
  });
});
