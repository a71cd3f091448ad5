import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from './decode-feed-bytes.ts';
import { concatBytes, encodeLegacy, encodeUtf16, encodeUtf32 } from './testdata/legacy-encoder.ts';
import {
  CZECH,
  FRENCH,
  JAPANESE,
  KOREAN,
  RUSSIAN,
  SIMPLIFIED_CHINESE,
  TRADITIONAL_CHINESE,
  rssDocument,
} from './testdata/sample-texts.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('decodeFeedBytes: UTF-8, the fast path', () => {
  it('decodes undeclared UTF-8 Chinese text', () => {
    const doc = rssDocument(SIMPLIFIED_CHINESE);
    expect(decodeFeedBytes(utf8(doc))).toEqual({ text: doc, encoding: 'utf-8', problems: [] });
  });

  it('removes a UTF-8 byte order mark', () => {
    const doc = rssDocument(TRADITIONAL_CHINESE, 'utf-8');
    const result = decodeFeedBytes(concatBytes(bytes(0xef, 0xbb, 0xbf), utf8(doc)));
    expect(result).toEqual({ text: doc, encoding: 'utf-8', problems: [] });
  });

  it('decodes an empty document as empty UTF-8', () => {
    expect(decodeFeedBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', problems: [] });
  });
});

describe('decodeFeedBytes: legacy encodings declared correctly', () => {
  const cases: Array<[string, string, string, string]> = [
    ['GBK declared gb2312', SIMPLIFIED_CHINESE, 'gbk', 'gb2312'],
    ['GBK declared GBK', SIMPLIFIED_CHINESE, 'gbk', 'GBK'],
    ['GB18030 declared gb18030', SIMPLIFIED_CHINESE, 'gb18030', 'gb18030'],
    ['Big5', TRADITIONAL_CHINESE, 'big5', 'big5'],
    ['Shift_JIS', JAPANESE, 'shift_jis', 'Shift_JIS'],
    ['EUC-JP', JAPANESE, 'euc-jp', 'EUC-JP'],
    ['EUC-KR', KOREAN, 'euc-kr', 'euc-kr'],
    ['windows-1251', RUSSIAN, 'windows-1251', 'windows-1251'],
    ['KOI8-R', RUSSIAN, 'koi8-r', 'KOI8-R'],
    ['ISO-8859-2', CZECH, 'iso-8859-2', 'ISO-8859-2'],
    ['windows-1252', FRENCH, 'windows-1252', 'windows-1252'],
  ];
  for (const [name, text, encoding, label] of cases) {
    it(`decodes ${name} by its XML declaration`, () => {
      const doc = rssDocument(text, label);
      expect(decodeFeedBytes(encodeLegacy(doc, encoding))).toEqual({ text: doc, encoding, problems: [] });
    });
  }

  it('decodes iso-8859-1 as windows-1252, curly quotes and euro sign included (WHATWG)', () => {
    const doc = rssDocument(`${FRENCH} Prix : 12 €.`, 'ISO-8859-1');
    const result = decodeFeedBytes(encodeLegacy(doc, 'windows-1252'));
    expect(result).toEqual({ text: doc, encoding: 'windows-1252', problems: [] });
    expect(result.text).toContain('l’année');
  });

  it('decodes GB18030 four-byte characters in a document declared gb2312', () => {
    const doc = rssDocument(SIMPLIFIED_CHINESE, 'gb2312');
    const [head, tail] = doc.split('</description>', 2);
    // 0x81 0x30 0x84 0x36 is GB18030's four-byte form of "¥", which plain GB2312/GBK lack.
    const gb = concatBytes(
      encodeLegacy(head, 'gbk'),
      bytes(0x81, 0x30, 0x84, 0x36),
      encodeLegacy(`</description>${tail}`, 'gbk'),
    );
    const result = decodeFeedBytes(gb);
    expect(result.encoding).toBe('gbk');
    expect(result.problems).toEqual([]);
    expect(result.text).toContain('。¥</description>');
  });

  it('decodes ISO-2022-JP, whose bytes are all 7-bit, by its declaration', () => {
    // ESC $ B switches to JIS X 0208: 0x46 0x7C is 日, 0x4B 0x5C is 本; ESC ( B switches back.
    const jis = bytes(0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42);
    const input = concatBytes(utf8('<?xml version="1.0" encoding="ISO-2022-JP"?><title>'), jis, utf8('</title>'));
    const result = decodeFeedBytes(input);
    expect(result).toEqual({
      text: '<?xml version="1.0" encoding="ISO-2022-JP"?><title>日本</title>',
      encoding: 'iso-2022-jp',
      problems: [],
    });
  });

  it('reports a pure-ASCII document under its declared name', () => {
    const doc = rssDocument('Plain English news', 'iso-8859-1');
    expect(decodeFeedBytes(utf8(doc))).toEqual({ text: doc, encoding: 'windows-1252', problems: [] });
  });
});

describe('decodeFeedBytes: UTF-16 and UTF-32', () => {
  const doc = rssDocument(SIMPLIFIED_CHINESE, 'UTF-16');
  const wide: Array<[string, Uint8Array, string]> = [
    ['UTF-16LE with BOM', concatBytes(bytes(0xff, 0xfe), encodeUtf16(doc, true)), 'utf-16le'],
    ['UTF-16BE with BOM', concatBytes(bytes(0xfe, 0xff), encodeUtf16(doc, false)), 'utf-16be'],
    ['UTF-16LE without BOM', encodeUtf16(doc, true), 'utf-16le'],
    ['UTF-16BE without BOM', encodeUtf16(doc, false), 'utf-16be'],
    ['UTF-32LE with BOM', concatBytes(bytes(0xff, 0xfe, 0, 0), encodeUtf32(doc, true)), 'utf-32le'],
    ['UTF-32BE with BOM', concatBytes(bytes(0, 0, 0xfe, 0xff), encodeUtf32(doc, false)), 'utf-32be'],
    ['UTF-32LE without BOM', encodeUtf32(doc, true), 'utf-32le'],
    ['UTF-32BE without BOM', encodeUtf32(doc, false), 'utf-32be'],
  ];
  for (const [name, input, encoding] of wide) {
    it(`decodes ${name}`, () => {
      expect(decodeFeedBytes(input)).toEqual({ text: doc, encoding, problems: [] });
    });
  }

  it('decodes UTF-32 characters outside the BMP', () => {
    const text = '<feed>新闻 📰</feed>';
    expect(decodeFeedBytes(encodeUtf32(text, true)).text).toBe(text);
  });

  it('reports UTF-16 bytes served with an ASCII charset', () => {
    const result = decodeFeedBytes(encodeUtf16(doc, true), { httpCharset: 'utf-8' });
    expect(result.text).toBe(doc);
    expect(result.encoding).toBe('utf-16le');
    expect(result.problems).toEqual(['declared encoding "utf-8" is wrong; decoded as utf-16le']);
  });

  it('replaces an invalid UTF-32 code point and reports it', () => {
    const input = concatBytes(
      bytes(0xff, 0xfe, 0, 0),
      encodeUtf32('<a>', true),
      bytes(0, 0, 0x11, 0),
      encodeUtf32('</a>', true),
    );
    const result = decodeFeedBytes(input);
    expect(result.text).toBe('<a>\uFFFD</a>');
    expect(result.problems).toEqual(['1 invalid byte sequence in utf-32le replaced with U+FFFD']);
  });
});

describe('decodeFeedBytes: wrong declarations', () => {
  it('detects GBK declared as utf-8', () => {
    const doc = rssDocument(SIMPLIFIED_CHINESE, 'utf-8');
    const result = decodeFeedBytes(encodeLegacy(doc, 'gbk'));
    expect(result).toEqual({
      text: doc,
      encoding: 'gbk',
      problems: ['declared encoding "utf-8" is wrong; decoded as gbk'],
    });
  });

  it('detects Big5 served with an HTTP charset of utf-8', () => {
    const doc = rssDocument(TRADITIONAL_CHINESE);
    const result = decodeFeedBytes(encodeLegacy(doc, 'big5'), { httpCharset: 'UTF-8' });
    expect(result).toEqual({
      text: doc,
      encoding: 'big5',
      problems: ['declared encoding "UTF-8" is wrong; decoded as big5'],
    });
  });

  it('decodes UTF-8 declared as gb2312 as UTF-8', () => {
    const doc = rssDocument(SIMPLIFIED_CHINESE, 'gb2312');
    const result = decodeFeedBytes(utf8(doc));
    expect(result).toEqual({
      text: doc,
      encoding: 'utf-8',
      problems: ['declared encoding "gb2312" is wrong; decoded as utf-8'],
    });
  });

  it('decodes UTF-8 served as iso-8859-1 as UTF-8', () => {
    const doc = rssDocument(FRENCH);
    const result = decodeFeedBytes(utf8(doc), { httpCharset: 'iso-8859-1' });
    expect(result).toEqual({
      text: doc,
      encoding: 'utf-8',
      problems: ['declared encoding "iso-8859-1" is wrong; decoded as utf-8'],
    });
  });

  it('detects GBK served as iso-8859-1 although it decodes in any single-byte charset', () => {
    const doc = rssDocument(SIMPLIFIED_CHINESE, 'gb2312');
    const result = decodeFeedBytes(encodeLegacy(doc, 'gbk'), { httpCharset: 'ISO-8859-1' });
    expect(result).toEqual({
      text: doc,
      encoding: 'gbk',
      problems: ['declared encoding "ISO-8859-1" is wrong; decoded as gbk'],
    });
  });

  it('keeps a Latin-1 declaration for French text with accents', () => {
    const doc = rssDocument(FRENCH, 'iso-8859-1');
    expect(decodeFeedBytes(encodeLegacy(doc, 'windows-1252'))).toEqual({
      text: doc,
      encoding: 'windows-1252',
      problems: [],
    });
  });

  it('detects an undeclared Big5 document and says it was not declared', () => {
    const doc = rssDocument(TRADITIONAL_CHINESE);
    const result = decodeFeedBytes(encodeLegacy(doc, 'big5'));
    expect(result.text).toBe(doc);
    expect(result.encoding).toBe('big5');
    expect(result.problems).toEqual(['no encoding declared and the bytes are not utf-8; decoded as big5']);
  });

  it('detects an undeclared GBK JSON Feed', () => {
    const doc = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: '新闻',
      items: [{ id: '1', content_text: SIMPLIFIED_CHINESE }],
    });
    const result = decodeFeedBytes(encodeLegacy(doc, 'gbk'));
    expect(result.text).toBe(doc);
    expect(result.encoding).toBe('gbk');
  });

  it('keeps a mostly-UTF-8 document with one stray windows-1252 byte as UTF-8', () => {
    const doc = rssDocument(SIMPLIFIED_CHINESE, 'utf-8');
    const input = concatBytes(utf8(doc.replace('</channel>', '')), bytes(0x93), utf8('</channel></rss>'));
    const result = decodeFeedBytes(input);
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toContain(SIMPLIFIED_CHINESE);
    expect(result.problems).toEqual(['1 invalid byte sequence in utf-8 replaced with U+FFFD']);
  });

  it('replaces bytes invalid in the declared GBK and reports them', () => {
    const doc = rssDocument(SIMPLIFIED_CHINESE, 'gbk');
    const gbk = encodeLegacy(doc, 'gbk');
    const cut = gbk.indexOf(0x3c, 200); // a "<" after Chinese text
    const broken = concatBytes(gbk.subarray(0, cut), bytes(0xff), gbk.subarray(cut));
    const result = decodeFeedBytes(broken);
    expect(result.encoding).toBe('gbk');
    expect(result.problems).toEqual(['1 invalid byte sequence in gbk replaced with U+FFFD']);
    expect(result.text).toContain('\uFFFD<');
  });
});

describe('decodeFeedBytes: precedence', () => {
  it('lets the HTTP charset win over the XML declaration when it fits', () => {
    const doc = rssDocument(TRADITIONAL_CHINESE, 'gb2312');
    const result = decodeFeedBytes(encodeLegacy(doc, 'big5'), { httpCharset: 'big5' });
    expect(result).toEqual({
      text: doc,
      encoding: 'big5',
      problems: [],
      notes: ["the HTTP charset big5 overrides the XML declaration's gb2312"],
    });
  });

  it('lets the override beat the HTTP charset and the declaration', () => {
    const doc = rssDocument(TRADITIONAL_CHINESE, 'utf-8');
    const result = decodeFeedBytes(encodeLegacy(doc, 'big5'), { httpCharset: 'gbk', override: 'Big5' });
    expect(result).toEqual({ text: doc, encoding: 'big5', problems: [] });
  });

  it('lets a byte order mark beat the HTTP charset', () => {
    const doc = rssDocument(KOREAN);
    const result = decodeFeedBytes(concatBytes(bytes(0xef, 0xbb, 0xbf), utf8(doc)), { httpCharset: 'euc-kr' });
    expect(result).toEqual({ text: doc, encoding: 'utf-8', problems: [] });
  });

  it('reports an unknown label and falls back to the XML declaration', () => {
    const doc = rssDocument(JAPANESE, 'shift_jis');
    const result = decodeFeedBytes(encodeLegacy(doc, 'shift_jis'), { httpCharset: 'x-klingon' });
    expect(result).toEqual({ text: doc, encoding: 'shift_jis', problems: ['unknown encoding "x-klingon" ignored'] });
  });

  it('reports an unknown declared label and detects the encoding', () => {
    const doc = rssDocument(KOREAN, 'x-unheard-of');
    const result = decodeFeedBytes(encodeLegacy(doc, 'euc-kr'));
    expect(result.text).toBe(doc);
    expect(result.encoding).toBe('euc-kr');
    expect(result.problems[0]).toBe('unknown encoding "x-unheard-of" ignored');
  });
});

describe('decodeFeedBytes: hostile input', () => {
  it('decodes 4 MB of random bytes without hanging and reports the recovery', () => {
    let seed = 1;
    const input = new Uint8Array(4 * 1024 * 1024);
    for (let i = 0; i < input.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      input[i] = seed >>> 23;
    }
    // No wall-clock bound (the machine may be busy): the test's own timeout catches a hang.
    const result = decodeFeedBytes(input, { httpCharset: 'utf-8' });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.text.length).toBeGreaterThan(0);
  });
});
