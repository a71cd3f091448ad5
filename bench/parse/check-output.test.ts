import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutput } from './check-output.ts';
import type { Corpus } from './generate-corpus.ts';
import { listRunners } from './runners.ts';

const corpus: Corpus = {
  feedsDir: '/nowhere',
  files: ['001-rss-en.xml', '002-atom-zh-gbk.xml'],
  totalBytes: 1000,
  totalItems: 3,
  expected: { '001-rss-en.xml': 2, '002-atom-zh-gbk.xml': 1 },
  mix: {},
};
const tidings = listRunners().find((r) => r.name === 'tidings')!;
const sfeed = listRunners().find((r) => r.name === 'sfeed (per file)')!;

/** Writes `text` to a fresh temp file and returns its path. */
async function writeTemp(text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'check-')), 'out');
  await writeFile(file, text);
  return file;
}

describe('checkOutput', () => {
  it('passes JSON Lines whose per-file item counts match', async () => {
    const out = await writeTemp(
      '{"file":"001-rss-en.xml","items":[{},{}]}\n{"file":"002-atom-zh-gbk.xml","items":[{"title":"新闻"}]}\n',
    );
    expect(await checkOutput(out, tidings, corpus)).toEqual({ items: 3, ok: true, problems: [] });
  });

  it('flags a wrong count, a missing file and undecoded GBK text', async () => {
    const out = await writeTemp('{"file":"002-atom-zh-gbk.xml","items":[{"title":"\ufffd\ufffd"},{}]}\n');
    const check = await checkOutput(out, tidings, corpus);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      '002-atom-zh-gbk.xml: 2 items, expected 1',
      '002-atom-zh-gbk.xml: GBK text not decoded',
      '001-rss-en.xml: no output line',
    ]);
  });

  it('counts TSV lines as items for sfeed', async () => {
    expect((await checkOutput(await writeTemp('a\tb\nc\td\ne\tf\n'), sfeed, corpus)).ok).toBe(true);
    expect((await checkOutput(await writeTemp('a\tb\n'), sfeed, corpus)).problems).toEqual([
      '1 lines, expected 3 items',
    ]);
  });
});
