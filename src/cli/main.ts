/**
 * The `tidings` command line: one file per command, each loaded only when it runs so that
 * a quick command (`tidings parse`) does not pay for the database or the web server.
 * cli/ may read configuration and import anything below it; nothing imports cli/.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Builds the command tree; `setExitCode` receives each command's exit status. */
export function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('tidings')
    .description('A self-hosted news archive: every article, every revision, searchable in Chinese and English.')
    .version(packageVersion())
    .showHelpAfterError()
    .exitOverride();

  program
    .command('parse')
    .description('parse feed documents (RSS 0.90–2.0, RSS 1.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) and print them')
    .argument('<files...>', 'feed files; "-" reads standard input')
    .option('--json', 'print the normalized JSON (JSON Lines with a "file" key when several files are given)')
    .option('--raw', 'print HTML values as the parser returns them, not sanitized')
    .option('--pretty', 'indent the JSON output')
    .option('--url <url>', "the document's own URL: the base for relative links")
    .option('--content-type <type>', "the HTTP Content-Type that came with the document, e.g. 'text/xml; charset=gbk'")
    .option('--header <header>', "another HTTP header that came with it, 'Name: value' (repeatable)", collect, [])
    .action(async (files: string[], options) => {
      const { runParse } = await import('./parse-command.ts');
      setExitCode(await runParse(files, options));
    });

  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = createProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`tidings: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
