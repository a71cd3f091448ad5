import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { takeRepositoryLock } from './repository-lock.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function gitDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-lock-'));
  dirs.push(dir);
  return dir;
}

describe('takeRepositoryLock', () => {
  it('holds the lock with this pid, refuses a second holder while it is held, and frees it on release', async () => {
    const dir = await gitDir();
    const lock = await takeRepositoryLock(dir, 'x.lock', { waitMs: 0 });
    expect(await readFile(join(dir, 'x.lock'), 'utf8')).toBe(`${process.pid}\n`);
    await expect(takeRepositoryLock(dir, 'x.lock', { waitMs: 0 })).rejects.toMatchObject({ code: 'archive.busy' });
    await lock.release();
    await expect(stat(join(dir, 'x.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    const again = await takeRepositoryLock(dir, 'x.lock', { waitMs: 0 });
    expect(again.tookOver).toBe(false);
    await again.release();
  });

  it('waits for the holder to release', async () => {
    const dir = await gitDir();
    const first = await takeRepositoryLock(dir, 'x.lock');
    const second = takeRepositoryLock(dir, 'x.lock', { pollMs: 5 });
    await first.release();
    await (await second).release();
  });

  it('takes over an empty lock left by a process killed while creating it, once it is old', async () => {
    const dir = await gitDir();
    await writeFile(join(dir, 'x.lock'), '');
    await expect(takeRepositoryLock(dir, 'x.lock', { waitMs: 0 })).rejects.toMatchObject({ code: 'archive.busy' });
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'x.lock'), old, old);
    const lock = await takeRepositoryLock(dir, 'x.lock', { waitMs: 0 });
    expect(lock.tookOver).toBe(true);
    await lock.release();
  });
});
