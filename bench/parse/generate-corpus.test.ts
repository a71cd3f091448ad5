import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from './generate-corpus.ts';

const dirs: string[] = [];

/** Returns a fresh temp directory, removed after the tests. */
async function makeDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'corpus-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Returns the number of items or entries in a corpus file, found by plain text search. */
function countItems(xml: string): number {
  return (xml.match(/<item>|<entry[ >]/g) ?? []).length;
}

describe('ensureCorpus', () => {
  it('writes the same bytes for the same seed, with expected counts that match the files', async () => {
    const [dirA, dirB] = [await makeDir(), await makeDir()];
    const a = await ensureCorpus({ dir: dirA, sizeMb: 1.5, seed: 9 });
    const b = await ensureCorpus({ dir: dirB, sizeMb: 1.5, seed: 9 });
    expect(a.totalBytes).toBeGreaterThanOrEqual(1.5e6);
    expect(b.files).toEqual(a.files);
    for (const name of a.files) {
      const bytes = await readFile(path.join(a.feedsDir, name));
      expect(bytes.equals(await readFile(path.join(b.feedsDir, name)))).toBe(true);
      expect(countItems(bytes.toString('latin1'))).toBe(a.expected[name]);
    }
  });

  it('mixes RSS and Atom, Chinese and GBK files, and declares GBK in the XML declaration', async () => {
    const corpus = await ensureCorpus({ dir: await makeDir(), sizeMb: 8, seed: 1 });
    expect(corpus.mix.rss).toBeGreaterThan(corpus.mix.atom);
    expect(corpus.mix.atom).toBeGreaterThan(0);
    const gbk = corpus.files.filter((name) => /-gb(k|2312)/.test(name));
    expect(gbk.length).toBeGreaterThan(0);
    const bytes = await readFile(path.join(corpus.feedsDir, gbk[0]));
    expect(bytes.toString('latin1')).toMatch(/^<\?xml version="1.0" encoding="gb(k|2312)"\?>/);
    expect(new TextDecoder('gbk').decode(bytes)).toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it('reuses a corpus whose parameters are unchanged', async () => {
    const dir = await makeDir();
    await ensureCorpus({ dir, sizeMb: 0.5, seed: 3 });
    const before = (await readdir(path.join(dir, 'feeds'))).length;
    const again = await ensureCorpus({ dir, sizeMb: 0.5, seed: 3 });
    expect(again.files.length).toBe(before);
    const other = await ensureCorpus({ dir, sizeMb: 0.5, seed: 4 });
    expect(other.files.length).toBeGreaterThan(0);
    expect(await readFile(path.join(dir, 'manifest.json'), 'utf8')).toContain('"seed": 4');
  });
});
