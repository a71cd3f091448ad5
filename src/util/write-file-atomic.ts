/**
 * Crash-safe file writes: the data goes to a temporary file in the same folder, is
 * fsync'd, then renamed (or hard-linked, for no-clobber writes) onto the target, and the
 * folder is fsync'd so the new name survives a power cut. A crash at any point leaves
 * either the old target or the new one, never half a file (docs/archive-format.md: "Files are
 * written atomically"). Written by hand: the `write-file-atomic` package is not installed,
 * and it has no no-clobber mode. For many files at once, the parts are exported (temporary
 * names, writes with or without fsync, no-clobber links), so that a batch can make all its
 * temporaries durable with one barrier before linking any (archive/write-revisions.ts).
 */
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Options for one atomic write. */
export interface WriteFileAtomicOptions {
  /** Fail with an `EEXIST` error instead of replacing an existing target. */
  exclusive?: boolean;
}

/** Writes `data` to `path` atomically; rejects with the fs error (code `EEXIST` for an exclusive write onto an existing file). */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const folder = dirname(path);
  const temp = temporaryPath(folder, basename(path));
  try {
    await writeTemporary(temp, data, { fsync: true });
    if (options.exclusive === true) await linkExclusive(temp, path);
    else await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** Returns a fresh temporary name for `name` in `folder` (hidden, with this process's pid, so a later writer can tell it is garbage). */
export function temporaryPath(folder: string, name: string): string {
  return join(folder, `.${name}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
}

/** Writes `data` to a new temporary file `temp` (never an existing one); with `fsync`, durably. On failure nothing is left at `temp`. */
export async function writeTemporary(
  temp: string,
  data: string | Uint8Array,
  options: { fsync?: boolean } = {},
): Promise<void> {
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    if (options.fsync === true) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/** Fsyncs an existing file (its data, whichever descriptor wrote it). */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Puts the temporary file at `path` unless a file already has that name, and removes the temporary either way. */
export async function linkNewFile(temp: string, path: string): Promise<'written' | 'exists'> {
  try {
    await linkExclusive(temp, path);
    return 'written';
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    await unlink(temp).catch(() => undefined);
    return 'exists';
  }
}

/** Puts `temp` at `path` only when `path` does not exist, then removes `temp`. */
async function linkExclusive(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw error;
    // Hard links are not supported everywhere (FAT, some network shares): check, then rename.
    if (await exists(path))
      throw Object.assign(new Error(`EEXIST: file already exists, '${path}'`), { code: 'EEXIST' });
    await rename(temp, path);
    return;
  }
  await unlink(temp);
}

/** Makes a folder's entries (new or renamed names) durable; a no-op where folders cannot be fsync'd. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!cannotSyncFolder(error)) throw error;
  } finally {
    await handle?.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Returns true for the errors of fsync on a folder where the platform or file system does not support it (the sync is then skipped). */
export function cannotSyncFolder(error: unknown): boolean {
  return ['EISDIR', 'EPERM', 'EINVAL', 'EACCES'].includes(errorCode(error) ?? '');
}

/** Returns the `code` of a Node.js system error, or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
