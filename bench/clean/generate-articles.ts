/**
 * The clean benchmark's corpus, generated in memory from a seed: article bodies of 2–5 KB
 * (bench/parse's news text and HTML bodies, 40 % Chinese), each dressed the way real feeds
 * dress them: a feedx.net-style body (dateline, lead image, bold lede, runs of
 * `<p>&nbsp;</p>`, empty promo divs, the 获取更多RSS footer), a WordPress one (utm links,
 * lazy images, a 1×1 pixel, the "appeared first on" footer), a WeChat-style one (data-src
 * images, `<p><br></p>`, whitespace spans) or a plain one.
 */
import { createPrng, type Prng } from '../lib/prng.ts';
import { createTextSource, type TextSource } from '../parse/corpus-text.ts';
import { writeHtmlBody } from '../parse/html-body.ts';

/** One generated article and the context cleanHtml gets for it. */
export interface BenchArticle {
  html: string;
  feedUrl: string;
  itemUrl: string;
  kind: 'feedx' | 'wordpress' | 'wechat' | 'plain';
  language: 'en' | 'zh';
}

function feedx(prng: Prng, text: TextSource, body: string): string {
  const empties = '<p>&nbsp;</p>'.repeat(prng.int(0, 40));
  return (
    `<div>0${prng.int(1, 9)}/11/2022 - 13:16</div><img src="https://s.rfi.fr/media/display/${prng.int(1e5, 1e6)}/w:1280/p:16x9/x.jpg">` +
    `<p><strong>${text.sentence()}                </strong></p><div>${body}${empties}<div data-selfpromo-newsletter></div><div data-selfpromo-app></div></div>` +
    '<br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net</a> <br><a href="https://feedx.fun" style="color:orange" target="_blank">https://feedx.fun</a><br></div>'
  );
}

function wordpress(prng: Prng, text: TextSource, body: string): string {
  const linked = body.replace(
    /href="([^"]+)"/g,
    (_, url: string) => `href="${url}?utm_source=rss&amp;utm_medium=rss&amp;utm_campaign=c${prng.int(1, 99)}"`,
  );
  return (
    `<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-lazy-src="https://blog.example.com/wp-content/uploads/${prng.int(1, 999)}.jpg" alt="${text.title()}"></p>` +
    `${linked}\n<p>The post <a rel="nofollow" href="https://blog.example.com/p/${prng.int(1, 9999)}/">${text.title()}</a> appeared first on <a rel="nofollow" href="https://blog.example.com">Example Blog</a>.</p>` +
    `<img src="https://pixel.wp.com/b.gif?host=blog.example.com&amp;blog=${prng.int(1, 1e6)}" width="1" height="1" alt="">`
  );
}

function wechat(prng: Prng, text: TextSource, body: string): string {
  const spaced = body.replace(/<\/p>\n<p>/g, () => `</p><p><br></p><section><span>&nbsp;</span></section><p>`);
  return (
    `<section><p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/${prng.int(1e6, 1e7)}/640" src="data:image/svg+xml,x"></p>${spaced}</section>` +
    `<p style="display:none">${text.sentence()}</p>`
  );
}

/** Returns `count` articles, deterministically from `seed`. */
export function generateArticles(count: number, seed: number): BenchArticle[] {
  const prng = createPrng(seed);
  const articles: BenchArticle[] = [];
  const kinds = ['feedx', 'wordpress', 'wechat', 'plain'] as const;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const language =
      kind === 'feedx' || kind === 'wechat' ? (prng.chance(0.8) ? 'zh' : 'en') : prng.chance(0.2) ? 'zh' : 'en';
    const text = createTextSource(prng, language);
    const site = kind === 'wordpress' ? 'https://blog.example.com/' : 'https://news.example.com/';
    const body = writeHtmlBody(prng, text, { targetBytes: prng.int(2000, 4200), site, relative: prng.chance(0.2) });
    const html =
      kind === 'feedx'
        ? feedx(prng, text, body)
        : kind === 'wordpress'
          ? wordpress(prng, text, body)
          : kind === 'wechat'
            ? wechat(prng, text, body)
            : body;
    const feedUrl = kind === 'feedx' ? 'https://feedx.net/rss/rfi.xml' : `${site}feed/`;
    const itemUrl = kind === 'wechat' ? `https://mp.weixin.qq.com/s/${prng.int(1e8, 1e9)}` : `${site}${2024}/${i}.html`;
    articles.push({ html, feedUrl, itemUrl, kind, language });
  }
  return articles;
}
