import { describe, expect, it } from 'vitest';
import { runStep } from '../testdata/run-step.ts';
import { collapseBreaks } from './collapse-breaks.ts';

describe('collapseBreaks', () => {
  it('collapses runs of more than two <br>, whitespace between them included', () => {
    expect(runStep(collapseBreaks, 'a<br><br>\n<br> <br>b<br>c').html).toBe('a<br><br>\n b<br>c');
  });

  it('removes <br> at the start and end of blocks and of the article', () => {
    expect(runStep(collapseBreaks, '<br><p><br>text<br><br></p><div>x<br></div><br>').html).toBe(
      '<p>text</p><div>x</div>',
    );
  });

  it('leaves preformatted text and inline line breaks alone', () => {
    const html = '<pre>a<br><br><br>b</pre><p>line<br>line</p>';
    expect(runStep(collapseBreaks, html).html).toBe(html);
  });
});
