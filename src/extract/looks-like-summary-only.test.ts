import { describe, expect, it } from 'vitest';
import { isSummaryItem, looksLikeSummaryOnly } from './looks-like-summary-only.ts';

const LONG_EN = `<p>${'The council approved the plan after a long debate about costs and schedules. '.repeat(6)}</p>`;
const LONG_ZH = `<p>${'市政府今天宣布了新的交通规划，预计明年开始施工。'.repeat(8)}</p>`;

describe('isSummaryItem', () => {
  it('sees short bodies, trailing ellipses and read-more links', () => {
    expect(isSummaryItem({ summary: '<p>A short teaser.</p>' })).toBe(true);
    expect(isSummaryItem({})).toBe(true);
    expect(isSummaryItem({ content: `${LONG_EN}<p>And then [&hellip;]</p>` })).toBe(true);
    expect(isSummaryItem({ content: `${LONG_EN}<p><a href="https://e.com/x">Continue reading →</a></p>` })).toBe(true);
    expect(isSummaryItem({ content: `${LONG_ZH}<a href="https://e.com/x">阅读全文</a>` })).toBe(true);
  });

  it('accepts full articles in English and Chinese', () => {
    expect(isSummaryItem({ content: LONG_EN })).toBe(false);
    expect(isSummaryItem({ content: LONG_ZH })).toBe(false);
    expect(isSummaryItem({ content: `${LONG_EN}<p>See <a href="https://e.com/src">the source</a>.</p>` })).toBe(false);
  });
});

describe('looksLikeSummaryOnly', () => {
  it('decides by at least half of the recent items', () => {
    const teaser = { summary: 'Short…' };
    const full = { content: LONG_EN };
    expect(looksLikeSummaryOnly([teaser, teaser, full])).toBe(true);
    expect(looksLikeSummaryOnly([teaser, full, full])).toBe(false);
    expect(looksLikeSummaryOnly([])).toBe(false);
  });
});
