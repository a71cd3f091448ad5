import { describe, expect, it } from 'vitest';
import { type RulePack, validateRulePack } from '../rule-pack.ts';
import { runStep } from '../testdata/run-step.ts';
import { applyRulePacks } from './apply-rule-packs.ts';

function pack(rules: unknown[]): RulePack {
  const result = validateRulePack(
    { name: 't', match: { any: true }, rules, tests: [{ name: 'x', html: 'x', contains: ['x'] }] },
    't.json',
  );
  if (result.kind !== 'ok') throw new Error(result.problems.join('\n'));
  return result.pack;
}

describe('applyRulePacks', () => {
  it('removes by selector, optionally only elements whose text matches', () => {
    const p = pack([{ id: 'ads', action: 'remove', selector: 'div.ad, aside', textPattern: '^Sponsored' }]);
    const { html, explained } = runStep(
      applyRulePacks,
      '<div class="ad">Sponsored: buy</div><div class="ad">Real note</div><p>x</p>',
      { packs: [p] },
    );
    expect(html).toBe('<div class="ad">Real note</div><p>x</p>');
    expect(explained[0].rule).toBe('t#ads');
  });

  it('removes trailing blocks while they match, with their separators, inside wrappers', () => {
    const p = pack([{ id: 'foot', action: 'remove-trailing', pattern: '^(?:Follow us|Subscribe)' }]);
    expect(
      runStep(applyRulePacks, '<div><p>Body.</p><hr><p>Subscribe now</p></div><br>Follow us on X', { packs: [p] }).html,
    ).toBe('<div><p>Body.</p></div>');
  });

  it('removes leading blocks and never a block longer than maxLength', () => {
    const p = pack([{ id: 'head', action: 'remove-leading', text: 'advertisement', maxLength: 20 }]);
    expect(
      runStep(applyRulePacks, '<p>ADVERTISEMENT</p><p>Advertisement aside, this is the article.</p>', { packs: [p] })
        .html,
    ).toBe('<p>Advertisement aside, this is the article.</p>');
  });

  it('measures maxLength on the normalized text, whitespace runs across elements counted once', () => {
    const html = '<p>Body text that stays.</p><p> ab\u00a0<b>\n \u200bcd</b> </p>';
    const edge = (maxLength: number) => pack([{ id: 'tail', action: 'remove-trailing', pattern: '.', maxLength }]);
    expect(runStep(applyRulePacks, html, { packs: [edge(5)] }).html).toBe('<p>Body text that stays.</p>');
    expect(runStep(applyRulePacks, html, { packs: [edge(4)] }).html).toBe(html.replace('\u00a0', '&nbsp;'));
  });

  it('replaces in text, or in an attribute of selected elements', () => {
    const p = pack([
      { id: 'via', action: 'replace', pattern: '\\s*\\(via [^)]*\\)', replacement: '' },
      { id: 'thumb', action: 'replace', selector: 'img', attribute: 'src', pattern: '!thumb$', replacement: '' },
    ]);
    expect(
      runStep(applyRulePacks, '<p>News (via Example)</p><img src="https://e.com/a.jpg!thumb">', { packs: [p] }).html,
    ).toBe('<p>News</p><img src="https://e.com/a.jpg">');
  });

  it('drops attributes', () => {
    const p = pack([{ id: 'w', action: 'drop-attributes', selector: 'img', attributes: ['width', 'height'] }]);
    expect(runStep(applyRulePacks, '<img src="a.jpg" width="10" height="20" alt="a">', { packs: [p] }).html).toBe(
      '<img src="a.jpg" alt="a">',
    );
  });
});
