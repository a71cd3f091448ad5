import { describe, expect, it } from 'vitest';
import { parseFeed } from '../parse-feed.ts';
import { isChineseLanguage, parseChinaStandardTime } from './china-standard-time.ts';

describe('parseChinaStandardTime', () => {
  it.each([
    ['Wed, 02 Nov 2022 21:16:00 CST', '2022-11-02T13:16:00Z'],
    ['Wed Nov 02 21:16:00 CST 2022', '2022-11-02T13:16:00Z'],
    ['2022-11-02 21:16:00 CST', '2022-11-02T13:16:00Z'],
    ['Wed, 2 Nov 2022 21:16 cst', '2022-11-02T13:16:00Z'],
  ])('reads %s as +08:00', (raw, iso) => {
    expect(parseChinaStandardTime(raw)).toBe(iso);
  });

  it.each([
    'Wed, 02 Nov 2022 21:16:00 +0800 (CST)',
    'Wed, 02 Nov 2022 21:16:00 GMT',
    'Wed, 02 Nov 2022 21:16:00 CSTX',
    'Wed, 02 Nov 2022 21:16:00 CDT',
    'not a date CST',
  ])('leaves %s to the usual reading', (raw) => {
    expect(parseChinaStandardTime(raw)).toBeUndefined();
  });
});

describe('isChineseLanguage', () => {
  it('knows Chinese tags in their usual spellings, and nothing else', () => {
    expect(['zh', 'zh-CN', 'zh-tw', 'zh-Hant-HK', 'zh_CN', 'ZH'].every(isChineseLanguage)).toBe(true);
    expect(['en', 'ja', 'zha', 'en-CN', '', undefined].some(isChineseLanguage)).toBe(false);
  });
});

const rss = (language: string, item = '') => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
  ${language === '' ? '' : `<language>${language}</language>`}<pubDate>Wed, 02 Nov 2022 21:16:00 CST</pubDate>
  <item><title>a</title><guid>a</guid><pubDate>Wed, 02 Nov 2022 21:16:00 CST</pubDate>${item}</item></channel></rss>`;

describe('CST in parsed feeds', () => {
  const dates = (xml: string, headers?: Record<string, string>) => {
    const result = parseFeed(xml, { headers });
    if (result.kind !== 'feed') throw new Error(result.error.message);
    return [result.feed.feed.published, result.feed.items[0].published, result.feed.items[0].publishedRaw];
  };

  it('is China Standard Time in a Chinese feed, feed and item dates alike, the raw text kept', () => {
    expect(dates(rss('zh-cn'))).toEqual([
      '2022-11-02T13:16:00Z',
      '2022-11-02T13:16:00Z',
      'Wed, 02 Nov 2022 21:16:00 CST',
    ]);
    expect(dates(rss(''), { 'content-language': 'zh-TW' })).toEqual([
      '2022-11-02T13:16:00Z',
      '2022-11-02T13:16:00Z',
      'Wed, 02 Nov 2022 21:16:00 CST',
    ]);
  });

  it('is US Central time elsewhere, as RFC 822 defines it', () => {
    expect(dates(rss('en-us')).slice(0, 2)).toEqual(['2022-11-03T03:16:00Z', '2022-11-03T03:16:00Z']);
    expect(dates(rss('')).slice(0, 2)).toEqual(['2022-11-03T03:16:00Z', '2022-11-03T03:16:00Z']);
  });
});
