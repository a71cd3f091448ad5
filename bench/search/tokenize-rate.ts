/**
 * `tsx bench/search/tokenize-rate.ts [--articles N]`: how fast the tokenizer alone runs on the
 * search benchmark's articles, in articles per CPU-second of one thread, step by step (HTML to
 * text, folding, the whole `contentTokens`), so a change to src/tokenize/ can be judged
 * without building an archive. The articles are generated first and not timed.
 */
import { createPrng } from '../lib/prng.ts';
import { contentTokens, type SearchableRevision } from '../../src/tokenize/document-tokens.ts';
import { foldText } from '../../src/tokenize/fold-text.ts';
import { htmlToText } from '../../src/tokenize/html-to-text.ts';
import { createArticleGenerator } from './generate-articles.ts';

const argv = process.argv.slice(2);
const at = argv.indexOf('--articles');
const count = at >= 0 ? Number(argv[at + 1]) : 20_000;
const generate = createArticleGenerator(createPrng(20261126), count);
const revisions: SearchableRevision[] = [];
for (let i = 0; i < count; i++) {
  const a = generate(i);
  revisions.push({
    title: a.title,
    rawBody: a.body,
    cleanedBody: a.body,
    authors: [{ name: a.author }],
    categories: [{ term: a.category }],
    feedTitle: `World News ${i % 400}`,
  });
}

const cpuMs = (work: () => void): number => {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
const texts = revisions.map((r) => htmlToText(r.cleanedBody ?? r.rawBody));
let sink = 0;
contentTokens(revisions[0]);
const steps: Array<[string, () => void]> = [
  [
    'htmlToText',
    () => {
      for (const r of revisions) sink += htmlToText(r.cleanedBody ?? r.rawBody).length;
    },
  ],
  [
    'foldText (body text)',
    () => {
      for (const t of texts) sink += foldText(t).length;
    },
  ],
  [
    'contentTokens',
    () => {
      for (const r of revisions) sink += contentTokens(r).body.length;
    },
  ],
];
for (const [name, work] of steps) {
  const ms = Math.min(cpuMs(work), cpuMs(work));
  console.log(
    `${name.padEnd(22)} ${((ms / count) * 1000).toFixed(1).padStart(7)} µs/article  ${Math.round(count / (ms / 1000))
      .toLocaleString('en')
      .padStart(9)} articles per CPU-second`,
  );
}
if (sink < 0) console.log(sink);
