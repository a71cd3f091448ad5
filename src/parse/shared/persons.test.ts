import { describe, expect, it } from 'vitest';
import { parsePersonString } from './persons.ts';

describe('parsePersonString', () => {
  it.each([
    ['jane@example.com (Jane Roe)', { name: 'Jane Roe', email: 'jane@example.com' }],
    ['Jane Roe <jane@example.com>', { name: 'Jane Roe', email: 'jane@example.com' }],
    ['"Jane Roe" <mailto:jane@example.com>', { name: 'Jane Roe', email: 'jane@example.com' }],
    ['Jane Roe (jane@example.com)', { name: 'Jane Roe', email: 'jane@example.com' }],
    ['jane@example.com', { email: 'jane@example.com' }],
    ['  Jane   Roe ', { name: 'Jane Roe' }],
    ['张三', { name: '张三' }],
    ['@handle on Twitter', { name: '@handle on Twitter' }],
  ])('%s', (raw, person) => {
    expect(parsePersonString(raw)).toEqual(person);
  });

  it('returns undefined for an empty author', () => {
    expect(parsePersonString('  ')).toBeUndefined();
  });
});
