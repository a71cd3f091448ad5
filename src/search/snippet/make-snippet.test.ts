import { describe, expect, it } from 'vitest';
import type { WorkMeter } from '../../util/work-meter.ts';
import { highlightAll, makeSnippet, markSnippet, snippetToHtml, type HighlightPhrase } from './make-snippet.ts';

const cjk = (text: string): HighlightPhrase => [{ kind: 'cjk', text }];
const word = (text: string, prefix = false): HighlightPhrase => [{ kind: 'word', text, prefix }];
const marked = (text: string, phrases: HighlightPhrase[], length?: number) =>
  markSnippet(makeSnippet(text, phrases, length), '[', ']');

describe('makeSnippet', () => {
  it('marks matches in the original characters when the text is Traditional or full-width', () => {
    expect(marked('國家主席習近平在北京會見了ＣＥＯ。', [cjk('习近平'), word('ceo')])).toBe(
      '國家主席[習近平]在北京會見了[ＣＥＯ]。',
    );
  });

  it('marks whole words only, or word starts for a prefix', () => {
    expect(marked('The cat sat on the concatenated mat.', [word('cat')])).toBe(
      'The [cat] sat on the concatenated mat.',
    );
    expect(marked('Economy and economics.', [word('econ', true)])).toBe('[Economy] and [economics].');
  });

  it('cuts a long Chinese text at a clause boundary near the match, with ellipses', () => {
    const text = `${'前面的内容很长，'.repeat(30)}这是关键的句子，其中提到人工智能产业发展迅速。${'后面还有很多内容。'.repeat(30)}`;
    const snippet = makeSnippet(text, [cjk('人工智能')], 60);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.slice(1, 2)).not.toBe('，');
    expect(markSnippet(snippet, '[', ']')).toContain('[人工智能]');
    expect([...snippet.text].length).toBeLessThanOrEqual(62);
  });

  it('centres on the stretch with the most matches, where a word is everywhere, in work linear in the matches', () => {
    const steps = (repeat: number): number => {
      const text = `${'the one and the other. '.repeat(repeat)}${'the the the the the. '.repeat(3)}${'the end of it. '.repeat(repeat)}`;
      const meter: WorkMeter = { steps: 0 };
      const snippet = makeSnippet(text, [word('the')], 60, meter);
      expect(snippet.highlights.length).toBeGreaterThan(8);
      expect(markSnippet(snippet, '[', ']')).toContain('[the] [the] [the] [the] [the].');
      return meter.steps;
    };
    const small = steps(400);
    // Each of the 1,215 matches is found, checked and passed by the window a bounded number of times.
    expect(small).toBeGreaterThanOrEqual(3 * 400);
    expect(steps(1600)).toBeLessThanOrEqual(4 * small);
  });

  it('never cuts inside a Latin word', () => {
    const text = `${'Lorem ipsum dolor sit amet consectetur '.repeat(20)}the central bank said inflation eased ${'again and again '.repeat(20)}`;
    const snippet = makeSnippet(text, [word('inflation')], 80);
    const inner = snippet.text.replace(/^…|…$/g, '');
    expect(text).toContain(inner);
    const start = text.indexOf(inner);
    expect(start === 0 || text[start - 1] === ' ').toBe(true);
    const end = start + inner.length;
    expect(end === text.length || text[end] === ' ' || /[.,!?]/.test(text[end - 1])).toBe(true);
  });

  it('shows the start of the text when nothing matches, and escapes HTML when rendering', () => {
    const snippet = makeSnippet('<b>a</b> & b', [word('zzz')]);
    expect(snippet).toEqual({ text: '<b>a</b> & b', highlights: [] });
    expect(snippetToHtml(makeSnippet('x < y & 中国', [cjk('中国')]))).toBe('x &lt; y &amp; <mark>中国</mark>');
  });

  it('marks a phrase across the punctuation that separates its parts', () => {
    expect(
      marked('中国，经济增长', [
        [
          { kind: 'cjk', text: '中国' },
          { kind: 'cjk', text: '经济' },
        ],
      ]),
    ).toBe('[中国，经济]增长');
  });

  it('maps marks back to the right characters in a long text whose folding changes its length', () => {
    const text = `${'他说……全角ＡＢＣ。'.repeat(40)}最后提到習近平和ＣＥＯ。`;
    expect(markSnippet(makeSnippet(text, [cjk('习近平'), word('ceo')], 30), '[', ']')).toMatch(
      /\[習近平\]和\[ＣＥＯ\]。$/,
    );
  });
});

describe('highlightAll', () => {
  it('marks every match in the whole text, however far into it, without cutting it', () => {
    const title = `A very long headline about many things that finally mentions  the Économie  and economics`;
    const snippet = highlightAll(title, [word('economie'), word('econ', true)]);
    expect(markSnippet(snippet, '[', ']')).toBe(
      'A very long headline about many things that finally mentions the [Économie] and [economics]',
    );
    expect(snippetToHtml(highlightAll('<i>中国</i>经济', [cjk('经济')]))).toBe(
      '&lt;i&gt;中国&lt;/i&gt;<mark>经济</mark>',
    );
  });
});
