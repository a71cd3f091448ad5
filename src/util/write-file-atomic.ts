/**
 * Crash-safe file writes: the data goes to a temporary file in the same folder, is
 * fsync'd, then renamed (or hard-linked, for no-clobber writes) onto the target, and the
 * folder is fsync'd so the new name survives a power cut. A crash at any point leaves
 * either the old target or the new one, never half a file (ARCHIVE-FORMAT.md: "Files are
 * written atomically"). Written by hand: the `write-file-atomic` package is not installed,
 * and it has no no-clobber mode. `writeNewFiles` does the same for many files of one folder
 * at once: the temporary files are written and fsync'd concurrently (one journal commit can
 * serve many of them), then linked, and the folder is fsync'd once for all the new names.
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
  const temp = join(folder, `.${basename(path)}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive === true) await linkExclusive(temp, path);
    else await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** What writeNewFiles did with one file: `exists` when a file already had its name (nothing was written). */
export type NewFileOutcome = 'written' | 'exists';

/** Temporary files written (and fsync'd) at once by writeNewFiles. */
const WRITE_CONCURRENCY = 16;

/**
 * Writes each file into `folder` under its name unless a file already has that name (no-clobber),
 * each atomically, with one fsync of the folder for all of them; returns one outcome per file,
 * in order. Rejects with the first fs error (files linked before it stay; temporaries are removed).
 */
export async function writeNewFiles(folder: string, files: ReadonlyArray<{ name: string; data: string | Uint8Array }>): Promise<NewFileOutcome[]> {
  const temps = files.map((file) => join(folder, `.${file.name}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`));
  // A temporary file exists from its open until it is linked (linkExclusive removes it) or cleaned up.
  const left = files.map(() => false);
  let next = 0;
  const writeTemps = async () => {
    while (next < files.length) {
      const i = next++;
      const handle = await open(temps[i], 'wx');
      left[i] = true;
      try {
        await handle.writeFile(files[i].data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  let outcomes: NewFileOutcome[];
  try {
    await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, files.length) }, writeTemps));
    outcomes = await Promise.all(files.map(async (file, i): Promise<NewFileOutcome> => {
      try {
        await linkExclusive(temps[i], join(folder, file.name));
        left[i] = false;
        return 'written';
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
        return 'exists';
      }
    }));
  } finally {
    await Promise.all(temps.map((temp, i) => (left[i] ? unlink(temp).catch(() => undefined) : undefined)));
  }
  if (outcomes.includes('written')) await syncFolder(folder);
  return outcomes;
}

/** Puts `temp` at `path` only when `path` does not exist, then removes `temp`. */
async function linkExclusive(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw error;
    // Hard links are not supported everywhere (FAT, some network shares): check, then rename.
    if (await exists(path)) throw Object.assign(new Error(`EEXIST: file already exists, '${path}'`), { code: 'EEXIST' });
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
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES'].includes(errorCode(error) ?? '')) throw error;
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

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
