import { describe, expect, it } from 'vitest';
import { loadShippedRulePacks } from '../../clean/load-rule-packs.ts';
import { readArticlePage } from './read-article-page.ts';

const PARAGRAPH =
  '<p>The committee met on Tuesday to discuss the new budget, and members argued for hours about transport spending. 委员会周二开会讨论新预算。</p>';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Budget talks</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Budget talks</h1>${PARAGRAPH.repeat(6)}
<p><a href="/more?utm_source=rss&amp;id=7">more</a><img src="/pixel.gif?utm_campaign=x" width="1" height="1"></p>
<p onclick="steal()">end</p></article><footer>© Example</footer></body></html>`;
const bytes = (text: string) => new TextEncoder().encode(text);
const packs = loadShippedRulePacks();

describe('readArticlePage', () => {
  it('extracts the article and cleans it as every stored body: links absolute, tracking and scripts gone', () => {
    const page = readArticlePage({ bytes: bytes(PAGE), url: 'https://news.example/2024/budget', clean: { packs } });
    if (page.kind !== 'ok') throw new Error(page.error.message);
    expect(page.article.content).toContain('members argued for hours');
    expect(page.cleaned).toContain('委员会周二开会讨论新预算');
    expect(page.cleaned).toContain('href="https://news.example/more?id=7"');
    expect(page.cleaned).not.toMatch(/onclick|utm_|pixel\.gif/);
    expect(page.cleaned).not.toContain('Home</a>');
  });

  it("uses the site's rule-pack body selector, found by the page's URL or by the link that led to it", () => {
    const wechat = `<html><body><div id="js_content"><p>公众号文章正文。</p></div>${PARAGRAPH.repeat(8)}</body></html>`;
    const byUrl = readArticlePage({ bytes: bytes(wechat), url: 'https://mp.weixin.qq.com/s/Ab', clean: { packs } });
    const byLink = readArticlePage({
      bytes: bytes(wechat),
      url: 'https://cdn.example/redirected',
      link: 'https://mp.weixin.qq.com/s/Ab',
      clean: { packs },
    });
    for (const page of [byUrl, byLink]) {
      if (page.kind !== 'ok') throw new Error(page.error.message);
      expect(page.cleaned).toContain('公众号文章正文。');
      expect(page.cleaned).not.toContain('committee');
    }
  });

  it('decodes the page by its declared charset', () => {
    const gbk = new Uint8Array([
      ...bytes('<html><body><article>'),
      0xd6,
      0xd0,
      0xce,
      0xc4,
      ...bytes(`${PARAGRAPH.repeat(6)}</article></body></html>`),
    ]);
    const page = readArticlePage({
      bytes: gbk,
      url: 'https://a.example/',
      contentType: 'text/html; charset=gbk',
      clean: {},
    });
    expect(page.kind === 'ok' && page.cleaned).toContain('中文');
  });

  it('refuses what is not a page, and says when a page holds no article', () => {
    expect(
      readArticlePage({
        bytes: bytes('%PDF-1.4'),
        url: 'https://a.example/x.pdf',
        contentType: 'application/pdf',
        clean: {},
      }),
    ).toEqual({
      kind: 'failed',
      error: { code: 'extract.not-html', message: 'https://a.example/x.pdf: the page is application/pdf, not HTML' },
    });
    expect(readArticlePage({ bytes: bytes(''), url: 'https://a.example/', clean: {} })).toMatchObject({
      kind: 'failed',
      error: { code: 'extract.no-article' },
    });
  });
});
