import { describe, expect, it } from 'vitest';
import { isNewRevision } from './revision-rule.ts';

const incoming = { fingerprint: 'fp-1', titleKey: 'title' };

describe('isNewRevision', () => {
  it('keeps an entry whose fingerprint and title key match the latest revision as the same revision', () => {
    expect(isNewRevision({ fingerprint: 'fp-1', titleKey: 'title' }, incoming)).toBe(false);
  });

  it('makes a new revision when the text or the title changed', () => {
    expect(isNewRevision({ fingerprint: 'fp-0', titleKey: 'title' }, incoming)).toBe(true);
    expect(isNewRevision({ fingerprint: 'fp-1', titleKey: 'old title' }, incoming)).toBe(true);
  });

  it('makes a new revision when the latest has no fingerprint to compare (imported from bare files)', () => {
    expect(isNewRevision({ fingerprint: null, titleKey: 'title' }, incoming)).toBe(true);
    expect(isNewRevision({ titleKey: 'title' }, incoming)).toBe(true);
  });

  it('compares by fingerprint alone when the latest has no title key', () => {
    expect(isNewRevision({ fingerprint: 'fp-1', titleKey: null }, { ...incoming, titleKey: 'anything' })).toBe(false);
    expect(isNewRevision({ fingerprint: 'fp-1' }, { ...incoming, titleKey: 'anything' })).toBe(false);
  });
});
