/**
 * The cleaning commands: `tidings clean`, `tidings rules test`, `tidings extract`. They work
 * on files and never touch the network or the database; the data folder only supplies the
 * user's rule packs (`<data>/rules/`).
 */
import type { Command } from 'commander';
import type { GlobalOptions } from './with-context.ts';

function dataDirOf(globals: GlobalOptions): string | undefined {
  return globals.data ?? process.env.TIDINGS_DATA;
}

/** Adds the cleaning commands to `program`. */
export function registerCleanCommands(
  program: Command,
  globals: () => GlobalOptions,
  setExitCode: (code: number) => void,
): void {
  program
    .command('clean')
    .description('print the cleaned HTML of an article body (an HTML file, an archive article file, or - for stdin)')
    .argument('<file>', 'the article body')
    .option('--feed-url <url>', "the feed's URL: rule packs match its host")
    .option('--item-url <url>', "the article's URL: rule packs match its host; the base for relative links")
    .option('--base-url <url>', 'the base for relative links when it is not the item URL')
    .option('--generator <text>', "the feed's generator: rule packs may match it")
    .option('--format <form>', 'html (default), text or markdown')
    .option('--explain', 'list on stderr which step or rule removed what')
    .action(async (file: string, options) => {
      const { runClean } = await import('./clean-command.ts');
      setExitCode(await runClean(file, { ...options, dataDir: dataDirOf(globals()) }));
    });

  const rules = program.command('rules').description('rule packs that remove feed boilerplate');
  rules
    .command('test')
    .description("run rule packs' own tests: every shipped and user pack, or one pack file")
    .argument('[file]', 'a rule pack file')
    .option('--verbose', 'also print the cleaned output of passing tests')
    .action(async (file: string | undefined, options) => {
      const { runRulesTest } = await import('./rules-command.ts');
      setExitCode(await runRulesTest(file, { ...options, dataDir: dataDirOf(globals()) }));
    });

  program
    .command('extract')
    .description('extract and clean the article of a saved web page, as full-text mode does (no fetching)')
    .argument('<file>', 'the page (- for stdin)')
    .requiredOption('--url <url>', "the page's URL: the base for links; selects rule packs")
    .option(
      '--json',
      'print {title, byline, excerpt, siteName, publishedTime, lang, dir, content, textContent, length}',
    )
    .option('--pretty', 'indent the JSON')
    .option('--content-type <type>', 'the HTTP Content-Type that came with the page (for its charset)')
    .action(async (file: string, options) => {
      const { runExtract } = await import('./extract-command.ts');
      setExitCode(await runExtract(file, { ...options, dataDir: dataDirOf(globals()) }));
    });
}
