import { describe, expect, it } from 'vitest';
import { cleanHtml } from './clean-html.ts';
import { formatLearnedRule, learnBoilerplate } from './learn-boilerplate.ts';

function article(i: number, options: { header?: boolean; footer?: boolean } = {}): string {
  return (
    (options.header ? '<p>关注我们的公众号，获取每日新闻</p>' : '') +
    `<p>Dateline ${i}</p><p>Story number ${i} tells something different from every other story in this feed.</p><p>It ends here, ${i}.</p>` +
    (options.footer ? '<p><img src="https://e.com/qr.png"></p><p>Follow us   on  Twitter</p>' : '')
  );
}

describe('learnBoilerplate', () => {
  it('learns blocks that open or close at least 60 % of at least 20 articles', () => {
    const bodies = Array.from({ length: 20 }, (_, i) => article(i, { header: i < 12, footer: i % 10 !== 0 }));
    const rules = learnBoilerplate(bodies);
    expect(rules.map((r) => [r.edge, r.key])).toEqual([
      ['leading', '关注我们的公众号，获取每日新闻'],
      ['trailing', 'follow us on twitter'],
      ['trailing', '[media] https://e.com/qr.png'],
    ]);
    expect(rules[0].share).toBe(0.6);
    expect(rules[1].text).toBe('Follow us on Twitter');
    expect(formatLearnedRule(rules[1])).toBe('trailing · 90 % of 20 · “Follow us on Twitter”');
  });

  it('learns nothing from fewer than 20 articles, or below 60 %', () => {
    expect(learnBoilerplate(Array.from({ length: 19 }, (_, i) => article(i, { footer: true })))).toEqual([]);
    expect(learnBoilerplate(Array.from({ length: 20 }, (_, i) => article(i, { header: i < 11 })))).toEqual([]);
  });

  it('strips learned blocks in the pipeline, within the 30 % cap', () => {
    const rules = learnBoilerplate(Array.from({ length: 20 }, (_, i) => article(i, { header: true, footer: true })));
    const { html, removed } = cleanHtml(article(99, { header: true, footer: true }), { learned: rules, explain: true });
    expect(html).toBe(
      '<p>Dateline 99</p><p>Story number 99 tells something different from every other story in this feed.</p><p>It ends here, 99.</p>',
    );
    expect(removed.filter((e) => e.step === 'learned-boilerplate' && e.action === 'removed')).toHaveLength(3);
    const short = cleanHtml('<p>关注我们的公众号，获取每日新闻</p><p>Short.</p>', { learned: rules, explain: true });
    expect(short.html).toContain('关注我们的公众号');
    expect(short.removed.some((e) => e.action === 'skipped')).toBe(true);
  });
});
