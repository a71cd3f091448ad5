import { readFileSync } from 'node:fs';
import { decodeHTML } from 'entities';
import { describe, expect, it, vi } from 'vitest';
import { createSeededRandom, type SeededRandom } from '../util/seeded-random.ts';
import { sanitizeHtml } from './sanitize-html.ts';

const VECTORS: Array<{ name: string; html: string }> = JSON.parse(
  readFileSync(new URL('./testdata/xss-vectors.json', import.meta.url), 'utf8'),
);

const FORBIDDEN_TAG =
  /<\s*\/?\s*(?:script|iframe|object|embed|base|meta|style|form|link|svg|math|frame|frameset|input|button|textarea|select|template|param|applet)\b/i;

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'cite', 'poster']);

/** Returns the attributes of every tag in sanitizer output; fails the test on a tag that is not plain `<name attr="v">`. */
function outputAttributes(html: string): Array<{ tag: string; name: string; value: string }> {
  const found: Array<{ tag: string; name: string; value: string }> = [];
  for (const m of html.matchAll(/<(\/?)([^\s/>]*)([^>]*)>/g)) {
    const [whole, , tag, rest] = m;
    expect(whole, 'tag shape').toMatch(/^<\/?[a-z][a-z0-9]*(?: [a-z-]+(?:="[^"<>]*")?)*(?: \/)?>$/);
    for (const a of rest.matchAll(/ ([a-z-]+)(?:="([^"]*)")?/g))
      found.push({ tag, name: a[1], value: decodeHTML(a[2] ?? '') });
  }
  return found;
}

/** Returns the URL's scheme the way a browser sees it (ignored characters removed), lowercased, or '' for a relative URL. */
function schemeOf(url: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\x00-\x20]+/g, ''))?.[1].toLowerCase() ?? '';
}

describe('sanitizeHtml: XSS corpus', () => {
  it('has at least 40 vectors', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(VECTORS)('neutralizes: $name', ({ html }) => {
    const out = sanitizeHtml(html);
    expect(out).not.toMatch(FORBIDDEN_TAG);
    for (const { tag, name, value } of outputAttributes(out)) {
      expect(name).not.toMatch(/^on/);
      expect(name).not.toBe('style');
      if (!URL_ATTRIBUTES.has(name)) continue;
      const urls = name === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [value];
      for (const url of urls) {
        const scheme = schemeOf(url);
        const rasterImage = tag === 'img' && name === 'src' && /^data:image\/(?:png|gif|jpeg|webp)[;,]/i.test(url);
        expect(['', 'http', 'https', 'mailto'].includes(scheme) || rasterImage, `${name}=${url}`).toBe(true);
      }
    }
    expect(sanitizeHtml(out)).toBe(out);
  });
});

describe('sanitizeHtml: what articles keep', () => {
  it('keeps article structure as written', () => {
    const html =
      '<h2>Title</h2><p>Some <strong>bold</strong>, <em>em</em>, <sub>2</sub> and <mark>marked</mark> text.</p>' +
      '<figure><img src="https://ex.com/a.jpg" srcset="https://ex.com/a.jpg 1x, https://ex.com/a2.jpg 2x" alt="A" width="640" height="480" />' +
      '<figcaption>Caption</figcaption></figure>' +
      '<blockquote cite="https://ex.com/q"><p>Quote</p></blockquote>' +
      '<table><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>' +
      '<ul><li>one</li></ul><ol start="3"><li>three</li></ol><pre><code>x &lt; y</code></pre>' +
      '<details open><summary>More</summary><p>hidden</p></details>' +
      '<p lang="zh-Hans" dir="ltr"><ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>字</p>' +
      '<p><del>old</del><ins>new</ins> <abbr title="World Health Organization">WHO</abbr> <time datetime="2024-01-02">Jan 2</time></p>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('keeps http(s), mailto and relative links, adds rel, drops target and other schemes', () => {
    expect(sanitizeHtml('<a href="https://ex.com/" target="_blank" title="t">x</a>')).toBe(
      '<a href="https://ex.com/" title="t" rel="noopener noreferrer">x</a>',
    );
    expect(sanitizeHtml('<a href="mailto:a@ex.com">m</a>')).toContain('href="mailto:a@ex.com"');
    expect(sanitizeHtml('<a href="../x?a=1&amp;b=2#f">r</a>')).toContain('href="../x?a=1&amp;b=2#f"');
    expect(sanitizeHtml('<a href="//ex.com/x">p</a>')).toContain('href="//ex.com/x"');
    expect(sanitizeHtml('<a href="#note">n</a>')).toContain('href="#note"');
    expect(sanitizeHtml('<a href="ftp://ex.com/f">f</a>')).toBe('<a rel="noopener noreferrer">f</a>');
  });

  it('drops style, class and id but keeps lang and dir', () => {
    expect(sanitizeHtml('<p style="color:red" class="lead" id="p1" lang="en" dir="rtl">x</p>')).toBe(
      '<p lang="en" dir="rtl">x</p>',
    );
  });

  it('forces controls on media and drops autoplay', () => {
    expect(
      sanitizeHtml(
        '<video src="v.mp4" autoplay poster="p.jpg"><track src="s.vtt" kind="subtitles" srclang="en"></video>',
      ),
    ).toBe('<video src="v.mp4" poster="p.jpg" controls><track src="s.vtt" kind="subtitles" srclang="en" /></video>');
    expect(sanitizeHtml('<audio src="a.mp3" autoplay></audio>')).toBe('<audio src="a.mp3" controls></audio>');
  });

  it('keeps raster data: images only, and drops an image left without a source', () => {
    const png = '<img src="data:image/png;base64,iVBORw0KGgo=" alt="" />';
    expect(sanitizeHtml(png)).toBe(png);
    expect(sanitizeHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x"><p>after</p>')).toBe('<p>after</p>');
    expect(sanitizeHtml('<a href="data:image/png;base64,iVBORw0KGgo=">x</a>')).toBe(
      '<a rel="noopener noreferrer">x</a>',
    );
  });

  it('drops script, style and iframe with their content; keeps picture sources', () => {
    expect(sanitizeHtml('<b>kept</b><script>gone()</script><style>p{}</style><iframe>no frames</iframe>')).toBe(
      '<b>kept</b>',
    );
    expect(sanitizeHtml('<picture><source srcset="a.webp" type="image/webp"><img src="a.jpg" alt="a"></picture>')).toBe(
      '<picture><source srcset="a.webp" type="image/webp" /><img src="a.jpg" alt="a" /></picture>',
    );
  });

  it('keeps well-formed srcset candidates, drops malformed or unsafe ones, and prints nothing', () => {
    const log = vi.spyOn(console, 'log');
    const out = sanitizeHtml(
      '<img src="a.jpg" srcset="a.jpg 1x, b,c.jpg 2x, bad.jpg 2q, data:image/png;base64,AA 3x, https://e.com/w.jpg 640w 480h, x.jpg 1x 2x">',
    );
    expect(out).toBe('<img src="a.jpg" srcset="a.jpg 1x, b,c.jpg 2x, https://e.com/w.jpg 640w 480h" />');
    expect(sanitizeHtml('<img src="a.jpg" srcset="javascript:alert(1) 1x">')).toBe('<img src="a.jpg" />');
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('renames unknown tags to span or div instead of unwrapping them', () => {
    expect(sanitizeHtml('<p>a<font color="red">b<p>c</p></font></p>')).toBe('<p>a<span>b<p>c</p></span></p>');
    expect(sanitizeHtml('<section onclick="x"><p>a</p></section>')).toBe('<div><p>a</p></div>');
  });

  it('returns an empty string for empty input', () => {
    expect(sanitizeHtml('')).toBe('');
  });
});

const GEN_TAGS = [
  'p',
  'a',
  'img',
  'b',
  'div',
  'table',
  'tr',
  'td',
  'li',
  'ul',
  'script',
  'style',
  'svg',
  'iframe',
  'video',
  'source',
  'pre',
  'textarea',
  'font',
  'ruby',
  'rt',
  'br',
  'q',
  'select',
  'option',
  'title',
  'noscript',
  'span',
  'math',
  'mi',
  'body',
  'section',
  'center',
  'dd',
  'dt',
  'button',
  'h1',
  'thead',
  'tbody',
  'th',
  'object',
  'input',
  'xmp',
];
const GEN_ATTRS = [
  'href',
  'src',
  'srcset',
  'style',
  'onclick',
  'title',
  'lang',
  'alt',
  'class',
  'controls',
  'cite',
  'rel',
  'dir',
];
const GEN_VALUES = [
  'x',
  '',
  'javascript:alert(1)',
  'https://e.com/?a=1&amp;b=2',
  '../r',
  'data:image/png;base64,AA',
  'data:text/html,x',
  'a.jpg 1x, b.jpg 2x',
  '" onload="x',
  "'",
  '<b>',
  'jav&#x09;ascript:x',
  '&quot;&lt;',
  '  padded  ',
];
const GEN_TEXT = [
  'text',
  ' ',
  '&amp;',
  '&lt;',
  '&nbsp;',
  '&#0;',
  '<',
  '>',
  '&',
  '"',
  "'",
  '漢字',
  '\n',
  '&bogus;',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '</',
  '/>',
  '=',
  '&#x1F600;',
];

function generateHtml(random: SeededRandom): string {
  let out = '';
  const parts = 1 + random.int(0, 11);
  for (let i = 0; i < parts; i++) {
    const r = random.next();
    if (r < 0.35) out += random.pick(GEN_TEXT);
    else if (r < 0.55) out += `</${random.pick(GEN_TAGS)}>`;
    else {
      out += `<${random.next() < 0.2 ? random.pick(GEN_TAGS).toUpperCase() : random.pick(GEN_TAGS)}`;
      const attrs = random.int(0, 2);
      for (let j = 0; j < attrs; j++) {
        const q = random.pick(['"', "'", '']);
        const value = random.pick(GEN_VALUES);
        out += ` ${random.pick(GEN_ATTRS)}=${q}${q === '' ? value.replace(/[\s"'>]/g, '') : value.replaceAll(q, '')}${q}`;
      }
      out += random.next() < 0.1 ? ' />' : '>';
    }
  }
  return out;
}

describe('sanitizeHtml: idempotence', () => {
  it('sanitizing twice equals sanitizing once, over 3000 generated fragments', () => {
    const random = createSeededRandom(20240917);
    for (let i = 0; i < 3000; i++) {
      const html = generateHtml(random);
      const once = sanitizeHtml(html);
      expect(sanitizeHtml(once), `input: ${JSON.stringify(html)}`).toBe(once);
    }
  });
});
