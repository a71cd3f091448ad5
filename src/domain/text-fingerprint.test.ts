import { describe, expect, it } from 'vitest';
import { normalizeFingerprintText, textFingerprint, titleKey } from './text-fingerprint.ts';
import { sha256Hex } from '../util/sha256.ts';

describe('textFingerprint: typography-only edits give the same fingerprint', () => {
  it.each([
    ['whitespace', '<p>The quick brown fox.</p>', '<p>The  quick\n brown\tfox. </p>'],
    ['&nbsp; vs space', '<p>Hello world</p>', '<p>Hello&nbsp;world</p>'],
    ['U+00A0 vs entity', '<p>Hello\u00a0world</p>', '<p>Hello&#160;world</p>'],
    ['straight vs curly quotes', '<p>"It\'s fine," she said.</p>', '<p>&ldquo;It&rsquo;s fine,&rdquo; she said.</p>'],
    ['dash styles', '<p>2019-2020 - a year</p>', '<p>2019–2020 — a year</p>'],
    ['ellipsis', '<p>Wait...</p>', '<p>Wait…</p>'],
    ['case', '<p>BREAKING: Storm Hits Coast</p>', '<p>Breaking: storm hits coast</p>'],
    ['paragraph split', '<p>One. Two.</p>', '<p>One.</p><p>Two.</p>'],
    ['line break vs paragraph', '<p>One<br>Two</p>', '<div>One</div>\n<div>Two</div>'],
    [
      'tags and attributes',
      '<p>Read <a href="https://a">this</a></p>',
      '<p class="x">Read <b><a href="https://b" title="t">this</a></b></p>',
    ],
    ['added image', '<p>Text</p>', '<p>Text</p><img src="a.jpg" alt="A photo">'],
    [
      'script and style content',
      '<p>Text</p>',
      '<style>p{color:red}</style><p>Text</p><script>var x = "hidden";</script>',
    ],
    ['comments', '<p>Text</p>', '<p>Te<!-- ad slot -->xt</p>'],
    ['soft hyphen and zero-width space', '<p>information</p>', '<p>infor&shy;ma\u200btion</p>'],
    ['full-width latin and digits', '<p>ABC 123</p>', '<p>ＡＢＣ　１２３</p>'],
    ['ß case folding', '<p>Straße</p>', '<p>STRASSE</p>'],
    ['zh: full-width comma vs comma', '<p>美国称，中国抵制核谈判。</p>', '<p>美国称,中国抵制核谈判.</p>'],
    ['zh: 「」 vs “”', '<p>他说「这是一个测试」</p>', '<p>他说“这是一个测试”</p>'],
    ['zh: 《》 and 、 and …', '<p>《人民日报》、新华社…</p>', '<p>人民日报 新华社</p>'],
    ['zh: spaces between Chinese and Latin', '<p>习近平在G20峰会上</p>', '<p>习近平在 G20 峰会上</p>'],
    ['zh: &nbsp; padding as in feedx.net bodies', '<p>正文</p>', '<p>正文</p><p>&nbsp;</p><p>&nbsp;</p>'],
    ['emoji', '<p>Great news</p>', '<p>Great news 🎉</p>'],
  ])('%s', (_name, a, b) => {
    expect(textFingerprint(a)).toBe(textFingerprint(b));
  });
});

describe('textFingerprint: content edits give a different fingerprint', () => {
  it.each([
    ['a changed word', '<p>The storm hit the coast.</p>', '<p>The storm hit the city.</p>'],
    ['a changed number', '<p>12 people were hurt.</p>', '<p>13 people were hurt.</p>'],
    ['a changed digit after a decimal point', '<p>Up 1.5%</p>', '<p>Up 1.6%</p>'],
    ['an added sentence', '<p>One.</p>', '<p>One. Two.</p>'],
    ['a changed accent', '<p>resume</p>', '<p>résumé</p>'],
    ['zh: an added 的', '<p>中国政府声明</p>', '<p>中国的政府声明</p>'],
    ['zh: a changed character', '<p>美国称中国抵制核谈判</p>', '<p>美国称中国拒绝核谈判</p>'],
    ['zh: a changed full-width digit', '<p>死亡人数：１２</p>', '<p>死亡人数：１３</p>'],
    ['text inside a link', '<p><a href="/a">first</a></p>', '<p><a href="/a">second</a></p>'],
    ['an astral-plane character (CJK Extension B)', '<p>𠀀</p>', '<p>𠀁</p>'],
  ])('%s', (_name, a, b) => {
    expect(textFingerprint(a)).not.toBe(textFingerprint(b));
  });
});

describe('textFingerprint', () => {
  it('is 32 hex digits of the sha256 of the normalized text, and empty text gives the fingerprint of ""', () => {
    expect(textFingerprint('')).toBe(sha256Hex('').slice(0, 32));
    expect(textFingerprint('<p>&nbsp;</p><br>')).toBe(textFingerprint(''));
    expect(textFingerprint('<p>Hi</p>')).toMatch(/^[0-9a-f]{32}$/);
    expect(textFingerprint('<p>Hi</p>')).toBe(sha256Hex('hi').slice(0, 32));
  });

  it('reads plain text as text: no tag stripping, no entity decoding', () => {
    expect(normalizeFingerprintText('if a<b then', 'text')).toBe('ifabthen');
    expect(normalizeFingerprintText('if a<b then', 'html')).toBe('ifa');
    expect(normalizeFingerprintText('AT&amp;T', 'text')).toBe('atampt');
    expect(normalizeFingerprintText('AT&amp;T', 'html')).toBe('att');
  });

  it('keeps a lone "<" that does not start a tag', () => {
    expect(normalizeFingerprintText('<p>3 < 5 and 7 > 2</p>')).toBe('35and72');
  });

  it('drops an unclosed script, comment or tag to the end, as a browser does', () => {
    expect(normalizeFingerprintText('<p>kept</p><script>lost')).toBe('kept');
    expect(normalizeFingerprintText('<p>kept</p><!-- lost')).toBe('kept');
    expect(normalizeFingerprintText('<p>kept</p><img src="lost')).toBe('kept');
  });

  it('does not hang on pathological markup', () => {
    const inputs = [
      '<script'.repeat(100_000),
      `${'<!--'.repeat(100_000)}x`,
      '<a '.repeat(100_000),
      '<style>'.repeat(100_000),
    ];
    const started = Date.now();
    for (const input of inputs) textFingerprint(input);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('titleKey', () => {
  it.each([
    ['absent', undefined, ''],
    ['punctuation and case', 'Storm Hits Coast!', 'stormhitscoast'],
    ['Chinese punctuation', '美国称：中国“抵制”核谈判', '美国称中国抵制核谈判'],
    ['a plain-text title keeps what looks like a tag', 'Why <b> matters', 'whybmatters'],
  ])('%s', (_name, title, expected) => {
    expect(titleKey(title)).toBe(expected);
  });

  it('reads an HTML title when asked', () => {
    expect(titleKey('<em>Storm</em> &amp; Coast', 'html')).toBe('stormcoast');
  });

  it('differs when a word of the title changes, not when its typography does', () => {
    expect(titleKey('U.S. says "no"')).toBe(titleKey('US says “No”'));
    expect(titleKey('U.S. says no')).not.toBe(titleKey('U.S. says yes'));
  });
});

describe('numbers in fingerprints', () => {
  it('treats a moved decimal point as a change of content', () => {
    expect(textFingerprint('<p>Inflation rose 1.5 %</p>')).not.toBe(textFingerprint('<p>Inflation rose 15 %</p>'));
  });

  it('reads decimal comma and point alike, and ignores punctuation after a number', () => {
    expect(textFingerprint('<p>1,5 millions.</p>')).toBe(textFingerprint('<p>1.5 millions</p>'));
    expect(textFingerprint('<p>It was 2022. Then</p>')).toBe(textFingerprint('<p>It was 2022 then</p>'));
  });
});
