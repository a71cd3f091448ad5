import { describe, expect, it } from 'vitest';
import { toText } from './to-text.ts';

describe('toText', () => {
  it('separates paragraphs by a blank line and collapses whitespace', () => {
    expect(toText('<h2>Title</h2>\n<p>First   line<br>second line</p><p>中文段落，<b>加粗</b>。</p>')).toBe(
      'Title\n\nFirst line\nsecond line\n\n中文段落，加粗。',
    );
  });

  it('writes lists, nested lists and tables', () => {
    expect(
      toText(
        '<ul><li>a</li><li>b<ol><li>one</li><li>two</li></ol></li></ul><table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr></table>',
      ),
    ).toBe('- a\n- b\n  1. one\n  2. two\n\nk\tv\n1\t2');
  });

  it('keeps pre text as written, shows image alt text, skips scripts', () => {
    expect(toText('<pre>a\n  b</pre><p><img src="x.jpg" alt="A chart"> caption<script>x</script></p>')).toBe(
      'a\n  b\n\n[A chart] caption',
    );
  });

  it('decodes entities and returns empty text for empty html', () => {
    expect(toText('<p>R&amp;D 5&nbsp;%</p>')).toBe('R&D 5\u00a0%');
    expect(toText('')).toBe('');
  });
});
