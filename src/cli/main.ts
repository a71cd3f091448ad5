/**
 * The `tidings` command line's entry: plain `tidings parse` calls (parse-fast-path.ts) run
 * directly, everything else goes through the commander tree (create-program.ts), loaded only
 * then: commander and the tree are a noticeable part of a one-file parse's start-up that it does
 * not need (bench/README.md, "`tidings parse`: start-up, reading, JSON, threads").
 * cli/ may read configuration and import anything below it; nothing imports cli/.
 * Exit statuses: 0 ok, 1 failure, 2 usage (commander's own errors included).
 */
import { EXIT, processIo, type CliIo } from './cli-io.ts';
import { matchPlainParse } from './parse-fast-path.ts';

/** Runs the CLI with `argv` (without node and script) and returns the exit status; `io` defaults to the process's. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const plain = matchPlainParse(argv);
    if (plain !== undefined) {
      const { runParse } = await import('./parse-command.ts');
      return await runParse(plain.files, plain.options);
    }
    const { runProgram } = await import('./create-program.ts');
    return await runProgram(argv, io);
  } catch (error) {
    io.stderr(`tidings: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}
