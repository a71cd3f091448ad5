import { describe, expect, it } from 'vitest';
import { runStep } from '../testdata/run-step.ts';
import { normalizeWhitespace } from './normalize-whitespace.ts';

describe('normalizeWhitespace', () => {
  it('collapses runs and trims at block edges and between blocks', () => {
    expect(
      runStep(
        normalizeWhitespace,
        '\n<p>  Hello \n\t <b>big</b>   world  </p>\n\n<p><strong>lede。                </strong></p>\n',
      ).html,
    ).toBe('<p>Hello <b>big</b> world</p><p><strong>lede。</strong></p>');
  });

  it('removes a line break between CJK characters but not between Latin words', () => {
    expect(runStep(normalizeWhitespace, '<p>中文\n文本 and\nEnglish</p>').html).toBe('<p>中文文本 and English</p>');
  });

  it('keeps a deliberate nbsp and the ideographic indent, collapses mixed runs', () => {
    expect(runStep(normalizeWhitespace, '<p>\u3000\u3000段落 5\u00a0% a \u00a0 b</p>').html).toBe(
      '<p>\u3000\u3000段落 5&nbsp;% a b</p>',
    );
  });

  it('leaves pre and code untouched', () => {
    const html = '<pre>  a\n    b</pre><p>x <code>a  b</code></p>';
    expect(runStep(normalizeWhitespace, html).html).toBe(html);
  });
});
