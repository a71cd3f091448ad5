/**
 * The parse stage has no import cycles: each module's relative imports inside src/parse
 * form a graph without a loop (a cycle makes load order matter and hides a layer that
 * belongs one level down, as the encoding/ ring once did).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('./', import.meta.url));
const IMPORT = /^(?:import|export)[^;]*?from\s+'(\.[^']+)'/gms;

function listModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listModules(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

function findCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open')
        cycles.push([...stack.slice(stack.indexOf(next)), next].map((m) => path.relative(ROOT, m)).join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('src/parse imports', () => {
  it('form no cycle', () => {
    const graph = new Map<string, string[]>();
    for (const file of listModules(ROOT)) {
      const deps = [...readFileSync(file, 'utf8').matchAll(IMPORT)]
        .map((match) => path.resolve(path.dirname(file), match[1]))
        .filter((target) => target.startsWith(ROOT));
      graph.set(file, deps);
    }
    expect(graph.size).toBeGreaterThan(50);
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      [`${ROOT}a.ts`, [`${ROOT}b.ts`]],
      [`${ROOT}b.ts`, [`${ROOT}a.ts`]],
    ]);
    expect(findCycles(graph)).toEqual(['a.ts → b.ts → a.ts']);
  });
});
