import { describe, expect, it } from 'vitest';
import { resolveHtmlUrls } from './html-urls.ts';

const BASE = 'https://ex.com/dir/page.html';

describe('resolveHtmlUrls', () => {
  it('resolves the relative reference forms', () => {
    expect(resolveHtmlUrls('<a href="//cdn.ex.org/x">a</a>', BASE)).toBe('<a href="https://cdn.ex.org/x">a</a>');
    expect(resolveHtmlUrls('<a href="../a">a</a>', BASE)).toBe('<a href="https://ex.com/a">a</a>');
    expect(resolveHtmlUrls('<a href="?q=1">a</a>', BASE)).toBe('<a href="https://ex.com/dir/page.html?q=1">a</a>');
    expect(resolveHtmlUrls('<a href="/abs">a</a>', BASE)).toBe('<a href="https://ex.com/abs">a</a>');
    expect(resolveHtmlUrls('<img src="p.jpg">', BASE)).toBe('<img src="https://ex.com/dir/p.jpg">');
  });

  it('handles all three quoting styles and any case of attribute name', () => {
    expect(resolveHtmlUrls(`<IMG SRC='a.jpg' Poster=b.jpg alt=x>`, BASE)).toBe(
      `<IMG SRC='https://ex.com/dir/a.jpg' Poster=https://ex.com/dir/b.jpg alt=x>`,
    );
    expect(resolveHtmlUrls('<img\nsrc = "a.jpg"/>', BASE)).toBe('<img\nsrc = "https://ex.com/dir/a.jpg"/>');
  });

  it('rewrites every srcset candidate and keeps descriptors and separators', () => {
    expect(resolveHtmlUrls('<img srcset="a.jpg 1x, https://x.org/b.jpg 2x,c.jpg   3x">', BASE)).toBe(
      '<img srcset="https://ex.com/dir/a.jpg 1x, https://x.org/b.jpg 2x,https://ex.com/dir/c.jpg   3x">',
    );
    expect(resolveHtmlUrls('<source srcset="i/w_100,h_50.jpg 100w, i/big.jpg 800w">', BASE)).toBe(
      '<source srcset="https://ex.com/dir/i/w_100,h_50.jpg 100w, https://ex.com/dir/i/big.jpg 800w">',
    );
  });

  it('resolves lazy-image and other URL attributes', () => {
    expect(resolveHtmlUrls(`<img data-src="l.jpg" data-original='o.jpg' data-srcset="s.jpg 2x">`, BASE)).toBe(
      `<img data-src="https://ex.com/dir/l.jpg" data-original='https://ex.com/dir/o.jpg' data-srcset="https://ex.com/dir/s.jpg 2x">`,
    );
    expect(resolveHtmlUrls('<blockquote cite="q.html"><table background="bg.gif">', BASE)).toBe(
      '<blockquote cite="https://ex.com/dir/q.html"><table background="https://ex.com/dir/bg.gif">',
    );
  });

  it('preserves &amp; as written and re-escapes after resolving', () => {
    expect(resolveHtmlUrls('<a href="x?a=1&amp;b=2">q</a>', BASE)).toBe(
      '<a href="https://ex.com/dir/x?a=1&amp;b=2">q</a>',
    );
    expect(resolveHtmlUrls('<a href="https://o.org/?a=1&amp;b=2">q</a><a href="r">r</a>', BASE)).toBe(
      '<a href="https://o.org/?a=1&amp;b=2">q</a><a href="https://ex.com/dir/r">r</a>',
    );
  });

  it('leaves absolute URLs, fragments and empty values exactly as written', () => {
    const html =
      '<a href="#note">f</a><a href="mailto:a@ex.com">m</a><img src="data:image/png;base64,AA">' +
      '<a href="HTTPS://Ex.com/A%2f">u</a><a href="">e</a><a href="tel:+1">t</a>';
    expect(resolveHtmlUrls(html, BASE)).toBe(html);
  });

  it("touches attributes only, never text outside tags or other attributes' values", () => {
    expect(resolveHtmlUrls('<p>write src="x" or href=y in text</p>', BASE)).toBe(
      '<p>write src="x" or href=y in text</p>',
    );
    expect(resolveHtmlUrls('<img alt="see src=foo" title=\'href="z"\' src="bar">', BASE)).toBe(
      '<img alt="see src=foo" title=\'href="z"\' src="https://ex.com/dir/bar">',
    );
    expect(resolveHtmlUrls('<!-- <img src="c.jpg"> --><p>1 < 2 src="x"</p>', BASE)).toBe(
      '<!-- <img src="c.jpg"> --><p>1 < 2 src="x"</p>',
    );
  });

  it('returns the input itself when there is no base or no relative candidate', () => {
    const html = '<a href="x">x</a>';
    expect(resolveHtmlUrls(html, undefined)).toBe(html);
    expect(resolveHtmlUrls('<a href="https://ex.com/">x</a>', BASE)).toBe('<a href="https://ex.com/">x</a>');
  });

  it('stops at an unclosed quote, as a browser would, after rewriting what came before', () => {
    expect(resolveHtmlUrls('<img src="a.jpg"><img alt="open src="b.jpg">', BASE)).toBe(
      '<img src="https://ex.com/dir/a.jpg"><img alt="open src="b.jpg">',
    );
  });

  it('stays linear on hostile input', () => {
    const inputs = [
      '<a'.repeat(200_000),
      '<a href=x '.repeat(100_000),
      `<a href="x">${'<img src="'.repeat(50_000)}`,
      `<img ${'src= '.repeat(100_000)}>`,
    ];
    for (const html of inputs) resolveHtmlUrls(html, BASE);
  }, 60_000);
});
