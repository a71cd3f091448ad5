import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text.ts';

describe('htmlToText', () => {
  it('drops inline tags without a trace, so a word split by markup stays one word', () => {
    expect(htmlToText('<p>中<b>国</b>经济 and <a href="x">New</a> York</p>')).toBe('\n中国经济 and New York\n');
  });

  it('turns block tags into line breaks, drops scripts and comments, and decodes entities', () => {
    expect(htmlToText('<p>a</p><p>b<br>c</p><script>x()</script><!-- d -->&amp;&lt;&#20013;&nbsp;')).toBe(
      '\na\n\nb\nc\n\n&<中\u00a0',
    );
  });
});
