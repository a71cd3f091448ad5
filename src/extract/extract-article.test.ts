import { describe, expect, it } from 'vitest';
import { decodeHtmlPage } from './decode-html-page.ts';
import { extractArticle } from './extract-article.ts';

const PARAGRAPH =
  '<p>The committee met on Tuesday to discuss the new budget, and members argued for hours about transport spending. 委员会周二开会讨论新预算。</p>';
const PAGE = `<!doctype html><html lang="en-GB"><head><title>Budget talks - Example News</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta name="author" content="Jane Doe"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Budget talks</h1><p class="byline">By Jane Doe</p>${PARAGRAPH.repeat(6)}<p><img src="/img/chart.png" alt="chart"></p></article>
<aside class="comments"><p>Comment: first!</p></aside><footer>© Example News</footer></body></html>`;

describe('extractArticle', () => {
  it('returns the main content and the metadata', () => {
    const article = extractArticle(PAGE, 'https://news.example.com/2024/budget');
    expect(article).toMatchObject({
      title: 'Budget talks - Example News',
      siteName: 'Example News',
      publishedTime: '2024-03-05T10:00:00Z',
      lang: 'en-GB',
    });
    expect(article?.content).toContain('members argued for hours');
    expect(article?.content).toContain('chart.png');
    expect(article?.content).not.toContain('Comment: first!');
    expect(article?.content).not.toContain('World</a>');
    expect(article?.length).toBe(article?.textContent.length);
    expect(article?.length).toBeGreaterThan(600);
  });

  it('uses a rule pack body selector when it finds the element', () => {
    const page =
      '<html><head><title>公众号文章</title></head><body><div id="js_content"><p>正文。</p></div><div>预览时标签不可点</div></body></html>';
    const article = extractArticle(page, 'https://mp.weixin.qq.com/s/x', { bodySelector: '#js_content' });
    expect(article?.content).toBe('<p>正文。</p>');
    expect(article?.title).toBe('公众号文章');
    expect(article?.siteName).toBe('mp.weixin.qq.com');
  });

  it('returns undefined for a page without content', () => {
    expect(extractArticle('<html><body></body></html>', 'https://e.com/')).toBeUndefined();
  });
});

describe('decodeHtmlPage', () => {
  it('decodes by the HTTP charset, then the meta charset, else UTF-8', () => {
    const gbk = Uint8Array.from([
      0x3c, 0x6d, 0x65, 0x74, 0x61, 0x20, 0x63, 0x68, 0x61, 0x72, 0x73, 0x65, 0x74, 0x3d, 0x67, 0x62, 0x6b, 0x3e, 0xd6,
      0xd0, 0xce, 0xc4,
    ]);
    expect(decodeHtmlPage(gbk)).toBe('<meta charset=gbk>中文');
    expect(decodeHtmlPage(Uint8Array.from([0xd6, 0xd0]), 'text/html; charset=GB2312')).toBe('中');
    expect(decodeHtmlPage(new TextEncoder().encode('<p>中</p>'))).toBe('<p>中</p>');
  });
});
