/**
 * Recognizes the plain `tidings parse` calls that scripts and benchmarks make (files with
 * --json, --raw, --pretty, --jobs N) so that main.ts can run them without loading commander
 * and building the whole command tree, about a tenth of a one-file parse (bench/README.md,
 * "`tidings parse`: start-up, reading, JSON, threads"). Anything else, however harmless (--help, --url, `--jobs=2`,
 * `--`, a global option, an unknown flag), returns undefined and goes through commander, so
 * help, usage errors and every other option behave exactly as before. What it returns is
 * what commander hands the `parse` action for the same arguments.
 */
import type { ParseCommandOptions } from './parse-command.ts';

/** The files and options of a plain `parse` call. */
export interface PlainParseCall {
  files: string[];
  options: ParseCommandOptions;
}

const FLAGS = { '--json': 'json', '--raw': 'raw', '--pretty': 'pretty' } as const;

/** Returns the files and options when `argv` is a plain `parse` call (see the module comment), else undefined. */
export function matchPlainParse(argv: readonly string[]): PlainParseCall | undefined {
  if (argv[0] !== 'parse') return undefined;
  const files: string[] = [];
  const options: ParseCommandOptions = { header: [] };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
    } else if (Object.hasOwn(FLAGS, arg)) {
      options[FLAGS[arg as keyof typeof FLAGS]] = true;
    } else if (arg === '--jobs' && i + 1 < argv.length && !argv[i + 1].startsWith('-')) {
      options.jobs = argv[++i];
    } else {
      return undefined;
    }
  }
  return files.length > 0 ? { files, options } : undefined;
}
