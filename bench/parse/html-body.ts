/**
 * Article bodies for the parse benchmark corpus: HTML paragraphs of 1–5 KB with the markup
 * real feeds carry (links, images, strong, the common entities), optionally with relative URLs
 * so that resolution against xml:base or the feed's link is exercised.
 */
import type { Prng } from '../lib/prng.ts';
import type { TextSource } from './corpus-text.ts';

/** What one body should look like. */
export interface HtmlBodyOptions {
  /** Approximate UTF-8 size to reach, in bytes. */
  targetBytes: number;
  /** Site origin plus path prefix for links, e.g. `https://news.example.com/`. */
  site: string;
  /** When true, links and images use relative URLs. */
  relative: boolean;
}

/** Returns one URL on the site, absolute or relative. */
export function makeUrl(
  prng: Prng,
  options: Pick<HtmlBodyOptions, 'site' | 'relative'>,
  kind: 'page' | 'image',
): string {
  const path =
    kind === 'image'
      ? `images/${prng.int(2019, 2025)}/${prng.int(10000, 99999)}.jpg`
      : `${prng.int(2019, 2025)}/${String(prng.int(1, 12)).padStart(2, '0')}/story-${prng.int(100000, 999999)}.html`;
  return options.relative ? (prng.chance(0.5) ? path : `../${path}`) : options.site + path;
}

/** Returns one paragraph of sentences with occasional inline markup and entities. */
function writeParagraph(prng: Prng, text: TextSource, options: HtmlBodyOptions): string {
  const parts: string[] = [];
  const count = prng.int(2, 5);
  for (let i = 0; i < count; i++) {
    let sentence = text.sentence();
    const roll = prng.next();
    if (roll < 0.15) sentence = `<strong>${sentence}</strong>`;
    else if (roll < 0.3) sentence = `<a href="${makeUrl(prng, options, 'page')}">${sentence}</a>`;
    else if (roll < 0.36)
      sentence +=
        text.joiner +
        (text.language === 'en' ? 'The R&amp;D budget grew by 5&nbsp;per cent.' : '研发（R&amp;D）投入增长5&nbsp;%。');
    else if (roll < 0.42)
      sentence +=
        text.joiner +
        (text.language === 'en'
          ? 'The city&#8217;s mayor called it &quot;a turning point&quot;.'
          : '有关负责人称之为&quot;转折点&quot;。');
    parts.push(sentence);
  }
  return `<p>${parts.join(text.joiner)}</p>`;
}

/** Returns an HTML article body of about `options.targetBytes` UTF-8 bytes. */
export function writeHtmlBody(prng: Prng, text: TextSource, options: HtmlBodyOptions): string {
  const paragraphs: string[] = [];
  let bytes = 0;
  while (bytes < options.targetBytes) {
    const paragraph = prng.chance(0.12)
      ? `<p><img src="${makeUrl(prng, options, 'image')}" alt="${text.title()}" width="${prng.int(4, 12) * 100}" /></p>`
      : writeParagraph(prng, text, options);
    paragraphs.push(paragraph);
    bytes += Buffer.byteLength(paragraph) + 1;
  }
  return paragraphs.join('\n');
}
