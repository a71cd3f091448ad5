/**
 * A real `tidings serve` child process for the browser tests: a temporary data folder,
 * port 0 (the server picks a free port and prints its address), feeds on 127.0.0.1
 * allowed (TIDINGS_ALLOW_PRIVATE_NETWORKS=127.0.0.1, set by the e2e helpers' cliEnv).
 */
import type { ChildProcess } from 'node:child_process';
import { killGroup, requireBuild, spawnCli, waitForExit } from '../e2e/run-cli.ts';
import { createTempDirs } from '../e2e/temp-dirs.ts';

/** A running reader. */
export interface ReaderServer {
  /** The base URL, ending in `/`. */
  base: string;
  /** Returns the absolute URL of `path` on the reader. */
  url(path: string): string;
  /** What the process wrote to stderr so far (fetch rounds, errors). */
  stderr(): string;
  /** Stops the process (SIGTERM, SIGKILL after 8 s) and removes its data folder. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 45_000;

function waitForAddress(child: ChildProcess, errors: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `tidings serve printed no address within ${START_TIMEOUT_MS} ms; stdout: ${text}; stderr: ${errors()}`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`tidings serve exited (${code ?? signal}) before serving; stderr: ${errors()}`));
    });
  });
}

/** Starts `tidings serve` on a free loopback port with a fresh data folder (the compiled CLI: run `npm run build` first). */
export async function startReader(name: string): Promise<ReaderServer> {
  requireBuild();
  const dirs = await createTempDirs(`browser-${name}`);
  const data = await dirs.make('data');
  const child = spawnCli(data, ['serve', '--host', '127.0.0.1', '--port', '0']);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = waitForExit(child, 10 * 60_000);
  let base: string;
  try {
    base = await waitForAddress(child, () => stderr);
  } catch (error) {
    killGroup(child);
    await dirs.cleanup();
    throw error;
  }
  return {
    base,
    url: (path) => new URL(path, base).href,
    stderr: () => stderr,
    stop: async () => {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child), 8_000);
      await exited.catch(() => undefined);
      clearTimeout(timer);
      await dirs.cleanup();
    },
  };
}
