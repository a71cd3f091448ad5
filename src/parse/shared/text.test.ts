import { describe, expect, it } from 'vitest';
import { parseXml } from '../xml/parse-xml.ts';
import { finishHtml, looksLikeHtml, readAtomText, readAtomTitle, readHtml, readTitle, toPlainText } from './text.ts';

function element(xml: string) {
  const root = parseXml(xml, { baseUrl: 'http://base.example/dir/' }).root;
  if (root === null) throw new Error('no root');
  return root;
}

const ATOM = 'xmlns="http://www.w3.org/2005/Atom"';

describe('toPlainText', () => {
  it('strips tags, decodes double-escaped entities and collapses whitespace', () => {
    expect(toPlainText('  <b>Bold</b>\n   title ')).toBe('Bold title');
    expect(toPlainText('Tom &amp; Jerry')).toBe('Tom & Jerry');
    expect(toPlainText('&lt;i&gt;x&lt;/i&gt; &amp; y')).toBe('x & y');
    expect(toPlainText('a < b and c > d')).toBe('a < b and c > d');
    expect(toPlainText(' \n ')).toBeUndefined();
  });

  it('keeps line breaks when asked', () => {
    expect(toPlainText(' one\ntwo ', true)).toBe('one\ntwo');
  });
});

describe('finishHtml', () => {
  it('unescapes wholly double-escaped HTML once, not prose that mentions a tag', () => {
    expect(finishHtml('&lt;p&gt;Hi&lt;/p&gt;', undefined)).toBe('<p>Hi</p>');
    expect(finishHtml('Use the &lt;p&gt; tag', undefined)).toBe('Use the &lt;p&gt; tag');
  });

  it('resolves relative URLs only when there is a base', () => {
    expect(finishHtml('<img src="a.png">', 'http://x.example/d/')).toBe('<img src="http://x.example/d/a.png">');
    expect(finishHtml('<img src="a.png">', undefined)).toBe('<img src="a.png">');
  });
});

describe('readHtml', () => {
  it('re-serializes markup left unescaped in the element', () => {
    expect(readHtml(element('<description>a<br/>b <a href="x">y</a></description>'))).toBe(
      'a<br>b <a href="http://base.example/dir/x">y</a>',
    );
  });
});

describe('Atom text constructs', () => {
  it('reads text, html and xhtml, reporting xhtml as html', () => {
    expect(readAtomText(element(`<summary ${ATOM}>a &amp; b</summary>`), false)).toEqual({
      value: 'a & b',
      type: 'text',
    });
    expect(readAtomText(element(`<summary ${ATOM} type="html">&lt;b&gt;x&lt;/b&gt;</summary>`), false)).toEqual({
      value: '<b>x</b>',
      type: 'html',
    });
    expect(
      readAtomText(
        element(
          `<summary ${ATOM} type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>x</b> <a href="p">p</a></div></summary>`,
        ),
        false,
      ),
    ).toEqual({ value: '<b>x</b> <a href="http://base.example/dir/p">p</a>', type: 'html' });
  });

  it('reads Atom 0.3 modes', () => {
    const b64 = Buffer.from('<p>hé</p>').toString('base64');
    expect(readAtomText(element(`<content type="text/html" mode="base64">${b64}</content>`), true)).toEqual({
      value: '<p>hé</p>',
      type: 'html',
    });
    expect(
      readAtomText(element('<content type="text/html" mode="escaped">&lt;i&gt;i&lt;/i&gt;</content>'), true),
    ).toEqual({ value: '<i>i</i>', type: 'html' });
    expect(readAtomText(element('<content>plain</content>'), true)).toEqual({ value: 'plain', type: 'text' });
  });

  it('keeps a text title exactly as written, angle brackets and the words between them included', () => {
    expect(readAtomTitle(element(`<title ${ATOM}>A &lt;b&gt;bold&lt;/b&gt; move</title>`), false)).toEqual({
      value: 'A <b>bold</b> move',
      type: 'text',
    });
    expect(readAtomTitle(element(`<title ${ATOM} type="text">Why &lt;div&gt; soup hurts</title>`), false)).toEqual({
      value: 'Why <div> soup hurts',
      type: 'text',
    });
    expect(readAtomText(element(`<rights ${ATOM} type="text">a &lt; b &amp;&amp; c &gt; d</rights>`), false)).toEqual({
      value: 'a < b && c > d',
      type: 'text',
    });
  });

  it('reads html titles as html', () => {
    expect(readAtomTitle(element(`<title ${ATOM} type="html">A &lt;b&gt;bold&lt;/b&gt;</title>`), false)).toEqual({
      value: 'A <b>bold</b>',
      type: 'html',
    });
  });
});

describe('RSS titles, whose type the format leaves open', () => {
  it('are text unless they look like HTML, as feedparser decides', () => {
    expect(readTitle(element('<title>Why &lt;div&gt; soup hurts</title>'))).toEqual({
      value: 'Why <div> soup hurts',
      type: 'text',
    });
    expect(readTitle(element('<title>It&#8217;s &lt;b&gt;bold&lt;/b&gt;</title>'))).toEqual({
      value: 'It’s <b>bold</b>',
      type: 'html',
    });
    expect(readTitle(element('<title>AT&amp;T  raises\n prices</title>'))).toEqual({
      value: 'AT&T raises prices',
      type: 'text',
    });
  });

  it('need an end tag or an entity, and only known tags and entities, to be HTML', () => {
    expect(looksLikeHtml('a <b>b</b>')).toBe(true);
    expect(looksLikeHtml('x &amp;lt; y')).toBe(true);
    expect(looksLikeHtml('a <div> b')).toBe(false);
    expect(looksLikeHtml('<madeup>x</madeup>')).toBe(false);
    expect(looksLikeHtml('&bogus; <b>x</b>')).toBe(false);
  });
});
