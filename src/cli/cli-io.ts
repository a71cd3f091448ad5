/**
 * Where commands write and what they know about their surroundings, passed in rather than
 * read from `process`, so in-process tests can run `main([...], io)` and capture output.
 * Conventions: results for people (or `--json`) on stdout; each error one line on stderr.
 */

/** The command line's view of its process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (live progress lines only then). */
  isTty: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); `serve` waits on it. */
  stopRequested?: Promise<void>;
  /** Reads all of standard input (`--password-stdin`); absent = the process's (see read-password.ts). */
  readStdin?: () => Promise<string>;
  /** Asks for a secret without echo; resolves undefined when there is no terminal. Absent = the process's terminal. */
  promptSecret?: (question: string) => Promise<string | undefined>;
}

/** Returns the io of the real process. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTty: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Exit statuses: 0 ok, 1 failure, 2 usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Writes one error line (`tidings: message`) and returns the failure status. */
export function fail(io: CliIo, message: string, status: number = EXIT.failure): number {
  io.stderr(`tidings: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return status;
}

/** Writes `value` as one line of JSON. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value)}\n`);
}
