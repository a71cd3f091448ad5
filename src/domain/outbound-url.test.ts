import { describe, expect, it } from 'vitest';
import { outboundUrl } from './outbound-url.ts';

describe('outboundUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    '   javascript:alert(1)',
    '\u0000\u0001javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'http:example.com',
    'http:/example.com',
    'http:///example.com',
    'http:\\\\example.com',
    'https://exa mple.com/',
    'http://example.com/\njavascript:alert(1)',
    '//example.com/article',
    '/article/1',
    'article/1',
    '',
    '   ',
    'mailto:ann@example.com',
    'archive:News',
  ])('refuses %j as a link', (url) => {
    expect(outboundUrl(url)).toBeUndefined();
  });

  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['HTTP://Example.com/a?b=c#d', 'HTTP://Example.com/a?b=c#d'],
    ['  https://example.com/a \n', 'https://example.com/a'],
    ['https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20221102', 'https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20221102'],
    ['https://例子.中国/新闻', 'https://例子.中国/新闻'],
    ['http://[2001:db8::1]:8080/feed', 'http://[2001:db8::1]:8080/feed'],
  ])('passes %j as a link, trimmed and otherwise as given', (url, expected) => {
    expect(outboundUrl(url)).toBe(expected);
  });

  it('passes mailto: only for contacts, and only a plain address', () => {
    expect(outboundUrl('mailto:ann@example.com', 'contact')).toBe('mailto:ann@example.com');
    expect(outboundUrl(' MAILTO:ann@example.com ', 'contact')).toBe('MAILTO:ann@example.com');
    expect(outboundUrl('https://ann.example/', 'contact')).toBe('https://ann.example/');
    expect(outboundUrl('mailto:javascript:alert(1)', 'contact')).toBeUndefined();
    expect(outboundUrl('mailto:a@b.c"><script>', 'contact')).toBeUndefined();
    expect(outboundUrl('javascript:alert(1)', 'contact')).toBeUndefined();
  });

  it("passes Tidings' own archive: feed names only for feeds", () => {
    expect(outboundUrl('archive:News%20Folder', 'feed')).toBe('archive:News%20Folder');
    expect(outboundUrl('https://example.com/feed.xml', 'feed')).toBe('https://example.com/feed.xml');
    expect(outboundUrl('archive:a/../b', 'feed')).toBeUndefined();
    expect(outboundUrl('javascript:alert(1)', 'feed')).toBeUndefined();
  });

  it('leaves an absent URL absent', () => {
    expect(outboundUrl(undefined)).toBeUndefined();
  });
});
