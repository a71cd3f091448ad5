/**
 * The file system calls a batch of revision writes makes (write-revisions.ts), in two kinds
 * with one behaviour: `asyncRevisionIo` (node:fs/promises) for a thread that also serves
 * other work, and `blockingRevisionIo` (the blocking calls) for a thread that has nothing
 * else to do, the refresh round's archive thread. A cold round creates some 50,000 files:
 * through the promise API each file costs five trips through libuv's thread pool (open,
 * write, close, link, unlink) and a FileHandle for the collector, and the archive thread
 * spent more CPU on those trips than the kernel spent on the calls. Blocking calls on that
 * thread take well under half the CPU per file (bench/README.md, "Archive files: blocking calls
 * on the archive thread").
 */
import {
  closeSync,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  cannotSyncFolder,
  errorCode,
  linkNewFile,
  syncFile,
  syncFolder,
  writeTemporary,
} from '../util/write-file-atomic.ts';
import { INDEX_FILE } from './archive-layout.ts';
import { appendIndexLines, indexText } from './write-archive.ts';

/** The calls of a batch write; every one rejects with the fs error it met. */
export interface RevisionIo {
  /** Creates the folder and its parents; true when it did not exist. */
  makeFolder(path: string): Promise<boolean>;
  readNames(folder: string): Promise<string[]>;
  readBytes(path: string): Promise<Buffer>;
  /** Writes a new file (never an existing one); on failure nothing is left at `path`. */
  writeNew(path: string, data: string | Uint8Array): Promise<void>;
  /** Gives `temp` the name `path` unless that name is taken, and removes `temp` either way. */
  linkNew(temp: string, path: string): Promise<'written' | 'exists'>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  syncFile(path: string): Promise<void>;
  syncFolder(folder: string): Promise<void>;
  /** Appends lines to the folder's `index.jsonl` without fsync, first ending a torn last line. */
  appendIndex(folder: string, lines: readonly string[]): Promise<void>;
}

/** The promise-based calls, for threads with other work to do. */
export const asyncRevisionIo: RevisionIo = {
  makeFolder: async (path) => (await mkdir(path, { recursive: true })) !== undefined,
  readNames: (folder) => readdir(folder),
  readBytes: (path) => readFile(path),
  writeNew: (path, data) => writeTemporary(path, data),
  linkNew: linkNewFile,
  rename,
  remove: unlink,
  syncFile,
  syncFolder,
  appendIndex: (folder, lines) => appendIndexLines(folder, lines, { sync: false }),
};

/** The blocking calls, for a thread of its own: each answer is already settled when returned. */
export const blockingRevisionIo: RevisionIo = {
  makeFolder: async (path) => mkdirSync(path, { recursive: true }) !== undefined,
  readNames: async (folder) => readdirSync(folder),
  readBytes: async (path) => readFileSync(path),
  writeNew: async (path, data) => writeNewBlocking(path, data),
  linkNew: async (temp, path) => linkNewBlocking(temp, path),
  rename: async (from, to) => renameSync(from, to),
  remove: async (path) => unlinkSync(path),
  syncFile: async (path) => withDescriptor(path, 'r', fsyncSync),
  syncFolder: async (folder) => syncFolderBlocking(folder),
  appendIndex: async (folder, lines) => appendIndexBlocking(folder, lines),
};

function writeNewBlocking(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing is left at the path either way.
    }
    throw error;
  }
  closeSync(fd);
}

// As linkNewFile (util/write-file-atomic.ts), hard links and the rename fallback included.
function linkNewBlocking(temp: string, path: string): 'written' | 'exists' {
  try {
    linkSync(temp, path);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') {
      removeQuietly(temp);
      return 'exists';
    }
    if (existsBlocking(path)) {
      removeQuietly(temp);
      return 'exists';
    }
    renameSync(temp, path);
    return 'written';
  }
  unlinkSync(temp);
  return 'written';
}

function syncFolderBlocking(folder: string): void {
  try {
    withDescriptor(folder, 'r', fsyncSync);
  } catch (error) {
    if (!cannotSyncFolder(error)) throw error;
  }
}

function appendIndexBlocking(folder: string, lines: readonly string[]): void {
  withDescriptor(join(folder, INDEX_FILE), 'a+', (fd) => {
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
    writeAll(fd, Buffer.from(indexText(lines, torn), 'utf8'));
  });
}

// writeSync may write less than asked (a signal, a full pipe): loop until all of it is written.
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

function withDescriptor(path: string, flags: string, use: (fd: number) => void): void {
  const fd = openSync(path, flags);
  try {
    use(fd);
  } finally {
    closeSync(fd);
  }
}

function existsBlocking(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // The temporary is garbage either way; a later batch removes what is left.
  }
}
