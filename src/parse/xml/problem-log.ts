/**
 * Collects what the lenient parser had to recover, as short lines for `problems`:
 * each distinct message once, with its first line number and a repeat count, capped.
 * Notes (something unusual that needed no repair, such as a DTD's external entity that is
 * never used) are listed the same way but do not make the document recovered.
 */

const MAX_DISTINCT = 30;

/** A problem collector that turns text offsets into line numbers in one forward pass. */
export interface ProblemLog {
  /** Records a recovery at `offset` in the document. */
  add(message: string, offset: number): void;
  /** Records a note at `offset`: listed in the problems, but nothing was repaired. */
  note(message: string, offset: number): void;
  /** True when nothing had to be recovered (notes do not count). */
  readonly empty: boolean;
  /** Returns the recorded problems as lines. */
  lines(): string[];
}

/** Creates a problem log over `text`. */
export function createProblemLog(text: string): ProblemLog {
  const firstLine = new Map<string, number>();
  const counts = new Map<string, number>();
  let scannedTo = 0;
  let line = 1;
  let overflow = 0;
  let recovered = false;

  function lineAt(offset: number): number {
    // Offsets are non-decreasing for almost all calls; a backward one gets the current line.
    for (let i = text.indexOf('\n', scannedTo); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    if (offset > scannedTo) scannedTo = offset;
    return line;
  }

  function record(message: string, offset: number): void {
    const seen = counts.get(message);
    if (seen !== undefined) {
      counts.set(message, seen + 1);
      return;
    }
    if (counts.size >= MAX_DISTINCT) {
      overflow++;
      return;
    }
    counts.set(message, 1);
    firstLine.set(message, lineAt(offset));
  }

  return {
    add(message, offset) {
      recovered = true;
      record(message, offset);
    },
    note(message, offset) {
      record(message, offset);
    },
    get empty() {
      return !recovered;
    },
    lines() {
      const out: string[] = [];
      for (const [message, count] of counts) {
        const times = count > 1 ? ` (${count} times)` : '';
        out.push(`${message} at line ${firstLine.get(message)}${times}`);
      }
      if (overflow > 0) out.push(`${overflow} more problems not listed`);
      return out;
    },
  };
}
