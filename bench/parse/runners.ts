/**
 * The tools the parse benchmark runs over the whole corpus, each as the command a user would
 * type: Tidings' CLI (as it runs by default, which parses many files on worker threads, and
 * with `--jobs 1`, on one thread, so the single-thread figure is printed too), the feedsmith and
 * rss-parser peer CLIs, and Debian's sfeed (one process per file, and one process over all files
 * concatenated). Each runner also knows how to count
 * the items in its captured output, for the correctness gate against expected.json.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitArgs, type TimedCommand } from '../lib/run-timed.ts';

/** One tool under test. */
export interface Runner {
  name: string;
  /** Why it is skipped on this machine, when it is. */
  missing?: string;
  /** True for a JavaScript peer Tidings must beat. */
  jsPeer: boolean;
  /** The processes to start, in order, to parse `files` (relative to `cwd`). */
  commands(files: string[], cwd: string): TimedCommand[];
  /** How its output names items: JSON Lines (with a per-line counter) or one item per line. */
  output: { kind: 'json-lines'; countItems(line: Record<string, unknown>): number } | { kind: 'lines' };
}

// TIDINGS_ROOT points the benchmark at another checkout's build (bin/ and dist/), e.g. to
// compare a branch with main in one run of the same corpus.
const ROOT = process.env.TIDINGS_ROOT
  ? `${process.env.TIDINGS_ROOT.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../', import.meta.url));
const PEERS = fileURLToPath(new URL('./peers/', import.meta.url));
const SFEED = '/usr/bin/sfeed';

/** Returns the length of `value` when it is an array, else 0. */
function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** The row of Tidings on one thread (`--jobs 1`). */
export const TIDINGS_ONE_THREAD = 'tidings --jobs 1';

/** Returns the items of one line of `tidings parse --json` output. */
function countTidingsItems(line: Record<string, unknown>): number {
  return line.error ? 0 : lengthOf(line.items);
}

/** Returns the commands that run `argv` followed by batches of `files`. */
function batched(command: string, argv: string[], files: string[], cwd: string): TimedCommand[] {
  return splitArgs(files).map((batch) => ({ command, args: [...argv, ...batch], cwd }));
}

/** Returns the runners to measure, in table order; unavailable ones carry `missing`. */
export function listRunners(): Runner[] {
  const node = process.execPath;
  const tidingsBuilt = existsSync(`${ROOT}dist/cli/main.js`);
  const sfeedHere = existsSync(SFEED);
  return [
    {
      name: 'tidings',
      missing: tidingsBuilt ? undefined : `${ROOT}dist/cli/main.js missing (run npm run build)`,
      jsPeer: false,
      commands: (files, cwd) => batched(node, [`${ROOT}bin/tidings.js`, 'parse', '--json', '--raw'], files, cwd),
      output: { kind: 'json-lines', countItems: countTidingsItems },
    },
    {
      name: TIDINGS_ONE_THREAD,
      missing: tidingsBuilt ? undefined : `${ROOT}dist/cli/main.js missing (run npm run build)`,
      jsPeer: false,
      commands: (files, cwd) =>
        batched(node, [`${ROOT}bin/tidings.js`, 'parse', '--json', '--raw', '--jobs', '1'], files, cwd),
      output: { kind: 'json-lines', countItems: countTidingsItems },
    },
    {
      name: 'feedsmith',
      jsPeer: true,
      commands: (files, cwd) => batched(node, [`${PEERS}feedsmith-cli.mjs`], files, cwd),
      output: {
        kind: 'json-lines',
        countItems: (line) => {
          const feed = line.feed as { items?: unknown; entries?: unknown } | undefined;
          return lengthOf(feed?.items) + lengthOf(feed?.entries);
        },
      },
    },
    {
      name: 'rss-parser',
      jsPeer: true,
      commands: (files, cwd) => batched(node, [`${PEERS}rss-parser-cli.mjs`], files, cwd),
      output: { kind: 'json-lines', countItems: (line) => lengthOf(line.items) },
    },
    {
      name: 'sfeed (per file)',
      missing: sfeedHere ? undefined : `${SFEED} not installed (apt-get install sfeed)`,
      jsPeer: false,
      commands: (files, cwd) => batched('/bin/sh', ['-c', `for f in "$@"; do ${SFEED} < "$f"; done`, 'sh'], files, cwd),
      output: { kind: 'lines' },
    },
    {
      name: 'sfeed (concatenated)',
      missing: sfeedHere ? undefined : `${SFEED} not installed (apt-get install sfeed)`,
      jsPeer: false,
      commands: (files, cwd) => batched('/bin/sh', ['-c', `cat -- "$@" | ${SFEED}`, 'sh'], files, cwd),
      output: { kind: 'lines' },
    },
  ];
}
