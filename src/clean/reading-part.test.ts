import { describe, expect, it } from 'vitest';
import { MAX_RENDERED_HTML, readingPart } from './reading-part.ts';

describe('readingPart', () => {
  it('keeps a body within the limit whole and cuts a longer one outside any tag', () => {
    expect(readingPart('<p>short</p>')).toEqual({ html: '<p>short</p>', cut: false, length: 12 });
    const long = '<p>paragraph</p>'.repeat(Math.ceil(MAX_RENDERED_HTML / 16) + 10);
    const part = readingPart(long);
    expect(part.cut).toBe(true);
    expect(part.length).toBe(long.length);
    expect(part.html.length).toBeLessThanOrEqual(MAX_RENDERED_HTML);
    expect(part.html.endsWith('</p>') || part.html.endsWith('paragraph') || part.html.endsWith('<p>')).toBe(true);
    expect(long.startsWith(part.html)).toBe(true);
  });
});
