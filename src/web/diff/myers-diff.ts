/**
 * Myers' O(ND) difference algorithm ("An O(ND) Difference Algorithm and Its Variations",
 * 1986) over sequences of token ids, with a work budget: it gives up (returns undefined)
 * rather than spend unbounded time and memory on two huge, very different texts, and the
 * caller falls back to a coarser diff. Memory is O(D²) (one V row per edit step), time
 * O((N+M)·D), both capped by `maxWork`. Written here rather than taken from a package: it is
 * fifty lines, and the budget and the id-based input are what the revision view needs.
 */
import type { WorkMeter } from '../../util/work-meter.ts';

/** One step of an edit script: keep, delete from `a`, or insert from `b`, with the index in its sequence. */
export type DiffOp =
  | { kind: 'equal'; aIndex: number; bIndex: number }
  | { kind: 'delete'; aIndex: number }
  | { kind: 'insert'; bIndex: number };

/** Bounds for `diffSequences`. */
export interface DiffBudget {
  /** Loop steps (diagonals tried plus snake comparisons) before giving up; default 4 000 000. */
  maxWork?: number;
  /** Edit steps (D) before giving up; default 4 000. */
  maxEdits?: number;
}

/** Returns the shortest edit script turning `a` into `b`, or undefined when it costs more than the budget; adds its steps (as `maxWork` counts them) to `meter`. */
export function diffSequences(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  budget: DiffBudget = {},
  meter?: WorkMeter,
): DiffOp[] | undefined {
  const n = a.length;
  const m = b.length;
  const maxD = Math.min(n + m, budget.maxEdits ?? 4000);
  const maxWork = budget.maxWork ?? 4_000_000;
  const offset = maxD + 1;
  const v = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  let work = 0;
  let ops: DiffOp[] | undefined;
  search: for (let d = 0; d <= maxD; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
        work++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        ops = backtrack(trace, n, m, d);
        break search;
      }
      if (++work > maxWork) break search;
    }
  }
  if (meter !== undefined) meter.steps += work;
  return ops;
}

// trace[d] holds V as it was before step d, for diagonals -d-1 … d+1 (index k + d + 1).
function backtrack(trace: Int32Array[], n: number, m: number, edits: number): DiffOp[] {
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const row = trace[d];
    const at = (k: number) => row[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: 'equal', aIndex: --x, bIndex: --y });
    if (x === prevX) ops.push({ kind: 'insert', bIndex: --y });
    else ops.push({ kind: 'delete', aIndex: --x });
  }
  while (x > 0 && y > 0) ops.push({ kind: 'equal', aIndex: --x, bIndex: --y });
  return ops.reverse();
}
