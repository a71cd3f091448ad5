import { describe, expect, it } from 'vitest';
import {
  articleFileName,
  articleFileNameForKey,
  articleKey,
  feedFolderName,
  parseArticleFileName,
} from './archive-layout.ts';

// printf 'guid:abc' | sha256sum
const SHA_GUID_ABC = 'bbf9e2e923d6da2de6b96f16dec1b5c438b24280cefa71c70ff3e08cc7e935ca';

describe('article file names', () => {
  it('is the zero-padded revision and 16 hex digits of the sha256 of the identity key', () => {
    expect(articleKey('guid:abc')).toBe(SHA_GUID_ABC.slice(0, 16));
    expect(articleFileName('guid:abc', 0)).toBe(`000_${SHA_GUID_ABC.slice(0, 16)}.txt`);
    expect(articleFileName('guid:abc', 7)).toBe(`007_${SHA_GUID_ABC.slice(0, 16)}.txt`);
    expect(articleFileName('guid:abc', 1234)).toBe(`1234_${SHA_GUID_ABC.slice(0, 16)}.txt`);
  });

  it('gives different articles different names and revisions of one article the same key', () => {
    expect(articleKey('a')).not.toBe(articleKey('b'));
    expect(parseArticleFileName(articleFileName('x', 0))?.key).toBe(parseArticleFileName(articleFileName('x', 3))?.key);
  });

  it('parses canonical names back and rejects others', () => {
    expect(parseArticleFileName('000_b016ae68f5e95a47.txt')).toEqual({ revision: 0, key: 'b016ae68f5e95a47' });
    expect(parseArticleFileName('1000_b016ae68f5e95a47.txt')).toEqual({ revision: 1000, key: 'b016ae68f5e95a47' });
    for (const name of [
      '00_b016ae68f5e95a47.txt',
      '0001_b016ae68f5e95a47.txt',
      '000_B016AE68F5E95A47.txt',
      '000_b016ae68f5e95a4.txt',
      '000_b016ae68f5e95a47.md',
      'index.jsonl',
      '.000_b016ae68f5e95a47.txt.tmp-1-ab',
    ]) {
      expect(parseArticleFileName(name)).toBeUndefined();
    }
    expect(() => articleFileNameForKey('xyz', 0)).toThrow(RangeError);
    expect(() => articleFileNameForKey('b016ae68f5e95a47', -1)).toThrow(RangeError);
  });
});

describe('feedFolderName', () => {
  it('is the host plus a short hash of the full URL', () => {
    expect(feedFolderName('https://www.rfi.fr/cn/rss')).toMatch(/^www\.rfi\.fr-[0-9a-f]{8}$/);
    expect(feedFolderName('https://www.rfi.fr/cn/rss')).toBe(feedFolderName('https://www.rfi.fr/cn/rss'));
    expect(feedFolderName('https://www.rfi.fr/cn/rss')).not.toBe(feedFolderName('https://www.rfi.fr/en/rss'));
  });

  it('stays a safe single path segment for odd URLs', () => {
    for (const url of [
      'not a url',
      'archive:my folder',
      'http://[::1]:8080/feed',
      'https://例子.测试/rss',
      '../../etc',
    ]) {
      expect(feedFolderName(url)).toMatch(/^[a-z0-9][a-z0-9.-]*-[0-9a-f]{8}$/);
    }
    expect(feedFolderName('https://例子.测试/rss')).toMatch(/^xn--/);
    expect(feedFolderName('archive:rfi%20cn')).toMatch(/^rfi-cn-[0-9a-f]{8}$/);
  });
});
