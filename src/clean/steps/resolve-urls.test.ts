import { describe, expect, it } from 'vitest';
import { runStep } from '../testdata/run-step.ts';
import { resolveUrls } from './resolve-urls.ts';

const base = 'https://news.example.com/2024/05/story.html';

describe('resolveUrls', () => {
  it('resolves relative href, src, poster, cite and srcset', () => {
    const { html } = runStep(
      resolveUrls,
      '<a href="../x?a=1">x</a><img src="i.jpg" srcset="i.jpg 1x, /i2.jpg 2x"><video src="v.mp4" poster="//cdn.example.com/p.jpg"></video><blockquote cite="q.html">q</blockquote>',
      { baseUrl: base },
    );
    expect(html).toBe(
      '<a href="https://news.example.com/2024/x?a=1">x</a><img src="https://news.example.com/2024/05/i.jpg" srcset="https://news.example.com/2024/05/i.jpg 1x, https://news.example.com/i2.jpg 2x">' +
        '<video src="https://news.example.com/2024/05/v.mp4" poster="https://cdn.example.com/p.jpg"></video><blockquote cite="https://news.example.com/2024/05/q.html">q</blockquote>',
    );
  });

  it('keeps absolute URLs exactly and fragments as they are', () => {
    const html =
      '<a href="https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/x">a</a><a href="#note-1">1</a><a href="mailto:a@b.c">m</a>';
    expect(runStep(resolveUrls, html, { baseUrl: base }).html).toBe(html);
  });

  it('does not trip over tags named like Object.prototype members', () => {
    expect(runStep(resolveUrls, '<constructor href="x">a</constructor><a href="y">b</a>', { baseUrl: base }).html).toBe(
      '<constructor href="x">a</constructor><a href="https://news.example.com/2024/05/y">b</a>',
    );
  });

  it('does nothing without a base', () => {
    expect(runStep(resolveUrls, '<img src="i.jpg">').html).toBe('<img src="i.jpg">');
  });
});
