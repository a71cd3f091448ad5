/**
 * Temporary folders for one test file's data dirs and exports, removed together at the end.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A set of temporary folders under one root. */
export interface TempDirs {
  /** Returns the path of a new empty subfolder named `name` (the name must be new in this set). */
  make(name: string): Promise<string>;
  /** Returns the path `name` under the root without creating it. */
  path(name: string): string;
  /** Removes the root and everything in it. */
  cleanup(): Promise<void>;
}

/** Creates a root under the OS temp folder whose name starts with `prefix`. */
export async function createTempDirs(prefix: string): Promise<TempDirs> {
  const root = await mkdtemp(join(tmpdir(), `tidings-e2e-${prefix}-`));
  return {
    make: async (name) => {
      const path = join(root, name);
      await mkdir(path);
      return path;
    },
    path: (name) => join(root, name),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
