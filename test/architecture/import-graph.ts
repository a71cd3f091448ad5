/**
 * The import graph of src/: every relative `import`, `import type`, `export … from` and
 * dynamic `import()` between source files, and the cycles in it. A scan of our own import
 * statements rather than dependency-cruiser or madge: both parse TypeScript through the
 * compiler's JavaScript API, which TypeScript 7 no longer ships, and the code here writes
 * imports in one form that a regular expression reads exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Source file (path relative to the root, `/`-separated) → the source files it imports. */
export type ImportGraph = Map<string, Set<string>>;

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s*'([^']+)'/g;

/** Returns the graph of the `.ts` files under `root` (tests and testdata excluded). */
export function readImportGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of listSources(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec.startsWith('.')) continue;
      targets.add(toKey(relative(root, resolve(root, dirname(file), spec))));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Returns the graph's cycles as strongly connected components of two or more nodes (or one that imports itself). */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Returns the graph between folders: an edge from each file's folder to each imported file's folder. */
export function folderGraph(graph: ImportGraph): ImportGraph {
  const folders: ImportGraph = new Map();
  for (const [file, targets] of graph) {
    const from = dirname(file);
    const edges = folders.get(from) ?? new Set<string>();
    folders.set(from, edges);
    for (const target of targets) {
      const to = dirname(target);
      if (to !== from && !isWithin(from, to) && !isWithin(to, from)) edges.add(to);
      if (!folders.has(to)) folders.set(to, new Set());
    }
  }
  return folders;
}

function isWithin(folder: string, parent: string): boolean {
  return folder.startsWith(`${parent}/`);
}

function listSources(root: string, folder = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'testdata') files.push(...listSources(root, path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      files.push(path);
    }
  }
  return files;
}

function toKey(path: string): string {
  return path.split(sep).join('/');
}
