/**
 * Reads a whole file into one buffer of its size, unless it is larger than a limit: the
 * size is read from the open file first, so a file over the limit costs no memory, and a
 * symbolic link or anything but a regular file is refused rather than followed or waited on.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** What reading a file under a limit gives: its bytes, or why not (its size when too large). */
export type ReadLimitedResult =
  | { kind: 'ok'; bytes: Buffer }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-a-file' };

/** Returns the file's bytes when it is a regular file of at most `maxBytes` (no limit when undefined); throws the file system's error otherwise. */
export async function readFileLimited(path: string, maxBytes?: number): Promise<ReadLimitedResult> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { kind: 'not-a-file' };
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'not-a-file' };
    if (maxBytes !== undefined && stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { kind: 'ok', bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled) };
  } finally {
    await handle.close();
  }
}
