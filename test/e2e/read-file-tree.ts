/**
 * Reads a folder tree into memory for byte-for-byte comparisons of archive folders
 * (export → import → export must give identical files).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Returns every regular file under `root` as relative path ('/'-separated) → bytes, in sorted path order. */
export async function readFileTree(root: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const tree = new Map<string, Buffer>();
  for (const path of files) tree.set(relative(root, path).split(sep).join('/'), await readFile(path));
  return tree;
}

/** Returns the paths of a tree whose bytes differ between `a` and `b`, or that only one has (empty when identical). */
export function diffFileTrees(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].sort().filter((path) => {
    const x = a.get(path);
    const y = b.get(path);
    return x === undefined || y === undefined || !x.equals(y);
  });
}
