import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncFileSystem } from './sync-file-system.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-syncfs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('syncFileSystem', () => {
  it('flushes the file system of a folder here (Linux with coreutils), answering many callers in order', async () => {
    await writeFile(join(dir, 'a.txt'), 'data');
    const answers = await Promise.all([dir, join(dir, 'a.txt'), dir].map((path) => syncFileSystem(path)));
    expect(answers).toEqual([true, true, true]);
  });

  it('says it cannot for a path that does not exist, so the caller fsyncs file by file', async () => {
    expect(await syncFileSystem(join(dir, 'missing', 'folder'))).toBe(false);
    expect(await syncFileSystem(dir)).toBe(true);
  });

  it('refuses a path with a line break rather than send two paths', async () => {
    expect(await syncFileSystem(`${dir}\n/`)).toBe(false);
  });
});
