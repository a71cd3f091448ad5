import { describe, expect, it } from 'vitest';
import { runStep } from '../testdata/run-step.ts';
import { largestSrcsetCandidate, realizeLazyImages } from './lazy-images.ts';

describe('realizeLazyImages', () => {
  it('moves data-src over a placeholder src', () => {
    expect(
      runStep(realizeLazyImages, '<img src="data:image/gif;base64,R0lGOD" data-src="https://mmbiz.qpic.cn/a/640">')
        .html,
    ).toBe('<img src="https://mmbiz.qpic.cn/a/640">');
  });

  it('handles data-original, data-actualsrc and data-srcset', () => {
    expect(runStep(realizeLazyImages, '<img data-original="/a.jpg">').html).toBe('<img src="/a.jpg">');
    expect(runStep(realizeLazyImages, '<img src="blank.gif" data-actualsrc="https://pic.zhimg.com/b.jpg">').html).toBe(
      '<img src="https://pic.zhimg.com/b.jpg">',
    );
    expect(
      runStep(realizeLazyImages, '<picture><source data-srcset="a.webp 1x"><img data-src="a.jpg"></picture>').html,
    ).toBe('<picture><source srcset="a.webp 1x"><img src="a.jpg"></picture>');
  });

  it('gives a srcset-only image its largest candidate', () => {
    expect(runStep(realizeLazyImages, '<img srcset="s.jpg 320w, l.jpg 1280w, m.jpg 640w">').html).toBe(
      '<img srcset="s.jpg 320w, l.jpg 1280w, m.jpg 640w" src="l.jpg">',
    );
    expect(largestSrcsetCandidate('a.jpg 1x, b.jpg 2x')).toBe('b.jpg');
  });

  it('removes the noscript fallback of a lazy image, and leaves ordinary images alone', () => {
    expect(
      runStep(realizeLazyImages, '<img data-src="a.jpg"> <noscript><img src="a.jpg"></noscript><p>t</p>').html,
    ).toBe('<img src="a.jpg"> <p>t</p>');
    expect(runStep(realizeLazyImages, '<img src="a.jpg" alt="x"><noscript>n</noscript>').html).toBe(
      '<img src="a.jpg" alt="x"><noscript>n</noscript>',
    );
  });
});
