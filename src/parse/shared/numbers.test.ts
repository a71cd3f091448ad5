import { describe, expect, it } from 'vitest';
import { parseNumber } from './numbers.ts';

describe('parseNumber', () => {
  it('reads leading digits leniently', () => {
    expect(parseNumber(' 60 ')).toBe(60);
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('300px')).toBe(300);
    expect(parseNumber('+5')).toBe(5);
    expect(parseNumber('0')).toBe(0);
  });

  it('gives no value for what is not a number', () => {
    expect(parseNumber('wide')).toBeUndefined();
    expect(parseNumber('-1')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber(undefined)).toBeUndefined();
    expect(parseNumber('9'.repeat(40))).toBeUndefined();
  });
});
