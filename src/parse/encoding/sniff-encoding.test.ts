import { describe, expect, it } from 'vitest';
import { sniffByteOrderMark, sniffWideEncoding, sniffXmlDeclaration } from './sniff-encoding.ts';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffXmlDeclaration', () => {
  it('reads double- and single-quoted labels', () => {
    expect(sniffXmlDeclaration(ascii('<?xml version="1.0" encoding="GB2312"?><rss/>'))).toBe('GB2312');
    expect(sniffXmlDeclaration(ascii("<?xml version='1.0' encoding='big5' standalone='yes'?>"))).toBe('big5');
  });

  it('tolerates leading whitespace and spaces around "="', () => {
    expect(sniffXmlDeclaration(ascii('\n  <?xml version="1.0" encoding = "euc-kr" ?>'))).toBe('euc-kr');
  });

  it('finds nothing without a declaration or without an encoding in it', () => {
    expect(sniffXmlDeclaration(ascii('<rss version="2.0" encoding="gbk">'))).toBeUndefined();
    expect(sniffXmlDeclaration(ascii('<?xml version="1.0"?><rss encoding="gbk"/>'))).toBeUndefined();
    expect(sniffXmlDeclaration(ascii('{"encoding": "gbk"}'))).toBeUndefined();
    expect(sniffXmlDeclaration(ascii('<?xml-stylesheet href="a" encoding="gbk"?>'))).toBeUndefined();
  });
});

describe('sniffByteOrderMark and sniffWideEncoding', () => {
  it('tells UTF-32LE from UTF-16LE by the two NULs after FF FE', () => {
    expect(sniffByteOrderMark(Uint8Array.of(0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0))).toEqual({
      encoding: 'utf-32le',
      length: 4,
    });
    expect(sniffByteOrderMark(Uint8Array.of(0xff, 0xfe, 0x3c, 0))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(sniffByteOrderMark(ascii('<rss>'))).toBeUndefined();
  });

  it('recognizes BOM-less UTF-16 and UTF-32 by where the NULs fall', () => {
    expect(sniffWideEncoding(Uint8Array.of(0x3c, 0, 0x3f, 0))).toBe('utf-16le');
    expect(sniffWideEncoding(Uint8Array.of(0, 0x3c, 0, 0x3f))).toBe('utf-16be');
    expect(sniffWideEncoding(Uint8Array.of(0x7b, 0, 0, 0))).toBe('utf-32le');
    expect(sniffWideEncoding(Uint8Array.of(0, 0, 0, 0x3c))).toBe('utf-32be');
    expect(sniffWideEncoding(ascii('<?xml'))).toBeUndefined();
  });
});
