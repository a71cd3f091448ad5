import { describe, expect, it } from 'vitest';
import { encodeGbk } from './gbk-encoder.ts';

describe('encodeGbk', () => {
  it('round-trips Chinese text and ASCII markup through the WHATWG GBK decoder', () => {
    const text = '<title>国家统计局：经济运行总体平稳，“同比增长”。</title>';
    const bytes = encodeGbk(text);
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text));
    expect(new TextDecoder('gbk').decode(bytes)).toBe(text);
  });

  it('writes characters GBK lacks as numeric character references', () => {
    expect(encodeGbk('a😀b').toString('latin1')).toBe('a&#128512;b');
  });

  it('handles output longer than its first buffer guess', () => {
    const text = '😀'.repeat(5000);
    expect(encodeGbk(text).toString('latin1')).toBe('&#128512;'.repeat(5000));
  });
});
