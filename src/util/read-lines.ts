/**
 * Reads a file line by line in chunks, so a file of any size costs only its longest line
 * that is kept: a line over `maxLineBytes` is skipped as it streams by and reported with
 * its size instead. Lines are bytes (split on LF), so a torn multi-byte character spoils
 * only its own line; the last line is flagged when the file does not end with LF.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** One line of a file: its bytes (without the LF), or only its size when it was over the limit. */
export type FileLine =
  | { kind: 'line'; number: number; bytes: Buffer; lastWithoutNewline: boolean }
  | { kind: 'too-long'; number: number; size: number };

/** Options of readLines: the longest line kept (default no limit) and the read size (default 1 MiB). */
export interface ReadLinesOptions {
  maxLineBytes?: number;
  chunkBytes?: number;
}

/** Yields the lines of the file at `path`, numbered from 1; throws the file system's error (a symbolic link is refused). */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<FileLine> {
  const maxLine = options.maxLineBytes ?? Number.POSITIVE_INFINITY;
  const chunk = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  let parts: Buffer[] = [];
  let size = 0;
  let number = 1;
  const take = (piece: Buffer) => {
    size += piece.length;
    if (size <= maxLine) parts.push(Buffer.from(piece));
    else parts = [];
  };
  const finish = (lastWithoutNewline: boolean): FileLine => {
    const line: FileLine =
      size > maxLine
        ? { kind: 'too-long', number, size }
        : { kind: 'line', number, bytes: Buffer.concat(parts, size), lastWithoutNewline };
    parts = [];
    size = 0;
    number++;
    return line;
  };
  try {
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      let start = 0;
      for (let end = chunk.indexOf(0x0a, 0); end !== -1 && end < bytesRead; end = chunk.indexOf(0x0a, start)) {
        take(chunk.subarray(start, end));
        yield finish(false);
        start = end + 1;
      }
      if (start < bytesRead) take(chunk.subarray(start, bytesRead));
    }
    if (size > 0 || parts.length > 0) yield finish(true);
  } finally {
    await handle.close();
  }
}
