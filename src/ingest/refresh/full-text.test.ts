import { describe, expect, it } from 'vitest';
import type { IncomingEntry } from '../../store/index.ts';
import { wantsFullText, willStore } from './full-text.ts';

const entry = { identity: 'guid:1', fingerprint: 'fp1', titleKey: 'title' } as IncomingEntry;

describe('willStore', () => {
  it('is true for new entries and changed ones, false for unchanged and deleted ones', () => {
    expect(willStore(entry, undefined)).toBe(true);
    expect(willStore(entry, { articleId: 1, deleted: false, fingerprint: 'fp1', titleKey: 'title' })).toBe(false);
    expect(willStore(entry, { articleId: 1, deleted: false, fingerprint: 'fp0', titleKey: 'title' })).toBe(true);
    expect(willStore(entry, { articleId: 1, deleted: false, fingerprint: 'fp1', titleKey: 'old title' })).toBe(true);
    expect(willStore(entry, { articleId: 1, deleted: false })).toBe(true);
    expect(willStore(entry, { articleId: 1, deleted: true })).toBe(false);
  });
});

describe('wantsFullText', () => {
  const teasers = [{ summary: '<p>Short…</p>' }, { summary: '<p>Also short.</p>' }];
  const articles = [{ content: `<p>${'Long text. '.repeat(60)}</p>` }];
  it('follows the mode: always, auto only for summary-only items, never when off', () => {
    expect([
      wantsFullText('always', articles),
      wantsFullText('auto', articles),
      wantsFullText('auto', teasers),
      wantsFullText('off', teasers),
    ]).toEqual([true, false, true, false]);
  });
});
