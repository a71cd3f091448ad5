import { describe, expect, it } from 'vitest';
import { contentTokens } from './document-tokens.ts';
import { htmlToText, indexedText, MAX_INDEXED_HTML, MAX_INDEXED_TEXT } from './html-to-text.ts';

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

describe('indexedText: what one article may cost the index', () => {
  it('keeps at most MAX_INDEXED_TEXT characters of text, and reads at most MAX_INDEXED_HTML of markup', () => {
    const paragraph = '<p>early words here</p>';
    const long = `${paragraph.repeat(Math.ceil((MAX_INDEXED_HTML + 1000) / paragraph.length))}<p>lateword</p>`;
    const text = indexedText(long);
    expect(text.length).toBeLessThanOrEqual(MAX_INDEXED_TEXT);
    expect(text).toContain('early words here');
    expect(text).not.toContain('lateword');
    const markup = `${'<span class="a"></span>'.repeat(Math.ceil(MAX_INDEXED_HTML / 20))}<p>hidden</p>`;
    expect(indexedText(markup)).not.toContain('hidden');
    expect(indexedText('<p>short</p>')).toBe(htmlToText('<p>short</p>'));
  });

  it('leaves the late words of a long body out of its index tokens', () => {
    const body = `<p>beginning</p>${'<p>filler text</p>'.repeat(Math.ceil(MAX_INDEXED_TEXT / 10))}<p>zyzzyva</p>`;
    const tokens = contentTokens({ rawBody: body, authors: [], categories: [] });
    expect(tokens.body).toContain('beginning');
    expect(tokens.body).not.toContain('zyzzyva');
    expect(tokens.body.length).toBeLessThan(2 * MAX_INDEXED_TEXT);
  });
});
