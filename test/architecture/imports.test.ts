import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, folderGraph, readImportGraph, type ImportGraph } from './import-graph.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * Which top-level folders of src/ each may import (docs/architecture.md draws the same
 * layers): front ends → composition root → use cases → stages and adapters → domain → util.
 * A new arrow is a design decision: add it here and to docs/architecture.md, or move the code.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  cli: [
    'web',
    'context',
    'config',
    'accounts',
    'ingest',
    'search',
    'archive',
    'store',
    'parse',
    'clean',
    'extract',
    'domain',
    'util',
  ],
  web: ['context', 'accounts', 'ingest', 'search', 'publish', 'store', 'parse', 'clean', 'domain', 'util'],
  context: ['config', 'ingest', 'store', 'fetch', 'clean', 'domain', 'util'],
  config: ['fetch', 'archive', 'domain', 'util'],
  accounts: ['ingest', 'store', 'domain', 'util'],
  ingest: ['archive', 'store', 'fetch', 'parse', 'clean', 'extract', 'tokenize', 'domain', 'util'],
  search: ['store', 'tokenize', 'domain', 'util'],
  archive: ['domain', 'util'],
  publish: ['domain', 'util'],
  store: ['tokenize', 'domain', 'util'],
  fetch: ['domain', 'util'],
  parse: ['domain', 'util'],
  clean: ['domain', 'util'],
  extract: ['domain', 'util'],
  tokenize: ['domain', 'util'],
  domain: ['util'],
  util: [],
};

const graph = readImportGraph(SRC);

describe('imports in src/', () => {
  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('ingest/refresh/refresh-feed.ts')).toContain('ingest/ingest-context.ts');
  });

  it('form no cycle between files', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('form no cycle between folders', () => {
    expect(findCycles(folderGraph(graph))).toEqual([]);
  });

  it('point only down the layers', () => {
    expect(arrowsAgainstLayers(graph)).toEqual([]);
  });

  it('find a cycle and an upward arrow when there is one', () => {
    const bad: ImportGraph = new Map([
      ['store/a.ts', new Set(['web/b.ts'])],
      ['web/b.ts', new Set(['store/a.ts'])],
    ]);
    expect(findCycles(bad)).toEqual([['store/a.ts', 'web/b.ts']]);
    expect(findCycles(folderGraph(bad))).toEqual([['store', 'web']]);
    expect(arrowsAgainstLayers(bad)).toEqual(['store/a.ts → web/b.ts']);
  });
});

function arrowsAgainstLayers(g: ImportGraph): string[] {
  const wrong: string[] = [];
  for (const [file, targets] of g) {
    const from = layerOf(file);
    for (const target of targets) {
      const to = layerOf(target);
      if (from !== to && !(ALLOWED[from] ?? []).includes(to)) wrong.push(`${file} → ${target}`);
    }
  }
  return wrong.sort();
}

function layerOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, '');
}
