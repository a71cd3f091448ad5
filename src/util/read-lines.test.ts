import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileLine, readLines } from './read-lines.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-lines-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lines(text: string, maxLineBytes?: number): Promise<Array<string | number>> {
  const path = join(dir, 'f');
  await writeFile(path, text);
  const out: Array<string | number> = [];
  for await (const line of readLines(path, { maxLineBytes, chunkBytes: 4 })) out.push(describeLine(line));
  return out;
}

function describeLine(line: FileLine): string | number {
  if (line.kind === 'too-long') return line.size;
  return `${line.number}:${line.bytes.toString()}${line.lastWithoutNewline ? '(torn)' : ''}`;
}

describe('readLines', () => {
  it('splits lines across chunks and flags a last line without LF', async () => {
    expect(await lines('ab\ncdefghij\n\nklm')).toEqual(['1:ab', '2:cdefghij', '3:', '4:klm(torn)']);
    expect(await lines('one\n')).toEqual(['1:one']);
    expect(await lines('')).toEqual([]);
  });

  it('skips a line over the limit as it streams by, reporting its size', async () => {
    expect(await lines('short\nmuch too long a line\nok\n', 8)).toEqual(['1:short', 20, '3:ok']);
    expect(await lines('ok\nmuch too long at the end', 8)).toEqual(['1:ok', 24]);
  });

  it('refuses a symbolic link', async () => {
    await writeFile(join(dir, 'target'), 'x\n');
    await symlink(join(dir, 'target'), join(dir, 'link'));
    await expect(readLines(join(dir, 'link')).next()).rejects.toThrow();
  });
});
