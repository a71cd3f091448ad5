import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { outboundUrl } from '../domain/outbound-url.ts';
import { formatArticleFile, readArticleFile, type ArticleFile } from './article-file.ts';

const fixture = readFileSync(new URL('./testdata/000_b016ae68f5e95a47.txt', import.meta.url), 'utf8');

function readOk(text: string): ArticleFile {
  const result = readArticleFile(text);
  if (result.kind !== 'ok') throw new Error(`expected ok, got: ${result.reason}`);
  return result.article;
}

// Small deterministic generator (mulberry32) so failures are reproducible.
function createRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n) | 0;
  };
}

const TITLE_PARTS = [
  'a',
  'News ',
  '\\',
  '[',
  ']',
  '](',
  ')',
  '(',
  '\r\n',
  '\n',
  '\r',
  '\u2028',
  '\u2029',
  '美国称中国',
  '😀',
  ' ',
  '\\]',
  '-->',
  '`*_',
];
const URL_PARTS = [
  'https://ex.com/',
  'a',
  '(',
  ')',
  ' ',
  '<',
  '>',
  '\t',
  '%E4%B8%AD',
  '中国',
  '?q=1&b=2',
  '#frag',
  '](',
  '[x]',
  '\u0001',
  '\u007f',
  '\u0085',
];
const BODY_PARTS = [
  '<p>x</p>',
  '\n',
  '\r\n',
  '\r',
  '',
  '------',
  '<!--1-->',
  '[t](u)',
  '  ',
  '\u00a0',
  '中文',
  '\uFEFF',
];

function generate(random: (n: number) => number, parts: string[], max: number): string {
  let text = '';
  for (let i = random(max); i > 0; i--) text += parts[random(parts.length)];
  return text;
}

describe('formatArticleFile / readArticleFile', () => {
  it('reads the reference fixture and formats it back byte for byte', () => {
    const article = readOk(fixture);
    expect(article.time).toBe(1667393102000);
    expect(article.title).toBe('美国称中国在习近平誓言加强威慑后抵制核谈判');
    expect(article.url).toMatch(/^https:\/\/www\.rfi\.fr\/cn\/%E4%B8%AD%E5%9B%BD\/20221102-/);
    expect(article.body.startsWith('<div>02/11/2022 - 13:16</div>')).toBe(true);
    expect(article.body.endsWith('<br></div>')).toBe(true);
    expect(Buffer.from(formatArticleFile(article))).toEqual(
      readFileSync(new URL('./testdata/000_b016ae68f5e95a47.txt', import.meta.url)),
    );
  });

  it('writes the exact five-line shape', () => {
    const text = formatArticleFile({
      time: 5,
      title: 'a [b] \\ c\nd',
      url: 'https://x.org/a b(c)<d>',
      body: '<p>hi</p>',
    });
    expect(text).toBe('<!--5-->\n[a \\[b\\] \\\\ c d](https://x.org/a%20b%28c%29%3Cd%3E)\n------\n\n<p>hi</p>\n');
  });

  it('writes an article without a link as [title]()', () => {
    const text = formatArticleFile({ time: 0, title: 't', url: '', body: '' });
    expect(text).toBe('<!--0-->\n[t]()\n------\n\n\n');
    expect(readOk(text)).toEqual({ time: 0, title: 't', url: '', body: '' });
  });

  it('writes a link that may not leave Tidings as [title]()', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'https://a.org/\u0001x',
      '/relative',
    ]) {
      expect(formatArticleFile({ time: 0, title: 't', url, body: '' })).toBe('<!--0-->\n[t]()\n------\n\n\n');
    }
    expect(formatArticleFile({ time: 0, title: 't', url: ' https://a.org/x ', body: '' })).toContain(
      '[t](https://a.org/x)',
    );
  });

  it('rejects a time that the timestamp line cannot hold', () => {
    expect(() => formatArticleFile({ time: -1, title: '', url: '', body: '' })).toThrow(RangeError);
    expect(() => formatArticleFile({ time: 1.5, title: '', url: '', body: '' })).toThrow(RangeError);
  });

  it('round-trips generated titles, urls and bodies', () => {
    const random = createRandom(20221102);
    for (let i = 0; i < 3000; i++) {
      const input = {
        time: random(2 ** 30) * 1000 + random(1000),
        title: generate(random, TITLE_PARTS, 12),
        url: `https://ex.com/${generate(random, URL_PARTS, 8)}`,
        body: generate(random, BODY_PARTS, 10),
      };
      const text = formatArticleFile(input);
      expect(text.split('\n').slice(0, 4).length).toBe(4);
      expect(text.split('\n')[2]).toBe('------');
      const article = readOk(text);
      expect(article.time).toBe(input.time);
      expect(article.title).toBe(input.title.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
      expect(article.body).toBe(input.body);
      expect(article.url).not.toMatch(/[ ()<>\u0000-\u001f\u007f-\u009f]/);
      expect(decodeURI(article.url.replace(/%(?![0-9A-F]{2})/g, '%25'))).toBe(
        decodeURI((outboundUrl(input.url) ?? '').replace(/%(?![0-9A-F]{2})/g, '%25')),
      );
      expect(formatArticleFile(article)).toBe(text);
    }
  });

  it('keeps urls without unsafe characters exactly as given', () => {
    for (const url of ['https://a.org/%E4%B8%AD?x=[1]&y=中', 'https://a.org/a\\_b', 'https://a.org/#a]b[c']) {
      expect(readOk(formatArticleFile({ time: 1, title: 'x', url, body: '' })).url).toBe(url);
    }
  });
});

describe('readArticleFile leniency', () => {
  const canonical = '<!--1000-->\n[T](https://a.org/x)\n------\n\n<p>b</p>\n';

  it('accepts CRLF line endings and a BOM', () => {
    const article = readOk(`\uFEFF${canonical.replace(/\n/g, '\r\n')}`);
    expect(article).toEqual({ time: 1000, title: 'T', url: 'https://a.org/x', body: '<p>b</p>' });
  });

  it('accepts a missing final newline', () => {
    expect(readOk(canonical.slice(0, -1)).body).toBe('<p>b</p>');
    expect(readOk('<!--1-->\n[T]()\n------').body).toBe('');
  });

  it('accepts extra blank lines before the body, keeping them as part of the byte-exact body', () => {
    const article = readOk('<!--1000-->\n[T](u)\n------\n\n\n\n<p>b</p>\n');
    expect(article.body).toBe('\n\n<p>b</p>');
    expect(readOk('<!--1-->\n[T](u)\n------\n<p>no blank line</p>\n').body).toBe('<p>no blank line</p>');
  });

  it('accepts unescaped brackets in the title', () => {
    expect(readOk('<!--1-->\n[a [b] c](https://a.org/)\n------\n\nx\n').title).toBe('a [b] c');
    expect(readOk('<!--1-->\n[see ](this) and ](that](https://a.org/)\n------\n\nx\n')).toMatchObject({
      title: 'see ](this) and ](that',
      url: 'https://a.org/',
    });
    expect(readOk('<!--1-->\n[a](b]()\n------\n\nx\n')).toMatchObject({ title: 'a](b', url: '' });
  });

  it('accepts a hand-written url with balanced parentheses', () => {
    expect(readOk('<!--1-->\n[Foo](https://en.wikipedia.org/wiki/Foo_(bar))\n------\n\nx\n').url).toBe(
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    );
  });

  it('reports an unreadable header with a reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['<!--abc-->\n[T](u)\n------\n\nx\n', /line 1/],
      ['<!---5-->\n[T](u)\n------\n\nx\n', /line 1/],
      ['<!--99999999999999999999-->\n[T](u)\n------\n\nx\n', /line 1/],
      ['just some text\n', /line 1/],
      ['', /line 1/],
      ['<!--1-->\nTitle without link\n------\n\nx\n', /line 2/],
      ['<!--1-->\n[T](u)\n\nx\n', /line 3/],
    ];
    for (const [text, reason] of cases) {
      const result = readArticleFile(text);
      expect(result.kind).toBe('invalid');
      if (result.kind === 'invalid') expect(result.reason).toMatch(reason);
    }
  });
});
