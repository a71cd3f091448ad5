import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Lets a test make the temp file's write fail after half the data is on disk.
const failure = vi.hoisted(() => ({ halfWrite: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args);
    if (!failure.halfWrite || args[1] !== 'wx') return handle;
    return Object.assign(Object.create(handle) as typeof handle, {
      writeFile: async (data: string | Uint8Array) => {
        await handle.write(Buffer.from(data).subarray(0, Math.floor(Buffer.byteLength(data) / 2)));
        throw Object.assign(new Error('EIO: simulated disk failure'), { code: 'EIO' });
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    });
  };
  return { ...real, open };
});

const { writeFileAtomic } = await import('./write-file-atomic.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-atomic-'));
  failure.halfWrite = false;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temp file behind', async () => {
    const target = join(dir, 'a.txt');
    await writeFileAtomic(target, '美国 news\n');
    expect(await readFile(target, 'utf8')).toBe('美国 news\n');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('replaces an existing file', async () => {
    const target = join(dir, 'a.txt');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new Uint8Array([104, 105]));
    expect(await readFile(target, 'utf8')).toBe('hi');
  });

  it('refuses to replace an existing file in exclusive mode and keeps the old content', async () => {
    const target = join(dir, 'a.txt');
    await writeFile(target, 'old');
    await expect(writeFileAtomic(target, 'new', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('creates the file in exclusive mode when it does not exist', async () => {
    const target = join(dir, 'b.txt');
    await writeFileAtomic(target, 'new', { exclusive: true });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['b.txt']);
  });

  it('leaves no half file when the write fails mid-way', async () => {
    const target = join(dir, 'a.txt');
    await writeFile(target, 'old content');
    failure.halfWrite = true;
    await expect(writeFileAtomic(target, 'x'.repeat(100_000))).rejects.toMatchObject({ code: 'EIO' });
    await expect(writeFileAtomic(join(dir, 'fresh.txt'), 'y'.repeat(100_000))).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(target, 'utf8')).toBe('old content');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('leaves the target and no temp file when the final rename fails', async () => {
    const target = join(dir, 'taken');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'keep');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readFile(join(target, 'inside'), 'utf8')).toBe('keep');
  });
});
