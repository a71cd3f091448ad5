/**
 * How much work cleanHtml does on pathological input, counted rather than timed: every read
 * of a slot of a `children` array of the parsed tree (each step, the sanitizer's tree pass and
 * the serializer walk the tree through these arrays) is counted, and the count must grow in
 * step with the input. A step that removed nodes one at a time (`indexOf` + `splice` per node)
 * or rescanned its siblings per child would make it grow with the square of the input.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ParentNode } from './dom.ts';

const meter = { reads: 0, on: false };

vi.mock('./dom.ts', async (importOriginal) => {
  const dom = await importOriginal<typeof import('./dom.ts')>();
  return {
    ...dom,
    parseFragmentWithDepth: (html: string) => {
      const parsed = dom.parseFragmentWithDepth(html);
      if (meter.on) countChildReads(parsed.root);
      return parsed;
    },
  };
});

const { cleanHtml } = await import('./clean-html.ts');

const counted = new WeakSet<object>();

/** Makes `node.children` (now and after any reassignment) an array whose slot reads add to `meter.reads`; children are wrapped as they are read. */
function countChildReads(node: ParentNode): void {
  if (counted.has(node)) return;
  counted.add(node);
  const wrap = (list: unknown[]) =>
    new Proxy(list, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof key === 'string' && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) {
          meter.reads++;
          if (typeof value === 'object' && value !== null && 'children' in value) countChildReads(value as ParentNode);
        }
        return value;
      },
    });
  let current = wrap(node.children);
  Object.defineProperty(node, 'children', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (list: unknown[]) => {
      current = wrap(list);
    },
  });
}

/** Returns cleanHtml's output for `html` and the child slots it read. */
function clean(html: string, explain = false): { html: string; reads: number; removed: string[] } {
  meter.reads = 0;
  meter.on = true;
  try {
    const result = cleanHtml(html, { explain });
    return { html: result.html, reads: meter.reads, removed: result.removed.map((r) => r.action) };
  } finally {
    meter.on = false;
  }
}

describe('cleanHtml: work on pathological input', () => {
  it('reads the tree a number of times linear in the length of long runs of breaks and empty paragraphs', () => {
    const runs = (n: number) => `a${'<br>'.repeat(5 * n)}b${'<p>&nbsp;</p>'.repeat(n)}`;
    const small = clean(runs(1000));
    const large = clean(runs(4000));
    expect(small.html).toBe('a<br /><br />b');
    expect(large.html).toBe('a<br /><br />b');
    // At least one read per node, and no more than a fixed number per node whatever the length.
    expect(small.reads).toBeGreaterThanOrEqual(6 * 1000);
    expect(large.reads).toBeLessThanOrEqual(4.2 * small.reads);
  });

  it('does not walk a tree nested deeper than the steps can recurse: the sanitizer alone takes it', () => {
    const deep = clean(`${'<div><span>'.repeat(10_000)}x`, true);
    expect(deep.html).toContain('x');
    expect(deep.removed).toContain('skipped');
    expect(deep.reads).toBe(0);
    const shallow = clean(`${'<div><span>'.repeat(100)}x`, true);
    expect(shallow.reads).toBeGreaterThan(0);
  });
});
