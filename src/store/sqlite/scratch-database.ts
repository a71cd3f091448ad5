/**
 * A rebuild's new SQLite database: built at `<path>.rebuild` beside the live file, then
 * swapped in with one rename (atomic on POSIX), the old file kept as `<path>.bak` (a hard
 * link made before the rename, so there is no moment without a database). The swap refuses
 * to run while another process has the live database open (its WAL file outlives our own
 * close), since that process would go on writing into the old file.
 */
import { copyFile, link, rename, rm, stat } from 'node:fs/promises';
import { AppError } from '../../domain/errors.ts';
import type { ScratchStore } from '../scratch-store.ts';
import { createSqliteStore } from './sqlite-store.ts';

/** Opens an empty database beside `livePath` for a rebuild; replacing the live one needs every connection to it closed. */
export async function openSqliteScratch(livePath: string, busyTimeoutMs?: number): Promise<ScratchStore> {
  const scratchPath = `${livePath}.rebuild`;
  await removeDatabase(scratchPath);
  const store = createSqliteStore({ path: scratchPath, busyTimeoutMs });
  return {
    store,
    replaceLive: async () => {
      await store.close();
      if (await exists(`${livePath}-wal`)) {
        await removeDatabase(scratchPath);
        throw new AppError(
          'store.busy',
          'the database is open in another Tidings process (stop `tidings serve` first); nothing was changed',
        );
      }
      let backup: string | undefined;
      if (await exists(livePath)) {
        backup = `${livePath}.bak`;
        await removeDatabase(backup);
        await link(livePath, backup).catch(() => copyFile(livePath, backup!));
      }
      await rename(scratchPath, livePath);
      return backup === undefined ? {} : { backup };
    },
    discard: async () => {
      await store.close();
      await removeDatabase(scratchPath);
    },
  };
}

/** Returns true when a SQLite database file exists at `path`. */
export function sqliteDatabaseExists(path: string): Promise<boolean> {
  return exists(path);
}

async function removeDatabase(path: string): Promise<void> {
  await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${path}${suffix}`, { force: true })));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
