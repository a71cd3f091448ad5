/**
 * The correctness gate of the parse benchmark: reads a tool's captured output (untimed) and
 * compares its item count with expected.json, per file for JSON Lines tools, in total for
 * sfeed's TSV. For GBK files it also checks that the decoded text is Chinese, not mojibake.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Corpus } from './generate-corpus.ts';
import type { Runner } from './runners.ts';

/** What a tool's output said, and every way it disagreed with the corpus. */
export interface OutputCheck {
  items: number;
  ok: boolean;
  /** One short line per disagreement (capped), empty when ok. */
  problems: string[];
}

const MAX_PROBLEMS = 8;
const GBK_FILE = /-gb(k|2312)/;
const CJK = /[\u4e00-\u9fff]/;

/** Returns the number of newline bytes in `file`. */
async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return lines;
}

/** Returns the check of JSON Lines output, one object per file with a "file" key. */
async function checkJsonLines(
  file: string,
  countItems: (line: Record<string, unknown>) => number,
  corpus: Corpus,
): Promise<OutputCheck> {
  const problems: string[] = [];
  const seen = new Set<string>();
  let items = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!text) continue;
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      problems.push(`unparsable output line: ${text.slice(0, 80)}`);
      continue;
    }
    const name = String(line.file);
    seen.add(name);
    const count = countItems(line);
    items += count;
    if (line.error) problems.push(`${name}: error ${String(line.error).slice(0, 120)}`);
    else if (count !== corpus.expected[name])
      problems.push(`${name}: ${count} items, expected ${corpus.expected[name]}`);
    if (line.wellFormed === false) problems.push(`${name}: reported not well-formed`);
    if (GBK_FILE.test(name) && (!CJK.test(text) || text.includes('\ufffd')))
      problems.push(`${name}: GBK text not decoded`);
  }
  for (const name of corpus.files) if (!seen.has(name)) problems.push(`${name}: no output line`);
  return { items, ok: problems.length === 0 && items === corpus.totalItems, problems: capProblems(problems) };
}

/** Returns at most MAX_PROBLEMS lines plus a count of the rest. */
function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more`];
}

/** Returns how `runner`'s output captured in `file` compares with the corpus's expected counts. */
export async function checkOutput(file: string, runner: Runner, corpus: Corpus): Promise<OutputCheck> {
  if (runner.output.kind === 'json-lines') return checkJsonLines(file, runner.output.countItems, corpus);
  const items = await countLines(file);
  const ok = items === corpus.totalItems;
  return { items, ok, problems: ok ? [] : [`${items} lines, expected ${corpus.totalItems} items`] };
}
