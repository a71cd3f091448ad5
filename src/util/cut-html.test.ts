import { describe, expect, it } from 'vitest';
import { cutHtml } from './cut-html.ts';

describe('cutHtml', () => {
  it('keeps a short text whole and cuts a long one outside any tag and character', () => {
    expect(cutHtml('<p>short</p>', 100)).toBe('<p>short</p>');
    expect(cutHtml('<p>abcdef</p><p class="x">ghi</p>', 20)).toBe('<p>abcdef</p>');
    expect(cutHtml('<p>abcdef</p>', 7)).toBe('<p>abcd');
    expect(cutHtml('ab😀cd', 3)).toBe('ab');
  });
});
