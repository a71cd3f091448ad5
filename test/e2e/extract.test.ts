/** `tidings extract`: a saved page read and cleaned exactly as full text stores it. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli } from './run-cli.ts';
import { createTempDirs, type TempDirs } from './temp-dirs.ts';

let temp: TempDirs;
let dir: string;

const PARAGRAPH =
  '<p>The council voted on the harbour plan after a long debate about cost and tides. 议会就港口计划投票。</p>';

beforeAll(async () => {
  requireBuild();
  temp = await createTempDirs('extract');
  dir = await temp.make('pages');
});
afterAll(() => temp.cleanup());

describe('tidings extract', () => {
  it('prints the cleaned article of a saved page as JSON', async () => {
    const page = join(dir, 'page.html');
    await writeFile(
      page,
      `<html><head><title>Harbour vote</title></head><body><nav>Menu</nav><article>${PARAGRAPH.repeat(6)}<p><a href="/next?utm_source=x">next</a></p></article></body></html>`,
    );
    const run = await runCli(join(dir, 'data'), ['extract', page, '--url', 'https://port.example/news/1', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { title: string; content: string; textContent: string };
    expect(result.title).toBe('Harbour vote');
    expect(result.content).toContain('href="https://port.example/next"');
    expect(result.textContent).toContain('议会就港口计划投票');
    expect(result.content).not.toContain('Menu');
  });

  it('exits 1 and says why when the page holds no article', async () => {
    const page = join(dir, 'empty.html');
    await writeFile(page, '');
    const run = await runCli(join(dir, 'data'), ['extract', page, '--url', 'https://port.example/empty']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/empty\.html: .*no article found/);
  });
});
