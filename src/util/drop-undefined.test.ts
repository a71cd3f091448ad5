import { describe, expect, it } from 'vitest';
import { dropUndefined } from './drop-undefined.ts';

describe('dropUndefined', () => {
  it('drops undefined values and keeps every other value, falsy ones included', () => {
    const out = dropUndefined({ a: 1, b: undefined, c: null, d: 0, e: '', f: false });
    expect(Object.keys(out)).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(out).toEqual({ a: 1, c: null, d: 0, e: '', f: false });
  });

  it('returns a copy and leaves the input alone', () => {
    const input = { a: 1, b: undefined };
    const out = dropUndefined(input);
    expect(out).not.toBe(input);
    expect('b' in input).toBe(true);
  });
});
