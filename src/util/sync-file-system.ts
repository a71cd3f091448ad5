/**
 * One durability barrier for many files: syncfs(2) on the file system that holds a path, run
 * as coreutils' `sync --file-system PATH` (Node has no syncfs binding, and a native addon for
 * one call is not worth a build step). An fsync per file costs far more CPU than one barrier
 * per batch, mostly kernel journal work (bench/README.md, "Durability barriers:
 * syncfs"). The commands run from one small shell started once per process and fed a path per
 * line: forking a Node process of a few hundred MB for every barrier cost more than the
 * barrier. Where the command is missing or
 * refuses (not Linux, an old coreutils), the answer is false and callers fsync file by file.
 */
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';

// Reads one path per line and answers `ok`, `fail` or (without `sync --file-system` here) `unsupported` for each, in order.
const LOOP = [
  "if sync --help 2>/dev/null | grep -q -- '--file-system'; then s=1; else s=0; fi",
  'while IFS= read -r p; do',
  '  if [ $s = 0 ]; then echo unsupported; elif sync --file-system "$p" >/dev/null 2>&1; then echo ok; else echo fail; fi',
  'done',
].join('\n');

interface Shell {
  child: { stdin: Socket; stdout: Socket; stderr: Socket; unref(): void };
  answers: Array<(answer: string) => void>;
}

let shell: Shell | undefined;
let unsupported = false;

/** Flushes every file of the file system holding `path` to stable storage; false when this cannot be done (fsync each file instead). */
export async function syncFileSystem(path: string): Promise<boolean> {
  if (unsupported || path.includes('\n')) return false;
  const answer = await ask(path);
  // Only a missing command is remembered: after any other failure (an I/O error) this batch falls back to fsyncs, which report it.
  if (answer === 'unsupported') unsupported = true;
  return answer === 'ok';
}

function ask(path: string): Promise<string> {
  return new Promise((resolve) => {
    try {
      const current = shell ?? startShell();
      // Waiting for an answer keeps the process alive; an idle shell does not.
      if (current.answers.length === 0) current.child.stdout.ref();
      current.answers.push((answer) => {
        if (current.answers.length === 0) current.child.stdout.unref();
        resolve(answer);
      });
      current.child.stdin.write(`${path}\n`);
    } catch {
      resolve('unsupported');
    }
  });
}

function startShell(): Shell {
  const sh = spawn('sh', ['-c', LOOP], { stdio: ['pipe', 'pipe', 'pipe'] });
  // Pipes to a child are sockets (ref and unref them like any handle).
  const child = sh as unknown as Shell['child'];
  const started: Shell = { child, answers: [] };
  shell = started;
  createInterface({ input: child.stdout }).on('line', (line) => started.answers.shift()?.(line));
  const stop = (answer: string) => {
    if (shell === started) shell = undefined;
    for (const reply of started.answers.splice(0)) reply(answer);
  };
  // No shell here at all: nothing to retry. A shell that exits (killed) is started again next time.
  sh.on('error', () => stop('unsupported'));
  sh.on('exit', () => stop('fail'));
  child.stdin.on('error', () => stop('fail'));
  // An idle shell never keeps the process alive, and dies with it (its stdin closes).
  child.unref();
  child.stdin.unref();
  child.stdout.unref();
  child.stderr.unref();
  return started;
}
