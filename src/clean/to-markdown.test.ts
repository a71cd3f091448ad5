import { describe, expect, it } from 'vitest';
import { toMarkdown } from './to-markdown.ts';

describe('toMarkdown', () => {
  it('writes headings, emphasis, links, lists, images and code', () => {
    expect(
      toMarkdown(
        '<h2>Title</h2><p>Some <strong>bold</strong> and <em>em</em> with <a href="https://e.com/">a link</a>.</p><ul><li>one</li></ul><p><img src="https://e.com/a.jpg" alt="A"></p><pre><code>x &lt; y</code></pre>',
      ),
    ).toBe(
      '## Title\n\nSome **bold** and *em* with [a link](https://e.com/).\n\n-   one\n\n![A](https://e.com/a.jpg)\n\n```\nx < y\n```',
    );
  });

  it('keeps Chinese emphasis renderable next to punctuation', () => {
    expect(toMarkdown('<p>他说<strong>“不会”</strong>然后离开。</p>')).toBe('他说<strong>“不会”</strong>然后离开。');
    expect(toMarkdown('<p>这是<strong>重点</strong>内容。</p>')).toBe('这是**重点**内容。');
    expect(toMarkdown('<p><strong>在中国领导人习近平发出信号后。</strong></p>')).toBe(
      '**在中国领导人习近平发出信号后。**',
    );
  });

  it('keeps tables as HTML', () => {
    expect(toMarkdown('<table><tr><td>1</td></tr></table>')).toContain('<table>');
  });

  it('returns an empty string for empty input', () => {
    expect(toMarkdown('')).toBe('');
  });
});
