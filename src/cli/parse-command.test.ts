import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../parse/parse-feed.ts';
import { chooseJobs, runParse, type ParseCommandOptions } from './parse-command.ts';

const TESTDATA = fileURLToPath(new URL('../parse/testdata/', import.meta.url));
const DOCUMENTS = readdirSync(TESTDATA)
  .filter((name) => /\.(xml|json|html|txt)$/.test(name) && !name.includes('.expected.') && !name.includes('.options.'))
  .map((name) => path.join(TESTDATA, name));

/** Runs `tidings parse` with the given files and options, capturing both streams. */
async function run(
  files: string[],
  options: Partial<ParseCommandOptions>,
): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const status = await runParse(files, { header: [], ...options }, { stdout, stderr });
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

describe('tidings parse over many files', () => {
  const files = [...DOCUMENTS, path.join(TESTDATA, 'no-such-file.xml'), ...DOCUMENTS];

  it('prints the same JSON Lines, in the order given, on worker threads as on one thread', async () => {
    const one = await run(files, { json: true, raw: true, jobs: '1' });
    expect(await run(files, { json: true, raw: true, jobs: '2' })).toEqual(one);
    expect(await run(files, { json: true, raw: true, jobs: '3' })).toEqual(one);
    const lines = one.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string });
    expect(lines.map((line) => line.file)).toEqual(files);
  });

  it('prints each feed exactly as JSON.stringify would, file first, and reports failures per file', async () => {
    const { status, stdout, stderr } = await run(files, { json: true, raw: true, jobs: '2' });
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    for (const [i, file] of files.entries()) {
      const parsed = file.endsWith('no-such-file.xml') ? undefined : parseFeed(readFileSync(file));
      if (parsed?.kind === 'feed') expect(lines[i]).toBe(JSON.stringify({ file, ...parsed.feed }));
      else expect(JSON.parse(lines[i])).toEqual({ file, error: expect.any(String) });
    }
    expect(stderr).toContain(`tidings: ${path.join(TESTDATA, 'no-such-file.xml')}: no such file\n`);
    expect(stderr.split('\n').filter((line) => line.includes('nf-002-empty')).length).toBe(2);
  });

  it('sanitizes HTML unless --raw, on worker threads too', async () => {
    const file = path.join(TESTDATA, 'rss20-plain.xml');
    const raw = await run([file, file], { json: true, raw: true, jobs: '2' });
    const clean = await run([file, file], { json: true, jobs: '2' });
    expect(clean).toEqual(await run([file, file], { json: true, jobs: '1' }));
    expect(clean.stdout).not.toEqual(raw.stdout);
  });
});

describe('chooseJobs', () => {
  const many = Array.from({ length: 400 }, (_, i) => `feed-${i}.xml`);

  const quiet = { cpus: 2, loadAverage: 0.3 };

  it('stays on the main thread for a few files, for stdin, or when no CPU is free', () => {
    expect(chooseJobs(undefined, ['a.xml', 'b.xml'], quiet)).toBe(1);
    expect(chooseJobs('4', [...many, '-'], quiet)).toBe(1);
    expect(chooseJobs('auto', many, { cpus: 2, loadAverage: 1.8 })).toBe(1);
    expect(chooseJobs('auto', many, { cpus: 2, loadAverage: 0.1, runnableNow: 1 })).toBe(1);
  });

  it('trusts what runs right now over the load average of the last minute', () => {
    expect(chooseJobs('auto', many, { cpus: 2, loadAverage: 1.9, runnableNow: 0 })).toBe(2);
    expect(chooseJobs('auto', many, { cpus: 8, loadAverage: 0, runnableNow: 7 })).toBe(1);
    expect(chooseJobs('auto', many, { cpus: 8, loadAverage: 0, runnableNow: 5 })).toBe(3);
  });

  it('uses the free CPUs for many files, and what --jobs says', () => {
    expect(chooseJobs('auto', many, quiet)).toBe(2);
    expect(chooseJobs(undefined, many, { cpus: 2, loadAverage: 1.2 })).toBe(2);
    expect(chooseJobs(undefined, many, { cpus: 16, loadAverage: 0 })).toBe(4);
    expect(chooseJobs('auto', many.slice(0, 20), quiet)).toBe(2);
    expect(chooseJobs('3', many, { cpus: 2, loadAverage: 9 })).toBe(3);
    expect(chooseJobs('8', ['a.xml', 'b.xml'])).toBe(2);
    expect(() => chooseJobs('zero', many)).toThrow(/--jobs/);
  });
});
