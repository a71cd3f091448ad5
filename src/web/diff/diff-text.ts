/**
 * The diff of two texts as the revision view shows it: runs of kept, deleted and inserted
 * text. Tokens come from tokenizeForDiff (words for Latin, single characters for Chinese
 * and Japanese). Bounded for huge texts: the common head and tail are cut off first; when
 * the token diff of the rest is over budget, the lines are diffed instead and only the
 * changed blocks get a token diff (each within its own budget, else shown replaced whole),
 * so the work on two very different 1 MB articles stays within those budgets. Small kept pieces
 * squeezed between changes (a space, one shared character) are folded into the change, so
 * a rewritten sentence reads as one deletion and one insertion, not confetti.
 */
import type { WorkMeter } from '../../util/work-meter.ts';
import { diffSequences, type DiffBudget } from './myers-diff.ts';
import { tokenizeForDiff } from './tokenize-diff.ts';

/** One run of the diff. */
export interface DiffPart {
  kind: 'equal' | 'delete' | 'insert';
  text: string;
}

/** A text diff; `exact` is false when a block was too different to diff finely and is shown replaced whole. */
export interface TextDiff {
  parts: DiffPart[];
  exact: boolean;
}

const TOKEN_BUDGET: DiffBudget = { maxWork: 3_000_000, maxEdits: 3000 };
const BLOCK_BUDGET: DiffBudget = { maxWork: 400_000, maxEdits: 800 };
const LINE_BUDGET: DiffBudget = { maxWork: 3_000_000, maxEdits: 3000 };

/** Returns the diff turning `before` into `after`; the steps of its sequence diffs are added to `meter`. */
export function diffText(before: string, after: string, meter?: WorkMeter): TextDiff {
  const state = { exact: true };
  const raw =
    diffTokens(tokenizeForDiff(before), tokenizeForDiff(after), TOKEN_BUDGET, meter) ??
    diffByLines(before, after, state, meter);
  return { parts: foldSmallEquals(merge(raw)), exact: state.exact };
}

function diffTokens(
  a: string[],
  b: string[],
  budget: DiffBudget,
  meter: WorkMeter | undefined,
): DiffPart[] | undefined {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ids = new Map<string, number>();
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) ids.set(token, (id = ids.size));
    return id;
  };
  const ops = diffSequences(midA.map(idOf), midB.map(idOf), budget, meter);
  if (ops === undefined) return undefined;
  const parts: DiffPart[] = [{ kind: 'equal', text: a.slice(0, head).join('') }];
  for (const op of ops) {
    if (op.kind === 'insert') parts.push({ kind: 'insert', text: midB[op.bIndex] });
    else parts.push({ kind: op.kind, text: midA[op.aIndex] });
  }
  parts.push({ kind: 'equal', text: a.slice(a.length - tail).join('') });
  return parts;
}

function diffByLines(
  before: string,
  after: string,
  state: { exact: boolean },
  meter: WorkMeter | undefined,
): DiffPart[] {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  const lines = diffTokens(a, b, LINE_BUDGET, meter);
  if (lines === undefined) {
    state.exact = false;
    return [
      { kind: 'delete', text: before },
      { kind: 'insert', text: after },
    ];
  }
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted !== '' || inserted !== '') {
      const fine = diffTokens(tokenizeForDiff(deleted), tokenizeForDiff(inserted), BLOCK_BUDGET, meter);
      if (fine === undefined) state.exact = false;
      out.push(
        ...(fine ?? [
          { kind: 'delete', text: deleted },
          { kind: 'insert', text: inserted },
        ]),
      );
    }
    deleted = '';
    inserted = '';
  };
  for (const part of lines) {
    if (part.kind === 'delete') deleted += part.text;
    else if (part.kind === 'insert') inserted += part.text;
    else {
      flush();
      out.push(part);
    }
  }
  flush();
  return out;
}

// Joins neighbours of the same kind and orders each change as its deletion, then its insertion.
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted !== '') out.push({ kind: 'delete', text: deleted });
    if (inserted !== '') out.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const part of parts) {
    if (part.text === '') continue;
    if (part.kind === 'delete') deleted += part.text;
    else if (part.kind === 'insert') inserted += part.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'equal') last.text += part.text;
      else out.push({ ...part });
    }
  }
  flush();
  return out;
}

function changeLength(parts: DiffPart[], from: number, step: 1 | -1): number {
  let length = 0;
  for (let i = from; i >= 0 && i < parts.length && parts[i].kind !== 'equal'; i += step)
    length += [...parts[i].text].length;
  return length;
}

// diff-match-patch's semantic cleanup, simplified: a kept run no longer than the changes on both sides becomes part of them.
function foldSmallEquals(parts: DiffPart[]): DiffPart[] {
  let current = parts;
  for (let round = 0; round < 8; round++) {
    let changed = false;
    const next = current.flatMap((part, i): DiffPart[] => {
      if (part.kind !== 'equal' || i === 0 || i === current.length - 1) return [part];
      const size = [...part.text].length;
      if (size > changeLength(current, i - 1, -1) || size > changeLength(current, i + 1, 1)) return [part];
      changed = true;
      return [
        { kind: 'delete', text: part.text },
        { kind: 'insert', text: part.text },
      ];
    });
    if (!changed) return current;
    current = merge(next);
  }
  return current;
}
