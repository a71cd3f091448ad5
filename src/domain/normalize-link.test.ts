import { describe, expect, it } from 'vitest';
import { isTrackingParam, normalizeLink, stripTrackingParams } from './normalize-link.ts';

describe('normalizeLink', () => {
  it.each([
    ['lowercases scheme and host', 'HTTPS://WWW.Example.COM/Path/A', 'https://www.example.com/Path/A'],
    ['keeps the case of userinfo', 'http://User:PW@Example.com/', 'http://User:PW@example.com/'],
    ['drops the http default port', 'http://example.com:80/a', 'http://example.com/a'],
    ['drops the https default port', 'https://example.com:443/a', 'https://example.com/a'],
    ['drops an empty port', 'https://example.com:/a', 'https://example.com/a'],
    ['keeps another port', 'https://example.com:8443/a', 'https://example.com:8443/a'],
    ['keeps port 80 on https', 'https://example.com:80/a', 'https://example.com:80/a'],
    ['handles IPv6 hosts', 'http://[::1]:80/a', 'http://[::1]/a'],
    ['keeps an IPv6 port', 'http://[::1]:8080/a', 'http://[::1]:8080/a'],
    ['drops the fragment', 'https://example.com/a#comments', 'https://example.com/a'],
    ['gives http an empty path /', 'https://example.com', 'https://example.com/'],
    ['gives http an empty path / before a query', 'https://example.com?p=1', 'https://example.com/?p=1'],
    ['drops utm_* parameters', 'https://e.com/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x', 'https://e.com/a'],
    ['drops fbclid and gclid', 'https://e.com/a?fbclid=abc&gclid=def', 'https://e.com/a'],
    ['keeps other parameters in order', 'https://e.com/a?z=1&utm_source=x&b=2&a=3', 'https://e.com/a?z=1&b=2&a=3'],
    ['keeps parameter spelling', 'https://e.com/a?id=A%2Bb&x', 'https://e.com/a?id=A%2Bb&x'],
    ['drops a trailing ?', 'https://e.com/a?', 'https://e.com/a'],
    ['drops empty parameters', 'https://e.com/a?&p=1&&', 'https://e.com/a?p=1'],
    ['drops ? and # together', 'https://e.com/a?#top', 'https://e.com/a'],
    ['drops xtor (French RSS tagging)', 'https://www.rfi.fr/cn/x?xtor=RSS-1', 'https://www.rfi.fr/cn/x'],
    ['drops spm (Alibaba)', 'https://e.cn/a.html?spm=a2c4e.11153940&id=7', 'https://e.cn/a.html?id=7'],
    ['uppercases percent-escapes', 'https://e.com/%e4%b8%ad?q=%e4', 'https://e.com/%E4%B8%AD?q=%E4'],
    ['keeps a non-ASCII path as given', 'https://e.com/中国/新闻', 'https://e.com/中国/新闻'],
    ['keeps http and https apart', 'http://e.com/a', 'http://e.com/a'],
    ['keeps www', 'https://www.e.com/a', 'https://www.e.com/a'],
    ['trims whitespace', '  https://e.com/a \n', 'https://e.com/a'],
    ['keeps path case', 'https://e.com/A/B', 'https://e.com/A/B'],
    [
      'does not drop names that merely contain a tracker',
      'https://e.com/?myutm_source=1&spmx=2',
      'https://e.com/?myutm_source=1&spmx=2',
    ],
    ['returns an unparseable value trimmed', '  not a url ', 'not a url'],
    [
      'returns a URN unchanged',
      'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
      'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
    ],
    ['returns a relative reference unchanged', '/a?utm_source=x#f', '/a?utm_source=x#f'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeLink(input)).toBe(expected);
  });

  it('gives the same key to links that differ only in tracking, fragment, case of host and default port', () => {
    const variants = [
      'https://News.Example.com/2024/story?id=5',
      'https://news.example.com:443/2024/story?id=5&utm_source=twitter',
      'HTTPS://news.example.com/2024/story?fbclid=IwAR0&id=5#comments',
    ];
    expect(new Set(variants.map(normalizeLink)).size).toBe(1);
  });

  it('gives different keys to different articles', () => {
    expect(normalizeLink('https://e.com/story?id=5')).not.toBe(normalizeLink('https://e.com/story?id=6'));
    expect(normalizeLink('https://e.com/Story')).not.toBe(normalizeLink('https://e.com/story'));
  });
});

describe('stripTrackingParams', () => {
  it.each([
    ['keeps the fragment', 'https://e.com/a?utm_source=x#sec-2', 'https://e.com/a#sec-2'],
    ['keeps host case and port', 'https://E.com:443/a?fbclid=1&b=2', 'https://E.com:443/a?b=2'],
    ['works on relative links', '/a/b?x=1&utm_medium=email', '/a/b?x=1'],
    ['returns a link without trackers unchanged', 'https://e.com/a?b=2&&c#f', 'https://e.com/a?b=2&&c#f'],
    ['returns a link without a query unchanged', 'https://e.com/a#x?utm_source=1', 'https://e.com/a#x?utm_source=1'],
    ['drops the ? when nothing is left', 'https://e.com/a?mc_cid=1&mc_eid=2', 'https://e.com/a'],
  ])('%s', (_name, input, expected) => {
    expect(stripTrackingParams(input)).toBe(expected);
  });
});

describe('isTrackingParam', () => {
  it.each([
    ['utm_source', true],
    ['UTM_TERM', true],
    ['utm_id', true],
    ['fbclid', true],
    ['gclid', true],
    ['dclid', true],
    ['msclkid', true],
    ['mc_cid', true],
    ['mc_eid', true],
    ['yclid', true],
    ['_hsenc', true],
    ['_hsmi', true],
    ['igshid', true],
    ['spm', true],
    ['ref_src', true],
    ['ocid', true],
    ['cmpid', true],
    ['WT.mc_id', true],
    ['id', false],
    ['p', false],
    ['ref', false],
    ['from', false],
    ['source', false],
    ['page', false],
    ['utm', false],
  ])('%s → %s', (name, expected) => {
    expect(isTrackingParam(name)).toBe(expected);
  });
});
