/**
 * Reads a whole file into one buffer that is reused from call to call on this thread, for
 * `tidings parse` over many files: `readFileSync` allocates fresh memory per file, which the
 * kernel must map and zero, and reads bench:parse's corpus at least twice as slowly
 * (bench/README.md, "`tidings parse`: start-up, reading, JSON, threads"). The bytes are valid only until the next call; files above REUSE_LIMIT get a
 * buffer of their own, so one huge feed does not pin its size in memory for the rest of the run.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

const REUSE_LIMIT = 16 << 20;
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/** Returns the file's bytes in this thread's scratch buffer, valid until the next call. */
export function readFileReusing(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size >= REUSE_LIMIT) return readFileSync(fd);
    if (size >= scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(size + 1, scratch.length * 2));
    let length = 0;
    for (;;) {
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) return scratch.subarray(0, length);
      length += read;
      // The file grew since fstat (or is not a regular file): fall back to a buffer of its own.
      if (length === scratch.length) return Buffer.concat([scratch.subarray(0, length), readFileSync(fd)]);
    }
  } finally {
    closeSync(fd);
  }
}
