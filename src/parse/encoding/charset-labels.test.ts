import { describe, expect, it } from 'vitest';
import { normalizeCharsetLabel } from './charset-labels.ts';
import { decodeStrict } from './decode-bytes.ts';

describe('normalizeCharsetLabel', () => {
  const cases: Array<[string, string | undefined]> = [
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    [' "utf-8" ', 'utf-8'],
    ['gb2312', 'gbk'],
    ['GB_2312-80', 'gbk'],
    ['x-gbk', 'gbk'],
    ['GB18030', 'gb18030'],
    ['big5-hkscs', 'big5'],
    ['x-sjis', 'shift_jis'],
    ['Windows-31J', 'shift_jis'],
    ['ks_c_5601-1987', 'euc-kr'],
    ['ISO-8859-1', 'windows-1252'],
    ['us-ascii', 'windows-1252'],
    ['latin1', 'windows-1252'],
    ['iso-8859-9', 'windows-1254'],
    ['tis-620', 'windows-874'],
    ['cp1251', 'windows-1251'],
    ['utf-16', 'utf-16le'],
    ['UTF-16BE', 'utf-16be'],
    ['UTF-32', 'utf-32le'],
    ['koi8', 'koi8-r'],
    ['iso-2022-kr', undefined],
    ['hz-gb-2312', undefined],
    ['x-klingon', undefined],
    ['', undefined],
  ];
  for (const [label, expected] of cases) {
    it(`maps ${JSON.stringify(label)} to ${expected}`, () => {
      expect(normalizeCharsetLabel(label)).toBe(expected);
    });
  }

  it('names only ASCII-compatible encodings that can actually be decoded', () => {
    const names = ['gbk', 'big5', 'koi8-u', 'iso-8859-10', 'x-mac-cyrillic', 'iso-2022-jp', 'ibm866', 'iso-8859-8-i'];
    for (const name of names) expect(decodeStrict(new TextEncoder().encode('<rss/>'), name)).toBe('<rss/>');
  });
});
