import { describe, expect, it } from 'vitest';
import { concatBytes, encodeLegacy, encodeUtf16, encodeUtf32 } from './encoding/testdata/legacy-encoder.ts';
import {
  FRENCH,
  JAPANESE,
  KOREAN,
  RUSSIAN,
  SIMPLIFIED_CHINESE,
  TRADITIONAL_CHINESE,
  rssDocument,
} from './encoding/testdata/sample-texts.ts';
import { parseFeed } from './parse-feed.ts';
import type { ParsedFeed } from '../domain/parsed-feed.ts';

function feedOf(bytes: Uint8Array, options: Parameters<typeof parseFeed>[1] = {}): ParsedFeed {
  const result = parseFeed(bytes, options);
  if (result.kind !== 'feed') throw new Error(result.error.message);
  return result.feed;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseFeed decodes feeds in the encodings the world uses', () => {
  const cases: Array<[string, string, string, string]> = [
    ['GBK declared as gb2312', SIMPLIFIED_CHINESE, 'gbk', 'gb2312'],
    ['GB18030', SIMPLIFIED_CHINESE, 'gb18030', 'gb18030'],
    ['Big5', TRADITIONAL_CHINESE, 'big5', 'big5'],
    ['Shift_JIS', JAPANESE, 'shift_jis', 'Shift_JIS'],
    ['EUC-KR', KOREAN, 'euc-kr', 'euc-kr'],
    ['windows-1251', RUSSIAN, 'windows-1251', 'windows-1251'],
    ['windows-1252 declared as iso-8859-1', FRENCH, 'windows-1252', 'ISO-8859-1'],
  ];
  for (const [name, text, encoding, declared] of cases) {
    it(`reads ${name}`, () => {
      const feed = feedOf(encodeLegacy(rssDocument(text, declared), encoding));
      expect(feed.encoding).toBe(encoding);
      expect(feed.items[0].summary).toBe(text);
      expect(feed.items[1].title).toBe(text.slice(20, 40).trim());
    });
  }

  it('reads UTF-16 in both byte orders, with and without a BOM', () => {
    const doc = rssDocument(SIMPLIFIED_CHINESE, 'utf-16');
    for (const little of [true, false]) {
      const bom = little ? Uint8Array.of(0xff, 0xfe) : Uint8Array.of(0xfe, 0xff);
      expect(feedOf(concatBytes(bom, encodeUtf16(doc, little))).items[0].summary).toBe(SIMPLIFIED_CHINESE);
      expect(feedOf(encodeUtf16(doc, little)).items[0].summary).toBe(SIMPLIFIED_CHINESE);
    }
  });

  it('reads UTF-32 with a BOM and UTF-8 with a BOM', () => {
    const doc = rssDocument(TRADITIONAL_CHINESE);
    expect(feedOf(concatBytes(Uint8Array.of(0xff, 0xfe, 0, 0), encodeUtf32(doc, true))).items[0].summary).toBe(
      TRADITIONAL_CHINESE,
    );
    expect(feedOf(concatBytes(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(doc))).items[0].summary).toBe(TRADITIONAL_CHINESE);
  });

  it('decodes a UTF-8 feed that declares gb2312 as UTF-8, and says so', () => {
    const feed = feedOf(utf8(rssDocument(SIMPLIFIED_CHINESE, 'gb2312')));
    expect(feed.encoding).toBe('utf-8');
    expect(feed.items[0].summary).toBe(SIMPLIFIED_CHINESE);
    expect(feed.wellFormed).toBe(false);
    expect(feed.problems.join('\n')).toMatch(/declared encoding "gb2312" is wrong/);
  });

  it('decodes a GBK feed that declares UTF-8 as what it really is, and says so', () => {
    const feed = feedOf(encodeLegacy(rssDocument(SIMPLIFIED_CHINESE, 'utf-8'), 'gbk'));
    expect(['gbk', 'gb18030']).toContain(feed.encoding);
    expect(feed.items[0].summary).toBe(SIMPLIFIED_CHINESE);
    expect(feed.problems.join('\n')).toMatch(/wrong/);
  });

  it('lets the HTTP charset beat the XML declaration, and a user override beat both', () => {
    const gbk = encodeLegacy(rssDocument(SIMPLIFIED_CHINESE, 'utf-8'), 'gbk');
    expect(feedOf(gbk, { contentType: 'application/rss+xml; charset=GBK' }).encoding).toBe('gbk');
    const big5 = encodeLegacy(rssDocument(TRADITIONAL_CHINESE, 'utf-8'), 'big5');
    const overridden = feedOf(big5, { contentType: 'text/xml; charset=utf-8', encodingOverride: 'big5' });
    expect(overridden.encoding).toBe('big5');
    expect(overridden.items[0].summary).toBe(TRADITIONAL_CHINESE);
  });

  it('detects an undeclared GBK feed', () => {
    const feed = feedOf(encodeLegacy(rssDocument(SIMPLIFIED_CHINESE + SIMPLIFIED_CHINESE), 'gbk'));
    expect(['gbk', 'gb18030']).toContain(feed.encoding);
    expect(feed.items[0].summary).toBe(SIMPLIFIED_CHINESE + SIMPLIFIED_CHINESE);
  });
});
